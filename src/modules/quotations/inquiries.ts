import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { localParts } from '../../lib/local-date';
import { applyEvent, availableEvents } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { findCustomer } from '../customers/customer.repository';
import { insertHistory } from '../history/history.repository';
import { findProductsByIds } from '../products/product.repository';
import { allUsers, findCompanyUser } from '../users/user.repository';
import { inquiryMachine } from './quotation.machine';
import * as repo from './quotation.repository';
import type { CreateInquiryInput } from './quotation.schemas';
import type { InquiryStatus } from './quotation.table';

// 询盘: what the customer asks, kept until a quotation answers it or it is declined with a reason.

const toInquiry = (r: repo.InquiryRow, actor: Actor) => ({
  id: r.id,
  number: r.number,
  status: r.status,
  customer: { id: r.customer_id, code: r.customer_code, name: r.customer_name },
  source: r.source,
  handler: { id: r.handler_id, name: r.handler_name ?? '' },
  description: r.description,
  lines: r.lines,
  wantedDate: r.wanted_date,
  paymentTerms: r.payment_terms,
  packingTerms: r.packing_terms,
  declineReason: r.decline_reason,
  createdAt: r.created_at,
  actions: availableEvents(inquiryMachine, r.status, actor),
});
export type Inquiry = ReturnType<typeof toInquiry>;

export async function getInquiry(db: Db, actor: Actor, id: string): Promise<Inquiry> {
  const row = await repo.findInquiry(db, actor.companyId, id);
  if (!row) throw new AppError('INQUIRY.NOT_FOUND');
  return toInquiry(row, actor);
}

export async function listInquiries(
  db: Db,
  actor: Actor,
  q: { status?: InquiryStatus; customer?: string; q?: string; page: number; pageSize: number },
) {
  const page = await repo.listInquiries(db, actor.companyId, { ...q, customerId: q.customer });
  return { ...page, items: page.items.map((r) => toInquiry(r, actor)) };
}

const field = (path: string, message: string) =>
  new AppError('VALIDATION.FAILED', { summary: path }, [{ path, message }]);

export async function createInquiry(db: Db, actor: Actor, env: Env, input: CreateInquiryInput): Promise<Inquiry> {
  const customer = await findCustomer(db, actor.companyId, input.customerId);
  if (!customer) throw field('customerId', 'not found');
  if (!customer.active) throw new AppError('CUSTOMER.INACTIVE');
  const handlerId = input.handlerId ?? actor.userId;
  if (!(await findCompanyUser(db, actor.companyId, handlerId))) throw field('handlerId', 'not a user of the company');
  const ids = input.lines.flatMap((l) => (l.productId ? [l.productId] : []));
  const found = new Set((await findProductsByIds(db, actor.companyId, ids)).map((p) => p.id));
  input.lines.forEach((l, i) => {
    if (l.productId && !found.has(l.productId)) throw field(`lines[${i}].productId`, 'not found');
  });
  const p = localParts(env.now, env.workingHours.timeZone);
  const number = await repo.nextNumber(db, actor.companyId, 'inquiries', `XJ${p.yyyy}${p.MM}-`);
  const { id } = await repo.insertInquiry(db, {
    company_id: actor.companyId,
    number,
    customer_id: customer.id,
    source: input.source,
    handler_id: handlerId,
    description: input.description,
    lines: JSON.stringify(input.lines),
    wanted_date: input.wantedDate ?? null,
    payment_terms: input.paymentTerms,
    packing_terms: input.packingTerms,
    created_at: env.now,
    created_by: actor.userId,
  });
  await insertHistory(db, {
    company_id: actor.companyId,
    entity_type: 'inquiry',
    entity_id: id,
    from_state: null,
    to_state: 'open',
    event: 'register',
    actor_id: actor.userId,
    reason: null,
    at: env.now,
  });
  return getInquiry(db, actor, id);
}

export async function declineInquiry(db: Db, actor: Actor, env: Env, id: string, reason: string): Promise<Inquiry> {
  const row = await repo.lockInquiry(db, actor.companyId, id);
  if (!row) throw new AppError('INQUIRY.NOT_FOUND');
  await applyEvent(db, inquiryMachine, {
    entityId: id,
    current: row.status,
    event: 'decline',
    actor,
    context: undefined,
    reason,
    at: env.now,
    patch: { decline_reason: reason },
  });
  return getInquiry(db, actor, id);
}

/** A quotation answers the inquiry (again, for a second quotation): the same customer's, not declined. */
export async function markQuoted(db: Db, actor: Actor, env: Env, id: string, customerId: string) {
  const row = await repo.lockInquiry(db, actor.companyId, id);
  if (!row) throw field('inquiryId', 'not found');
  if (row.customer_id !== customerId) throw field('inquiryId', "not this customer's inquiry");
  await applyEvent(db, inquiryMachine, {
    entityId: id,
    current: row.status,
    event: 'quote',
    actor,
    context: undefined,
    at: env.now,
  });
  return row;
}

/** Who may handle an inquiry: the company's active salespeople and sales directors. */
export async function inquiryHandlers(db: Db, actor: Actor) {
  const users = await allUsers(db, actor.companyId);
  return users
    .filter((u) => u.active && u.roles.some((r) => r === 'sales_assistant' || r === 'sales_director'))
    .map((u) => ({ id: u.id, name: u.display_name }));
}
