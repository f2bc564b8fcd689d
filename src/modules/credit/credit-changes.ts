import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { isUniqueViolation } from '../../lib/db-errors';
import { formatMoney, parseMoney } from '../../lib/money';
import { applyEvent, availableEvents } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { hasRole } from '../auth/roles';
import * as customers from '../customers/customer.repository';
import {
  assertMayChangeCredit,
  creditChanges,
  isCreditController,
  recordCreditChanges,
  type CreditTerms,
} from '../customers/credit-terms';
import type { PaymentMethod } from '../customers/customer.table';
import { PENDING, creditChangeMachine } from './credit-change.machine';
import * as repo from './credit-change.repository';
import type { CreditChangeStatus, CreditField } from './credit-change.table';

export { assertMayChangeCredit, creditChanges, isCreditController, recordCreditChanges };
export type { CreditChange, CreditTerms } from '../customers/credit-terms';

// 信用额度变更 (segregation of duties): a customer's credit limit, payment method and payment days are changed
// by a credit controller only; sales request a change, a controller approves (it takes effect) or rejects it.
// Every change that took effect is kept with its old and new value, who, when and why.

const termsOf = (row: { credit_limit: string; payment_method: PaymentMethod; payment_days: number }): CreditTerms => ({
  creditLimit: row.credit_limit,
  paymentMethod: row.payment_method,
  paymentDays: row.payment_days,
});

function toRequest(r: repo.CreditChangeRequestRow, actor: Actor) {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerCode: r.customer_code,
    customerName: r.customer_name,
    status: r.status,
    old: { creditLimit: r.old_credit_limit, paymentMethod: r.old_payment_method, paymentDays: r.old_payment_days },
    new: { creditLimit: r.new_credit_limit, paymentMethod: r.new_payment_method, paymentDays: r.new_payment_days },
    reason: r.reason,
    requestedBy: r.requested_by,
    requestedByName: r.requested_by_name,
    requestedAt: r.requested_at,
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    actions: availableEvents(creditChangeMachine, r.status, actor, { requestedBy: r.requested_by }),
  };
}
export type CreditChangeRequest = ReturnType<typeof toRequest>;

async function getRequest(db: Db, actor: Actor, id: string) {
  const row = await repo.findRequest(db, actor.companyId, id);
  if (!row) throw new AppError('CREDIT.CHANGE_NOT_FOUND');
  return toRequest(row, actor);
}

/** Sales ask for new credit terms with a reason; one request per customer waits at a time. */
export async function requestCreditChange(
  db: Db,
  actor: Actor,
  env: Env,
  customerId: string,
  input: Partial<CreditTerms> & { reason: string },
) {
  const customer = await customers.findCustomer(db, actor.companyId, customerId);
  if (!customer) throw new AppError('CUSTOMER.NOT_FOUND');
  const current = termsOf(customer);
  const changes = creditChanges(current, input);
  if (!changes.length) throw new AppError('CREDIT.NOTHING_CHANGES');
  const wanted = (key: keyof CreditTerms) => changes.find((c) => c.key === key)?.new ?? null;
  try {
    const id = await repo.insertRequest(db, {
      company_id: actor.companyId,
      customer_id: customerId,
      status: creditChangeMachine.initial,
      old_credit_limit: current.creditLimit,
      new_credit_limit: wanted('creditLimit'),
      old_payment_method: current.paymentMethod,
      new_payment_method: wanted('paymentMethod') as PaymentMethod | null,
      old_payment_days: current.paymentDays,
      new_payment_days: wanted('paymentDays') === null ? null : Number(wanted('paymentDays')),
      reason: input.reason,
      requested_by: actor.userId,
      requested_at: env.now,
    });
    return getRequest(db, actor, id);
  } catch (err) {
    if (isUniqueViolation(err, 'credit_change_requests_one_open')) throw new AppError('CREDIT.CHANGE_PENDING');
    throw err;
  }
}

async function decide(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  event: 'approve' | 'reject',
  note: string,
  effects?: () => Promise<void>,
) {
  const request = await repo.lockRequest(db, actor.companyId, id);
  if (!request) throw new AppError('CREDIT.CHANGE_NOT_FOUND');
  await applyEvent(db, creditChangeMachine, {
    entityId: id,
    current: request.status,
    event,
    actor,
    reason: note || undefined,
    context: { requestedBy: request.requested_by },
    patch: { decision_note: note },
    at: env.now,
    effects,
  });
  return getRequest(db, actor, id);
}

/** A credit controller approves: the new terms take effect on the customer and the change is kept. */
export async function approveCreditChange(db: Db, actor: Actor, env: Env, id: string, note = '') {
  const request = await repo.findRequest(db, actor.companyId, id);
  if (!request) throw new AppError('CREDIT.CHANGE_NOT_FOUND');
  return decide(db, actor, env, id, 'approve', note, async () => {
    await customers.lockCustomer(db, actor.companyId, request.customer_id);
    const customer = (await customers.findCustomer(db, actor.companyId, request.customer_id))!;
    const changes = creditChanges(termsOf(customer), {
      creditLimit: request.new_credit_limit ?? undefined,
      paymentMethod: request.new_payment_method ?? undefined,
      paymentDays: request.new_payment_days ?? undefined,
    });
    await customers.updateCustomer(db, actor.companyId, request.customer_id, {
      credit_limit: request.new_credit_limit ?? undefined,
      payment_method: request.new_payment_method ?? undefined,
      payment_days: request.new_payment_days ?? undefined,
      updated_at: env.now,
      updated_by: actor.userId,
    });
    await recordCreditChanges(db, actor, request.customer_id, changes, {
      reason: request.reason,
      at: env.now,
      requestId: id,
    });
  });
}

export function rejectCreditChange(db: Db, actor: Actor, env: Env, id: string, note: string) {
  return decide(db, actor, env, id, 'reject', note);
}

export async function listCreditChangeRequests(
  db: Db,
  actor: Actor,
  q: { status?: CreditChangeStatus | 'pending'; customer?: string },
) {
  const statuses = q.status === 'pending' ? PENDING : q.status ? [q.status] : undefined;
  const rows = await repo.listRequests(db, actor.companyId, { statuses, customerId: q.customer });
  return rows.map((r) => toRequest(r, actor));
}

/** The customer's credit history: each change with old and new value, who, when and why, newest first. */
export async function listCustomerCreditChanges(db: Db, actor: Actor, customerId: string) {
  if (!(await customers.findCustomer(db, actor.companyId, customerId))) throw new AppError('CUSTOMER.NOT_FOUND');
  const rows = await repo.listCreditChanges(db, actor.companyId, customerId);
  return rows.map((r) => ({
    id: String(r.id),
    field: r.field,
    old: r.old_value,
    new: r.new_value,
    reason: r.reason,
    changedBy: r.changed_by,
    changedByName: r.changed_by_name,
    changedAt: r.changed_at,
    requestId: r.request_id,
  }));
}
