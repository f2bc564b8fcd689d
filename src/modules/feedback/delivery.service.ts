import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Env } from '../../lib/env';
import { addWorkingHours } from '../../lib/calendar/calendar';
import { formatMoney, parseMoney } from '../../lib/money';
import { applyEvent } from '../../lib/state-machine';
import { isUniqueViolation } from '../../lib/db-errors';
import type { Actor } from '../auth/auth.service';
import { orderMachine } from '../orders/order.machine';
import { registerOrder } from '../orders/order.service';
import { createReceivable } from '../receivables/receivable.service';
import { getSettings } from '../settings/settings.service';
import { shipmentMachine } from '../shipping/shipment.machine';
import { getShipment } from '../shipping/shipment.service';
import { complaintMachine } from './complaint.machine';

// 交付与客户反馈: delivery recorded, a call-back within 24 h, complaints resolved within 2 working
// days (reship, return or allowance), then completion with the invoice.


export async function recordDelivery(
  db: Db,
  actor: Actor,
  env: Env,
  shipmentId: string,
  input: { signedBy: string; at?: string },
) {
  const s = await db
    .selectFrom('shipments')
    .select(['status'])
    .where('company_id', '=', actor.companyId)
    .where('id', '=', shipmentId)
    .forUpdate()
    .executeTakeFirst();
  if (!s) throw new AppError('SHIPMENT.NOT_FOUND');
  const at = input.at ? new Date(input.at) : env.now;
  await applyEvent(db, shipmentMachine, {
    entityId: shipmentId,
    current: s.status,
    event: 'deliver',
    actor,
    context: undefined,
    reason: `签收 ${input.signedBy}`,
    at: env.now,
    patch: { delivered_at: at, signed_by: input.signedBy },
  });
  const settings = await getSettings(db, actor.companyId);
  const orderIds = (
    await db
      .selectFrom('shipment_lines')
      .select('order_id')
      .distinct()
      .where('company_id', '=', actor.companyId)
      .where('shipment_id', '=', shipmentId)
      .execute()
  ).map((r) => r.order_id);
  for (const orderId of orderIds) {
    await db
      .insertInto('callbacks')
      .values({
        company_id: actor.companyId,
        order_id: orderId,
        shipment_id: shipmentId,
        due_at: new Date(at.getTime() + settings.fulfilment.callbackHours * 3_600_000),
        status: 'open',
        notes: '',
      })
      .execute();
    const order = await db
      .selectFrom('orders')
      .select('status')
      .where('company_id', '=', actor.companyId)
      .where('id', '=', orderId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const undelivered = await sql<{
      n: number;
    }>`select count(*)::int as n from shipments s where s.company_id = ${actor.companyId} and s.status <> 'delivered' and s.status <> 'cancelled'
      and exists (select 1 from shipment_lines l where l.company_id = s.company_id and l.shipment_id = s.id and l.order_id = ${orderId})`.execute(
      db,
    );
    if (order.status === 'shipped' && undelivered.rows[0].n === 0) {
      await applyEvent(db, orderMachine, {
        entityId: orderId,
        current: order.status,
        event: 'deliver',
        actor,
        context: { shippedUnits: 1 },
        reason: input.signedBy,
        at: env.now,
      });
    }
  }
  return getShipment(db, actor, shipmentId);
}

export async function listCallbacks(db: Db, actor: Actor, status?: string) {
  let q = db
    .selectFrom('callbacks as b')
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'b.company_id').onRef('o.id', '=', 'b.order_id'))
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 'o.company_id').onRef('c.id', '=', 'o.customer_id'),
    )
    .select([
      'b.id',
      'b.order_id',
      'o.number',
      'c.name as customer_name',
      'b.shipment_id',
      'b.due_at',
      'b.status',
      'b.outcome',
      'b.notes',
      'b.done_at',
    ])
    .where('b.company_id', '=', actor.companyId);
  if (status) q = q.where('b.status', '=', status as never);
  const rows = await q.orderBy('b.due_at').limit(500).execute();
  const now = new Date();
  return rows.map((r) => ({
    id: r.id,
    orderId: r.order_id,
    orderNumber: r.number,
    customerName: r.customer_name,
    shipmentId: r.shipment_id,
    dueAt: r.due_at,
    late: r.status === 'open' && r.due_at < now,
    status: r.status,
    outcome: r.outcome,
    notes: r.notes,
    doneAt: r.done_at,
  }));
}

