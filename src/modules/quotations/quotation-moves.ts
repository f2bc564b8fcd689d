import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { todayOf } from '../../lib/local-date';
import { applyEvent } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { notifyRole, notifyUsers } from '../notifications/notification.service';
import { quotationChanges } from './quote-changes';
import { quotationMachine, type QuotationEvent } from './quotation.machine';
import * as repo from './quotation.repository';
import type { ReviseQuotationInput } from './quotation.schemas';
import { getQuotation, type Quotation } from './quotation.service';
import { exportColumns } from '../orders/order-currency';
import { splitExport, writeVersion } from './create-quotation';
import { priceDraft, type DraftTerms } from './quote-lines';
import type { QuotationTerms } from './quotation.table';

// Moves of a quotation through its machine: submit, the director's decision, send, the customer's answer, and a
// revision (a new version, back to draft).

type Locked = NonNullable<Awaited<ReturnType<typeof repo.lockQuotation>>>;

async function locked(db: Db, actor: Actor, id: string): Promise<Locked> {
  const row = await repo.lockQuotation(db, actor.companyId, id);
  if (!row) throw new AppError('QUOTATION.NOT_FOUND');
  return row;
}

async function move(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  event: QuotationEvent,
  extra: { reason?: string; patch?: Record<string, unknown> } = {},
): Promise<Quotation> {
  const q = await locked(db, actor, id);
  const unmatched = await repo.unmatchedLines(db, actor.companyId, id, q.version);
  await applyEvent(db, quotationMachine, {
    entityId: id,
    current: q.status,
    event,
    actor,
    context: { approvalReasons: q.approval_reasons, validUntil: q.valid_until, today: todayOf(env), unmatched },
    reason: extra.reason,
    at: env.now,
    patch: extra.patch,
  });
  return getQuotation(db, actor, env, id);
}

/** Under the allowed discount or the minimum margin: to the sales director. */
export async function submitQuotation(db: Db, actor: Actor, env: Env, id: string) {
  const q = await move(db, actor, env, id, 'submit');
  await notifyRole(db, actor.companyId, 'sales_director', {
    kind: 'quotation_review',
    params: { number: q.number, customer: q.customer.name },
  });
  return q;
}

/** The director approves, or sends it back to draft saying why. */
export async function reviewQuotation(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  input: { decision: 'approve' | 'reject'; note?: string },
) {
  const q = await move(db, actor, env, id, input.decision, {
    reason: input.note,
    patch: { review_note: input.note ?? null },
  });
  await notifyUsers(db, actor.companyId, [q.createdBy.id], {
    kind: input.decision === 'approve' ? 'quotation_approved' : 'quotation_rejected',
    params: { number: q.number, note: input.note ?? '' },
  });
  return q;
}

export const sendQuotation = (db: Db, actor: Actor, env: Env, id: string) =>
  move(db, actor, env, id, 'send', { patch: { sent_at: env.now } });

export const acceptQuotation = (db: Db, actor: Actor, env: Env, id: string) =>
  move(db, actor, env, id, 'accept', { patch: { accepted_at: env.now } });

export const declineQuotation = (db: Db, actor: Actor, env: Env, id: string, reason: string) =>
  move(db, actor, env, id, 'decline', { reason, patch: { decline_reason: reason } });

const termsOf = (q: Locked): Omit<QuotationTerms, 'total' | 'costTotal'> => ({
  validUntil: q.valid_until,
  expectedDeliveryDate: q.expected_delivery_date,
  paymentMethod: q.payment_method,
  paymentDays: q.payment_days,
  packingTerms: q.packing_terms,
  remarks: q.remarks,
  extraCosts: q.extra_costs,
});

/** 修订: a new version with what was sent changed (the rest kept), what changed recorded; back to draft. */
export async function reviseQuotation(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  input: ReviseQuotationInput,
): Promise<Quotation> {
  const q = await locked(db, actor, id);
  const oldLines = await repo.findLines(db, actor.companyId, id, q.version);
  const before = termsOf(q);
  const { fx, rest } = splitExport(input);
  const { note = '', lines, ...changed } = rest;
  // A change of currency takes the rate of the revision's day.
  const cols = await exportColumns(db, actor.companyId, fx, { ...q, order_date: todayOf(env) });
  const draft: DraftTerms = {
    ...before,
    ...Object.fromEntries(Object.entries(changed).filter(([, v]) => v !== undefined)),
    lines:
      lines ??
      oldLines.map((l) => ({
        ...(l.product_id ? { productId: l.product_id } : { description: l.name, spec: l.spec, unit: l.unit }),
        qty: l.qty,
        unitPrice: l.unit_price,
        remark: l.remark,
      })),
  };
  if (draft.validUntil < todayOf(env))
    throw new AppError('VALIDATION.FAILED', { summary: 'validUntil' }, [
      { path: 'validUntil', message: 'must not be before today' },
    ]);
  const { rows, priced } = await priceDraft(db, actor, draft, {
    customerId: q.customer_id,
    day: todayOf(env),
    currency: cols.currency ?? q.currency,
    rate: cols.exchange_rate ?? q.exchange_rate,
  });
  const { lines: _l, ...terms } = draft;
  const after: QuotationTerms = { ...terms, total: priced.total, costTotal: priced.costTotal };
  const changes = quotationChanges({ ...before, total: q.total, costTotal: q.cost_total }, after, oldLines, rows);
  const version = q.version + 1;
  await applyEvent(db, quotationMachine, {
    entityId: id,
    current: q.status,
    event: 'revise',
    actor,
    context: { approvalReasons: q.approval_reasons, validUntil: q.valid_until, today: todayOf(env) },
    reason: note || undefined,
    at: env.now,
    patch: {
      version,
      valid_until: after.validUntil,
      expected_delivery_date: after.expectedDeliveryDate,
      payment_method: after.paymentMethod,
      payment_days: after.paymentDays,
      packing_terms: after.packingTerms,
      remarks: after.remarks,
      extra_costs: JSON.stringify(after.extraCosts),
      total: priced.total,
      cost_total: priced.costTotal,
      approval_reasons: JSON.stringify(priced.approvalReasons),
      review_note: null,
      sent_at: null,
      ...cols,
    },
  });
  await writeVersion(db, actor, env, id, version, after, rows, changes, note);
  return getQuotation(db, actor, env, id);
}
