import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError, type Lang } from '../../lib/errors';
import { localXlsx, pick } from '../../lib/local-sheet';
import { parseMoney } from '../../lib/money';
import type { PageQuery } from '../../lib/schemas';
import { applyEvent, availableEvents } from '../../lib/state-machine';
import { addAttachment, listAttachments } from '../attachments/attachment.service';
import type { Actor } from '../auth/auth.service';
import { getSettings } from '../settings/settings.service';
import { refundOf } from './return-policy';
import { returnLabels } from './return.labels';
import { returnMachine, type ReturnEvent, type ReturnFacts } from './return.machine';
import * as ledger from './return-effects.repository';
import * as repo from './return.repository';
import type { ReturnStatus } from './return.table';

// 退货单: reading, review, pickup/tracking, receipt and closing. Inspection, refund and exchange have their files.

export const RETURN_OWNER = 'return';

type Line = Awaited<ReturnType<typeof repo.returnLines>>[number];

export async function returnFacts(
  db: Db,
  companyId: string,
  r: { policy: unknown; refund_amount: string | null },
  lines: Line[],
) {
  const settings = await getSettings(db, companyId);
  const refund = r.refund_amount ?? refundOf(lines).amount;
  return {
    inPolicy: !r.policy || (r.policy as { inPolicy: boolean }).inPolicy,
    refundOverFinanceLimit: parseMoney(refund) >= parseMoney(settings.returns.financeRefundLimit),
  } satisfies ReturnFacts;
}

function lineToReturnLine(l: Line) {
  return {
    lineNo: l.line_no,
    productId: l.product_id,
    sku: l.sku,
    name: l.name,
    spec: l.spec,
    unit: l.unit,
    qty: l.qty,
    reason: l.reason,
    unitPrice: l.unit_price,
    returnable: l.returnable,
    feePercent: l.fee_percent,
    good: l.good,
    defective: l.defective,
  };
}

export async function getReturn(db: Db, actor: Actor, id: string) {
  const r = await repo.findReturn(db, actor.companyId, id);
  if (!r) throw new AppError('RETURN.NOT_FOUND');
  const lines = await repo.returnLines(db, actor.companyId, id);
  const facts = await returnFacts(db, actor.companyId, r, lines);
  const computed = refundOf(lines);
  const reversal = r.invoice_reversal_id
    ? await ledger.invoiceReversal(db, actor.companyId, r.invoice_reversal_id)
    : null;
  return {
    id: r.id,
    number: r.number,
    orderId: r.order_id,
    orderNumber: r.order_number,
    customerId: r.customer_id,
    customerName: r.customer_name,
    complaintId: r.complaint_id,
    status: r.status,
    note: r.note,
    policy: r.policy
      ? {
          days: r.policy.days,
          daysSinceDelivery: r.policy.daysSinceDelivery,
          withinDays: r.policy.withinDays,
          lines: r.policy.lines,
          inPolicy: r.policy.inPolicy,
          fee: computed.fee,
        }
      : null,
    review: r.reviewed_at ? { reason: r.review_reason, by: r.reviewed_by, at: r.reviewed_at } : null,
    shipping: r.ship_method ? { method: r.ship_method, carrier: r.carrier, trackingNo: r.tracking_no } : null,
    receivedAt: r.received_at,
    warehouseId: r.warehouse_id,
    inspectedAt: r.inspected_at,
    lines: lines.map(lineToReturnLine),
    refund: {
      value: computed.value,
      fee: computed.fee,
      amount: r.refund_amount ?? computed.amount,
      approvedBy: r.refund_approved_by,
      approvedAt: r.refund_approved_at,
      needsGm: facts.refundOverFinanceLimit,
      credit: r.credit_amount,
      paid: r.refund_paid,
      receiptId: r.refund_receipt_id,
      paidTo: r.refund_receipt_id ? 'customer' : r.refund_paid && parseMoney(r.refund_paid) > 0n ? 'balance' : null,
      redLetter: reversal
        ? {
            number: reversal.red_letter_number,
            invoiceNumber: reversal.invoice_number,
            amount: reversal.amount,
            issuedOn: reversal.issued_on,
          }
        : null,
      refundedAt: r.refunded_at,
    },
    replacementOrderId: r.replacement_order_id,
    replacementOrderNumber: r.replacement_order_number,
    photos: await listAttachments(db, actor, RETURN_OWNER, id),
    createdAt: r.created_at,
    closedAt: r.closed_at,
    actions: availableEvents(returnMachine, r.status, actor, facts),
  };
}
export type Return = Awaited<ReturnType<typeof getReturn>>;

export async function listReturns(db: Db, actor: Actor, q: PageQuery & repo.ReturnFilter) {
  const page = await repo.listReturns(db, actor.companyId, q);
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id,
      number: r.number,
      orderId: r.order_id,
      orderNumber: r.order_number,
      customerName: r.customer_name,
      status: r.status,
      refundAmount: r.refund_amount,
      replacementOrderId: r.replacement_order_id,
      createdAt: r.created_at,
      actions: availableEvents(returnMachine, r.status, actor),
    })),
  };
}