/** 回访: quantity and quality confirmed, or a problem that opens a complaint due in 2 working days. */
export async function recordCallback(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  input: {
    outcome: 'ok' | 'problem';
    notes?: string;
    complaint?: { type: 'short' | 'damage' | 'wrong_item' | 'quality' | 'late'; description: string };
  },
) {
  const cb = await db
    .selectFrom('callbacks')
    .select(['status', 'order_id'])
    .where('company_id', '=', actor.companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!cb) throw new AppError('CALLBACK.NOT_FOUND');
  if (cb.status !== 'open') throw new AppError('STATE.ILLEGAL_TRANSITION', { from: cb.status, event: 'callback' });
  await db
    .updateTable('callbacks')
    .set({ status: 'done', outcome: input.outcome, notes: input.notes ?? '', done_by: actor.userId, done_at: env.now })
    .where('company_id', '=', actor.companyId)
    .where('id', '=', id)
    .execute();
  if (input.outcome === 'problem' && input.complaint)
    return { complaint: await openComplaint(db, actor, env, cb.order_id, id, input.complaint) };
  return { complaint: null };
}

export async function openComplaint(
  db: Db,
  actor: Actor,
  env: Env,
  orderId: string,
  callbackId: string | null,
  c: { type: 'short' | 'damage' | 'wrong_item' | 'quality' | 'late'; description: string },
) {
  const settings = await getSettings(db, actor.companyId);
  // N working days = N full working days of the calendar's hours, counted from now.
  const [sh, sm] = env.workingHours.start.split(':').map(Number);
  const [eh, em] = env.workingHours.end.split(':').map(Number);
  const dueAt = addWorkingHours(
    env.now,
    settings.fulfilment.complaintWorkingDays * (eh + em / 60 - sh - sm / 60),
    env.workingHours,
  );
  const row = await db
    .insertInto('complaints')
    .values({
      company_id: actor.companyId,
      order_id: orderId,
      callback_id: callbackId,
      type: c.type,
      description: c.description,
      status: 'open',
      due_at: dueAt,
      created_by: actor.userId,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return getComplaint(db, actor, row.id);
}

export async function getComplaint(db: Db, actor: Actor, id: string) {
  const c = await db
    .selectFrom('complaints as c')
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'c.company_id').onRef('o.id', '=', 'c.order_id'))
    .select([
      'c.id',
      'c.order_id',
      'o.number',
      'c.type',
      'c.description',
      'c.status',
      'c.due_at',
      'c.late_at',
      'c.resolution',
      'c.amount',
      'c.replacement_order_id',
      'c.return_request_id',
      'c.resolved_at',
    ])
    .where('c.company_id', '=', actor.companyId)
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!c) throw new AppError('COMPLAINT.NOT_FOUND');
  return {
    id: c.id,
    orderId: c.order_id,
    orderNumber: c.number,
    type: c.type,
    description: c.description,
    status: c.status,
    dueAt: c.due_at,
    late: !!c.late_at || (c.status === 'open' && c.due_at < new Date()),
    resolution: c.resolution,
    amount: c.amount,
    replacementOrderId: c.replacement_order_id,
    returnRequestId: c.return_request_id,
    resolvedAt: c.resolved_at,
  };
}

