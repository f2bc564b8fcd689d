import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Env } from '../../lib/env';
import { todayOf } from '../../lib/local-date';
import { addWorkingHours, type WorkingHours } from '../../lib/calendar/calendar';
import { formatMoney, parseMoney } from '../../lib/money';
import { applyEvent, availableEvents } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import type { registerOrder } from '../orders/order.service';
import { createReceivable } from '../receivables/receivable.service';
import { createReturnFromComplaint } from '../returns/create-return';
import { getSettings } from '../settings/settings.service';
import { COMPLAINABLE_ORDER, complaintMachine } from './complaint.machine';
import type { ComplaintStatus, ComplaintsTable } from './feedback.table';
import * as repo from './feedback.repository';

// 投诉: opened from a call-back, resolved within N working days (reship, return or allowance), closed with its
// result and the customer's satisfaction.

export type ComplaintType = ComplaintsTable['type'];

const workingDayHours = (wh: WorkingHours) => {
  const [sh, sm] = wh.start.split(':').map(Number);
  const [eh, em] = wh.end.split(':').map(Number);
  return eh + em / 60 - sh - sm / 60;
};

/** N working days = N full working days of the calendar's hours, counted from `at`. */
export const complaintDueAt = (at: Date, workingDays: number, wh: WorkingHours) =>
  addWorkingHours(at, workingDays * workingDayHours(wh), wh);

export function complaintRowToComplaint(c: repo.ComplaintRow, actor: Actor, now: Date) {
  return {
    id: c.id,
    orderId: c.order_id,
    orderNumber: c.number,
    type: c.type,
    description: c.description,
    status: c.status,
    dueAt: c.due_at,
    late: !!c.late_at || (c.status === 'open' && c.due_at < now),
    resolution: c.resolution,
    amount: c.amount,
    replacementOrderId: c.replacement_order_id,
    returnRequestId: c.return_request_id,
    resolvedAt: c.resolved_at,
    closeResult: c.close_result,
    satisfaction: c.satisfaction,
    closedAt: c.closed_at,
    actions: availableEvents(complaintMachine, c.status, actor, undefined),
  };
}
export type Complaint = ReturnType<typeof complaintRowToComplaint>;

export async function openComplaint(
  db: Db,
  actor: Actor,
  env: Env,
  orderId: string,
  callbackId: string | null,
  c: { type: ComplaintType; description: string },
) {
  const settings = await getSettings(db, actor.companyId);
  const row = await repo.insertComplaint(db, {
    company_id: actor.companyId,
    order_id: orderId,
    callback_id: callbackId,
    type: c.type,
    description: c.description,
    status: complaintMachine.initial,
    due_at: complaintDueAt(env.now, settings.fulfilment.complaintWorkingDays, env.workingHours),
    created_by: actor.userId,
    created_at: env.now,
  });
  return getComplaint(db, actor, env, row.id);
}

/** 登记投诉: a complaint registered on a shipped or delivered order, whenever the customer raises it. */
export async function registerComplaint(
  db: Db,
  actor: Actor,
  env: Env,
  input: { orderId: string; type: ComplaintType; description: string },
) {
  const order = await repo.orderStatusForComplaint(db, actor.companyId, input.orderId);
  if (!order) throw new AppError('ORDER.NOT_FOUND');
  if (!COMPLAINABLE_ORDER.includes(order.status))
    throw new AppError('STATE.ILLEGAL_TRANSITION', { from: order.status, event: 'complain' });
  return openComplaint(db, actor, env, input.orderId, null, input);
}

export async function getComplaint(db: Db, actor: Actor, env: Env, id: string) {
  const c = await repo.findComplaint(db, actor.companyId, id);
  if (!c) throw new AppError('COMPLAINT.NOT_FOUND');
  return complaintRowToComplaint(c, actor, env.now);
}

export async function listComplaints(
  db: Db,
  actor: Actor,
  env: Env,
  q: { status?: ComplaintStatus; orderId?: string } = {},
) {
  const rows = await repo.listComplaints(db, actor.companyId, q);
  return rows.map((c) => complaintRowToComplaint(c, actor, env.now));
}