/** Locks the return and applies one event with its facts; the rest of the use case runs in `effects`. */
export async function moveReturn(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  event: ReturnEvent,
  opts: {
    reason?: string;
    patch?: Record<string, unknown>;
    effects?: (r: repo.LockedReturn, lines: Line[]) => Promise<void>;
  } = {},
) {
  const r = await repo.lockReturn(db, actor.companyId, id);
  if (!r) throw new AppError('RETURN.NOT_FOUND');
  const lines = await repo.returnLines(db, actor.companyId, id);
  await applyEvent(db, returnMachine, {
    entityId: id,
    current: r.status,
    event,
    actor,
    context: await returnFacts(db, actor.companyId, r, lines),
    reason: opts.reason,
    at: env.now,
    patch: opts.patch,
    effects: opts.effects ? () => opts.effects!(r, lines) : undefined,
  });
  return getReturn(db, actor, id);
}

/** 审核: approve or reject, with a reason; out of policy, only the sales director approves. */
export function reviewReturn(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  input: { decision: 'approve' | 'reject'; reason: string },
) {
  return moveReturn(db, actor, env, id, input.decision, {
    reason: input.reason,
    patch: { review_reason: input.reason, reviewed_by: actor.userId, reviewed_at: env.now },
  });
}

/** 取件/寄回: a pickup booked or the customer sends the goods, with carrier and tracking number. */
export function shipReturn(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  input: { method: 'pickup' | 'customer_sends'; carrier: string; trackingNo: string },
) {
  return moveReturn(db, actor, env, id, 'ship', {
    reason: `${input.carrier} ${input.trackingNo}`,
    patch: { ship_method: input.method, carrier: input.carrier, tracking_no: input.trackingNo },
  });
}

export function receiveReturn(db: Db, actor: Actor, env: Env, id: string, input: { note?: string }) {
  return moveReturn(db, actor, env, id, 'receive', {
    reason: input.note,
    patch: { received_by: actor.userId, received_at: env.now },
  });
}

export function closeReturn(db: Db, actor: Actor, env: Env, id: string, input: { reason?: string }) {
  return moveReturn(db, actor, env, id, 'close', { reason: input.reason, patch: { closed_at: env.now } });
}

/** 照片: photos of the returned goods, kept as attachments of the return. */
export async function addReturnPhoto(
  db: Db,
  actor: Actor,
  id: string,
  file: { filename: string; contentType: string; data: Buffer },
) {
  const r = await repo.findReturn(db, actor.companyId, id);
  if (!r) throw new AppError('RETURN.NOT_FOUND');
  return addAttachment(db, actor, { ownerType: RETURN_OWNER, ownerId: id, kind: 'photo', ...file });
}

/** 时间线: the moves of an order's returns (for the order's timeline), or of one return. */
export async function listReturnHistory(db: Db, actor: Actor, by: { orderId?: string; returnId?: string }) {
  if (by.returnId && !(await repo.findReturn(db, actor.companyId, by.returnId))) throw new AppError('RETURN.NOT_FOUND');
  const rows = await repo.returnHistory(db, actor.companyId, by);
  return rows.map((h) => ({
    id: h.id,
    returnId: h.return_id,
    returnNumber: h.number,
    from: h.from_state,
    to: h.to_state,
    event: h.event,
    actorName: h.actor_name,
    at: h.at,
    reason: h.reason,
  }));
}

/** 隔离区: defective returned units by warehouse and product. They are not stock: nothing reserves them. */
export async function listQuarantine(db: Db, actor: Actor, warehouseId?: string) {
  return (await ledger.listQuarantine(db, actor.companyId, warehouseId)).map((q) => ({
    warehouseId: q.warehouse_id,
    warehouseCode: q.warehouse_code,
    productId: q.product_id,
    sku: q.sku,
    name: q.name,
    qty: q.qty,
  }));
}

/** Rows an export holds at most: the list's filter narrows it. */
export const RETURNS_EXPORT_LIMIT = 10_000;

/** The returns list as the filter shows it, newest first, in Excel. */
export async function exportReturns(db: Db, actor: Actor, f: repo.ReturnFilter, lang: Lang) {
  const rows = await repo.allReturns(db, actor.companyId, f, RETURNS_EXPORT_LIMIT);
  return localXlsx(
    { zh: '退货单', en: 'Returns' },
    [
      { key: 'number', header: { zh: '退货单号', en: 'Return' } },
      { key: 'orderNumber', header: { zh: '订单号', en: 'Order' } },
      { key: 'customerCode', header: { zh: '客户编码', en: 'Customer code' } },
      { key: 'customerName', header: { zh: '客户', en: 'Customer' }, width: 24 },
      { key: 'status', header: { zh: '状态', en: 'Status' } },
      { key: 'refundAmount', header: { zh: '退款金额', en: 'Refund' } },
      { key: 'createdAt', header: { zh: '申请时间', en: 'Requested at' }, width: 20 },
    ],
    rows.map((r) => ({
      number: r.number,
      orderNumber: r.order_number,
      customerCode: r.customer_code,
      customerName: r.customer_name,
      status: pick(returnLabels.states[r.status], lang),
      refundAmount: r.refund_amount ?? '',
      createdAt: r.created_at,
    })),
    lang,
  );
}