export async function listComplaints(db: Db, actor: Actor, status?: string) {
  let q = db.selectFrom('complaints').select('id').where('company_id', '=', actor.companyId);
  if (status) q = q.where('status', '=', status as never);
  const ids = await q.orderBy('due_at').limit(500).execute();
  return Promise.all(ids.map((r) => getComplaint(db, actor, r.id)));
}

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
) {
  const c = await db
    .selectFrom('complaints')
    .selectAll()
    .where('company_id', '=', actor.companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!c) throw new AppError('COMPLAINT.NOT_FOUND');
  const order = await db
    .selectFrom('orders')
    .select(['id', 'customer_id', 'total', 'warehouse_id', 'delivery'])
    .where('company_id', '=', actor.companyId)
    .where('id', '=', c.order_id)
    .executeTakeFirstOrThrow();
  const set: Record<string, unknown> = {
    resolution: input.resolution,
    resolved_by: actor.userId,
    resolved_at: env.now,
  };
  await applyEvent(db, complaintMachine, {
    entityId: id,
    current: c.status,
    event: 'resolve',
    actor,
    context: undefined,
    reason: input.reason ?? input.resolution,
    at: env.now,
    effects: async () => {
      if (input.resolution === 'reship') {
        const lines = await db
          .selectFrom('order_lines')
          .select(['product_id', 'qty'])
          .where('company_id', '=', actor.companyId)
          .where('order_id', '=', order.id)
          .execute();
        const replacement = await registerOrder(db, { ...actor, roles: [...actor.roles] }, env, {
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
        set.replacement_order_id = replacement.id;
      } else if (input.resolution === 'return') {
        const r = await db
          .insertInto('return_requests')
          .values({
            company_id: actor.companyId,
            order_id: order.id,
            complaint_id: id,
            reason: `${c.type}: ${c.description}`.slice(0, 500),
            status: 'requested',
            created_by: actor.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        set.return_request_id = r.id;
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
          dueDate: env.now.toISOString().slice(0, 10),
        });
        set.amount = formatMoney(amount);
      }
      await db
        .updateTable('complaints')
        .set(set)
        .where('company_id', '=', actor.companyId)
        .where('id', '=', id)
        .execute();
    },
  });
  return getComplaint(db, actor, id);
}

/** Complaints past their limit, flagged once and told to the customer-service supervisor. */
export async function flagLateComplaints(db: Db, now: Date) {
  const r = await sql<{ company_id: string; id: string; order_id: string; number: string }>`
    update complaints c set late_at = ${now} from orders o
    where o.company_id = c.company_id and o.id = c.order_id and c.status = 'open' and c.due_at < ${now} and c.late_at is null
    returning c.company_id, c.id, c.order_id, o.number`.execute(db);
  return r.rows;
}

/** 完成: the customer confirmed; finance records the invoice (普票/专票/数电票) and the outbound voucher. */
export async function completeOrder(
  db: Db,
  actor: Actor,
  orderId: string,
  invoice: {
    number: string;
    issuedOn: string;
    amount: string;
    taxRate: string;
    type: 'normal' | 'special' | 'digital';
    outboundVoucher?: string;
  },
) {
  const order = await db
    .selectFrom('orders')
    .select('status')
    .where('company_id', '=', actor.companyId)
    .where('id', '=', orderId)
    .forUpdate()
    .executeTakeFirst();
  if (!order) throw new AppError('ORDER.NOT_FOUND');
  await applyEvent(db, orderMachine, {
    entityId: orderId,
    current: order.status,
    event: 'complete',
    actor,
    context: { shippedUnits: 1 },
    reason: `发票 ${invoice.number}`,
    effects: async () => {
      try {
        await db
          .insertInto('invoices')
          .values({
            company_id: actor.companyId,
            order_id: orderId,
            number: invoice.number,
            issued_on: invoice.issuedOn,
            amount: invoice.amount,
            tax_rate: invoice.taxRate,
            type: invoice.type,
            outbound_voucher: invoice.outboundVoucher ?? '',
            created_by: actor.userId,
          })
          .execute();
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError('INVOICE.NUMBER_TAKEN', { number: invoice.number });
        throw err;
      }
    },
  });
}