async function lockComplaint(db: Db, actor: Actor, id: string) {
  const c = await repo.findComplaintForUpdate(db, actor.companyId, id);
  if (!c) throw new AppError('COMPLAINT.NOT_FOUND');
  return c;
}

/** What resolving a complaint needs of orders (passed in by the app, so feedback does not load orders). */
export type ComplaintOrders = { registerOrder: typeof registerOrder };

/**
 * Resolution: reship (a zero-price replacement order linked to the complaint), return (a return
 * request for the returns flow), or allowance (折让, a credit against the order's receivable).
 */
export async function resolveComplaint(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  input: { resolution: 'reship' | 'return' | 'allowance'; amount?: string; reason?: string },
  orders: ComplaintOrders,
) {
  const c = await lockComplaint(db, actor, id);
  const order = await repo.orderForComplaint(db, actor.companyId, c.order_id);
  await applyEvent(db, complaintMachine, {
    entityId: id,
    current: c.status,
    event: 'resolve',
    actor,
    context: undefined,
    reason: input.reason ?? input.resolution,
    at: env.now,
    patch: { resolution: input.resolution, resolved_by: actor.userId, resolved_at: env.now },
    effects: async () => {
      if (input.resolution === 'reship') {
        const lines = await repo.orderLinesForReplacement(db, actor.companyId, order.id);
        const replacement = await orders.registerOrder(db, { ...actor, roles: [...actor.roles] }, env, {
          customerId: order.customer_id,
          source: 'onsite',
          urgency: 'urgent',
          orderType: 'replacement',
          warehouseId: order.warehouse_id,
          delivery: order.delivery
            ? {
                consignee: order.delivery.consignee,
                phone: order.delivery.phone,
                region: order.delivery.region,
                address: order.delivery.address,
              }
            : undefined,
          lines: lines.map((l) => ({ productId: l.product_id, qty: l.qty, unitPrice: '0.00', gift: false })),
          buyerRemark: '',
          sellerRemark: `赔货 Replacement for complaint ${id.slice(0, 8)}`,
          customerPo: '',
        });
        await repo.setComplaintResolution(db, actor.companyId, id, { replacement_order_id: replacement.id });
      } else if (input.resolution === 'return') {
        const r = await createReturnFromComplaint(db, actor, env, { orderId: order.id, complaintId: id, ...c });
        await repo.setComplaintResolution(db, actor.companyId, id, { return_request_id: r.id });
      } else {
        const amount = parseMoney(input.amount ?? '0');
        if (amount <= 0n || amount > parseMoney(order.total))
          throw new AppError('VALIDATION.FAILED', { summary: 'amount' }, [
            { path: 'amount', message: `an allowance from 0.01 to ${order.total}` },
          ]);
        await createReceivable(db, actor.companyId, {
          customerId: order.customer_id,
          orderId: order.id,
          kind: 'allowance',
          amount: formatMoney(-amount),
          dueDate: todayOf(env),
          createdAt: env.now,
        });
        await repo.setComplaintResolution(db, actor.companyId, id, { amount: formatMoney(amount) });
      }
    },
  });
  return getComplaint(db, actor, env, id);
}

/** 结案: the customer agrees; the result and their satisfaction (1–5) are kept with the complaint. */
export async function closeComplaint(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  input: { result: string; satisfaction: number },
) {
  const c = await lockComplaint(db, actor, id);
  await applyEvent(db, complaintMachine, {
    entityId: id,
    current: c.status,
    event: 'close',
    actor,
    context: undefined,
    reason: input.result,
    at: env.now,
    patch: {
      close_result: input.result,
      satisfaction: input.satisfaction,
      closed_by: actor.userId,
      closed_at: env.now,
    },
  });
  return getComplaint(db, actor, env, id);
}

/** Complaints past their limit, flagged once and told to the customer-service supervisor. */
export const flagLateComplaints = (db: Db, now: Date) => repo.markLateComplaints(db, now);
