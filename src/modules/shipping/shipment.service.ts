import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import { personalValue } from '../../lib/personal-fields';
import type { Env } from '../../lib/env';
import { addDays, addWorkingHours } from '../../lib/calendar/calendar';
import { formatMoney, parseMoney } from '../../lib/money';
import { applyEvent, availableEvents, findTransition } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { nextSequence } from '../orders/order.repository';
import { orderMachine, SHIPPABLE } from '../orders/order.machine';
import { localDate } from '../../lib/local-date';
import { assertGate } from '../payments/payment-gates';
import { createReceivable, statementDue } from '../receivables/receivable.service';
import { getSettings } from '../settings/settings.service';
import { postMovements } from '../stock/stock.service';
import * as repo from './shipment.repository';
import { listAttachments } from '../attachments/attachment.service';
import { isLeftWarehouse, shipmentMachine, type ShipmentEvent } from './shipment.machine';

const dateOf = localDate;
const sameAddress = (
  a: { consignee?: string; address?: string } | null,
  b: { consignee?: string; address?: string } | null,
) => !!a && !!b && a.consignee === b.consignee && a.address === b.address;

export async function getShipment(db: Db, actor: Actor, id: string) {
  const s = await repo.findShipment(db, actor.companyId, id);
  if (!s) throw new AppError('SHIPMENT.NOT_FOUND');
  const lines = await repo.findShipmentLines(db, actor.companyId, [id]);
  const events = await db
    .selectFrom('tracking_events')
    .select(['id', 'at', 'location', 'description', 'source'])
    .where('company_id', '=', actor.companyId)
    .where('shipment_id', '=', id)
    .orderBy('at')
    .execute();
  const exceptions = await db
    .selectFrom('logistics_exceptions')
    .selectAll()
    .where('company_id', '=', actor.companyId)
    .where('shipment_id', '=', id)
    .orderBy('found_at')
    .execute();
  const proofs = await listAttachments(db, actor, 'shipment', id);
  return {
    id: s.id,
    number: s.number,
    status: s.status,
    /** The steps this user may take now (the warehouse page draws its buttons from them). */
    actions: availableEvents(shipmentMachine, s.status, actor),
    warehouseCode: s.warehouse_code,
    warehouseName: s.warehouse_name,
    customerId: s.customer_id,
    customerName: s.customer_name,
    // 个人信息: the consignee's phone and address as this user may see them (src/lib/personal-fields.ts).
    consignee: {
      ...s.consignee,
      phone: personalValue(actor.roles, 'consigneePhone', s.consignee.phone),
      address: personalValue(actor.roles, 'address', s.consignee.address),
    },
    carrier: s.carrier,
    trackingNo: s.tracking_no,
    pickDueAt: s.pick_due_at,
    pickLate: s.picked_at ? s.picked_at > s.pick_due_at : s.pick_due_at < new Date(),
    shippedAt: s.shipped_at,
    trackingDueAt: s.tracking_due_at,
    trackingLate:
      !!s.tracking_due_at &&
      (s.tracking_entered_at ? s.tracking_entered_at > s.tracking_due_at : new Date() > s.tracking_due_at),
    deliveredAt: s.delivered_at,
    signedBy: s.signed_by,
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      orderId: l.order_id,
      orderNumber: l.order_number,
      orderLineNo: l.order_line_no,
      productId: l.product_id,
      sku: l.sku,
      name: l.name,
      spec: l.spec,
      unit: l.unit,
      qty: l.qty,
      unitPrice: l.unit_price,
    })),
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      location: e.location,
      description: e.description,
      source: e.source,
    })),
    exceptions: exceptions.map((e) => ({
      id: e.id,
      type: e.type,
      foundAt: e.found_at,
      action: e.action,
      result: e.result,
      customerInformed: e.customer_informed,
      status: e.status,
    })),
    proofs: proofs.map((a) => ({ id: a.id, filename: a.filename, createdAt: a.createdAt })),
  };
}

type LockedLine = { order_id: string; line_no: number; sku: string };

/**
 * The quantities asked for, summed per order line (a line named twice is one request for the total), each
 * checked against what that line still has reserved to ship; a refusal names the entry that went over.
 */
function wantedPerLine<L extends LockedLine>(
  lines: L[],
  asked: { orderId: string; lineNo: number; qty: number }[],
  shippable: (l: L) => number,
) {
  const wanted = new Map<L, number>();
  asked.forEach((w, i) => {
    const l = lines.find((x) => x.order_id === w.orderId && x.line_no === w.lineNo);
    if (!l) throw new AppError('ORDER.NOT_FOUND', {}, [{ path: `lines[${i}].lineNo`, message: 'unknown order line' }]);
    const qty = (wanted.get(l) ?? 0) + w.qty;
    if (qty > shippable(l))
      throw new AppError('SHIPMENT.EXCEEDS_RESERVED', { sku: l.sku, qty, available: shippable(l) }, [
        { path: `lines[${i}].qty`, message: `${qty} > ${shippable(l)}` },
      ]);
    wanted.set(l, qty);
  });
  return [...wanted].map(([l, qty]) => ({ l, qty }));
}

function everythingShippable<L extends LockedLine>(lines: L[], shippable: (l: L) => number) {
  return lines.map((l) => ({ l, qty: shippable(l) })).filter((w) => w.qty > 0);
}

/**
 * 出库单 from sales orders: what is reserved and not yet in another open shipment. Orders to the same
 * consignee and address may go in one shipment. Lines are locked so two clerks cannot ship one unit twice.
 */
export async function createShipment(
  db: Db,
  actor: Actor,
  env: Env,
  input: { orderIds: string[]; lines?: { orderId: string; lineNo: number; qty: number }[] },
) {
  const orderIds = [...new Set(input.orderIds)].sort();
  const orders = await db
    .selectFrom('orders')
    .select(['id', 'number', 'status', 'customer_id', 'warehouse_id', 'delivery'])
    .where('company_id', '=', actor.companyId)
    .where('id', 'in', orderIds)
    .orderBy('id')
    .forUpdate()
    .execute();
  if (orders.length !== orderIds.length) throw new AppError('ORDER.NOT_FOUND');
  for (const o of orders)
    if (!SHIPPABLE.includes(o.status))
      throw new AppError('STATE.ILLEGAL_TRANSITION', { from: o.status, event: 'ship' });
  if (
    orders.some(
      (o) =>
        !sameAddress(o.delivery, orders[0].delivery) ||
        o.warehouse_id !== orders[0].warehouse_id ||
        o.customer_id !== orders[0].customer_id,
    )
  )
    throw new AppError('SHIPMENT.DIFFERENT_CONSIGNEE');
  const lines = await db
    .selectFrom('order_lines')
    .select(['order_id', 'line_no', 'product_id', 'sku', 'reserved', 'unit_price'])
    .where('company_id', '=', actor.companyId)
    .where('order_id', 'in', orderIds)
    .orderBy('order_id')
    .orderBy('line_no')
    .forUpdate()
    .execute();
  const pending = await repo.unshippedInShipments(db, actor.companyId, orderIds);
  const shippable = (l: (typeof lines)[number]) => l.reserved - (pending.get(`${l.order_id}/${l.line_no}`) ?? 0);
  const wanted = input.lines ? wantedPerLine(lines, input.lines, shippable) : everythingShippable(lines, shippable);
  if (!wanted.length) throw new AppError('SHIPMENT.NOTHING_TO_SHIP');

  // The pick limit runs from when the goods were ready to pick: the confirmation, or the later arrival of stock
  // that filled a backordered line, not from when the outbound order is written.
  const readyAt = await repo.readyToPickSince(
    db,
    actor.companyId,
    wanted.map((w) => ({ orderId: w.l.order_id, productId: w.l.product_id })),
  );
  const settings = await getSettings(db, actor.companyId);
  const today = dateOf(env.now, env.workingHours.timeZone);
  const seq = await nextSequence(db, actor.companyId, actor.companyId, `SH${today}`);
  const consignee = orders[0].delivery!;
  const rule = consignee.region
    ? await db
        .selectFrom('carrier_rules')
        .select('carrier')
        .where('company_id', '=', actor.companyId)
        .where('region', '=', consignee.region)
        .executeTakeFirst()
    : undefined;
  const shipment = await db
    .insertInto('shipments')
    .values({
      company_id: actor.companyId,
      number: `SH${today.replace(/-/g, '')}-${String(seq).padStart(3, '0')}`,
      status: 'to_pick',
      warehouse_id: orders[0].warehouse_id,
      customer_id: orders[0].customer_id,
      consignee: JSON.stringify(consignee),
      carrier: rule?.carrier ?? settings.fulfilment.defaultCarrier,
      tracking_no: '',
      pick_due_at: addWorkingHours(readyAt ?? env.now, settings.fulfilment.pickHours, env.workingHours),
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('shipment_lines')
    .values(
      wanted.map((w, i) => ({
        company_id: actor.companyId,
        shipment_id: shipment.id,
        line_no: i + 1,
        order_id: w.l.order_id,
        order_line_no: w.l.line_no,
        product_id: w.l.product_id,
        qty: w.qty,
        unit_price: w.l.unit_price,
      })),
    )
    .execute();
  for (const o of orders.filter((x) => findTransition(orderMachine, x.status, 'start_fulfillment'))) {
    await applyEvent(db, orderMachine, {
      entityId: o.id,
      current: o.status,
      event: 'start_fulfillment',
      actor,
      context: { shippedUnits: 0 },
      reason: '出库单',
      at: env.now,
    });
  }
  return getShipment(db, actor, shipment.id);
}

async function move(
  db: Db,
  actor: Actor,
  id: string,
  event: ShipmentEvent,
  set: Record<string, unknown> = {},
  reason?: string,
) {
  const s = await db
    .selectFrom('shipments')
    .select(['status'])
    .where('company_id', '=', actor.companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!s) throw new AppError('SHIPMENT.NOT_FOUND');
  await applyEvent(db, shipmentMachine, {
    entityId: id,
    current: s.status,
    event,
    actor,
    context: undefined,
    reason,
    patch: set,
  });
}

/** 拣货 / 复核 / 打包: the warehouse steps before shipping. */
export async function advanceShipment(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  event: 'pick' | 'recheck' | 'pack' | 'cancel',
  reason?: string,
) {
  await move(db, actor, id, event, event === 'pick' ? { picked_at: env.now } : {}, reason);
  return getShipment(db, actor, id);
}

/**
 * 发货: payment gates checked again; stock issued from each line's reservation (on hand and reserved
 * down together); orders become partially shipped or shipped; receivables arise from the terms.
 */
export async function shipShipment(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  input: { carrier?: string; trackingNo?: string },
) {
  const settings = await getSettings(db, actor.companyId);
  const shipment = (await repo.findShipment(db, actor.companyId, id))!;
  if (!shipment) throw new AppError('SHIPMENT.NOT_FOUND');
  const lines = await repo.findShipmentLines(db, actor.companyId, [id]);
  const orderIds = [...new Set(lines.map((l) => l.order_id))].sort();
  const orders = await db
    .selectFrom('orders')
    .select([
      'id',
      'status',
      'total',
      'payment_method',
      'payment_days',
      'deposit_percent',
      'expected_delivery_date',
      'customer_id',
    ])
    .where('company_id', '=', actor.companyId)
    .where('id', 'in', orderIds)
    .orderBy('id')
    .forUpdate()
    .execute();
  const today = dateOf(env.now, env.workingHours.timeZone);
  await move(db, actor, id, 'ship', {
    shipped_at: env.now,
    carrier: input.carrier ?? shipment.carrier,
    tracking_no: input.trackingNo ?? '',
    tracking_due_at: new Date(env.now.getTime() + settings.fulfilment.trackingHours * 3_600_000),
    tracking_entered_at: input.trackingNo ? env.now : null,
    last_event_at: env.now,
  });
  for (const o of orders) await assertGate(db, actor.companyId, o, 'ship', today);

  const orderLines = await db
    .selectFrom('order_lines')
    .select(['order_id', 'line_no', 'reserved', 'sku'])
    .where('company_id', '=', actor.companyId)
    .where('order_id', 'in', orderIds)
    .forUpdate()
    .execute();
  const perLine = unitsPerOrderLine(lines);
  for (const u of perLine) {
    const ol = orderLines.find((x) => x.order_id === u.orderId && x.line_no === u.lineNo)!;
    if (u.qty > ol.reserved)
      throw new AppError('SHIPMENT.EXCEEDS_RESERVED', { sku: ol.sku, qty: u.qty, available: ol.reserved });
  }
  await postMovements(
    db,
    actor,
    lines.map((l) => ({
      warehouseId: shipment.warehouse_id,
      productId: l.product_id,
      kind: 'issue' as const,
      onHandDelta: -l.qty,
      reservedDelta: -l.qty,
      reason: '销售出库 Shipped',
      reference: shipment.number,
    })),
  );
  await repo.issueFromOrderLines(db, actor.companyId, perLine);

  for (const o of orders) {
    const after = await db
      .selectFrom('order_lines')
      .select(['qty', 'shipped'])
      .where('company_id', '=', actor.companyId)
      .where('order_id', '=', o.id)
      .execute();
    const event = after.every((l) => l.shipped >= l.qty) ? 'ship_all' : 'ship_partial';
    await applyEvent(db, orderMachine, {
      entityId: o.id,
      current: o.status,
      event,
      actor,
      context: { shippedUnits: 1 },
      reason: shipment.number,
      at: env.now,
    });
    const value = lines
      .filter((l) => l.order_id === o.id)
      .reduce((n, l) => n + parseMoney(l.unit_price) * BigInt(l.qty), 0n);
    await receivableFor(db, actor.companyId, o, {
      shipmentId: id,
      value,
      shippedOn: today,
      closingDay: settings.fulfilment.statementClosingDay,
    });
  }
  if (input.trackingNo)
    await notifyCustomer(db, actor, shipment.customer_id, {
      number: shipment.number,
      carrier: input.carrier ?? shipment.carrier,
      trackingNo: input.trackingNo,
      expected: addDays(today, 3),
    });
  return getShipment(db, actor, id);
}

/** A shipment's units per order line: what each order line gives up and counts as shipped. */
function unitsPerOrderLine(lines: { order_id: string; order_line_no: number; qty: number }[]) {
  const byLine = new Map<string, { orderId: string; lineNo: number; qty: number }>();
  for (const l of lines) {
    const key = `${l.order_id}/${l.order_line_no}`;
    const u = byLine.get(key) ?? { orderId: l.order_id, lineNo: l.order_line_no, qty: 0 };
    u.qty += l.qty;
    byLine.set(key, u);
  }
  return [...byLine.values()];
}

/**
 * Receivables by terms: credit and L/C after the term days, 月结 on the statement, COD on delivery; prepaid and T/T
 * are paid before shipping.
 */
async function receivableFor(
  db: Db,
  companyId: string,
  o: { id: string; customer_id: string; payment_method: string; payment_days: number },
  s: { shipmentId: string; value: bigint; shippedOn: string; closingDay: number },
) {
  if (s.value === 0n || o.payment_method === 'prepaid' || o.payment_method === 'tt') return;
  const base = {
    customerId: o.customer_id,
    orderId: o.id,
    shipmentId: s.shipmentId,
    kind: 'shipment' as const,
    amount: formatMoney(s.value),
  };
  if (o.payment_method === 'monthly') {
    const { period, due } = statementDue(s.shippedOn, s.closingDay, o.payment_days);
    return createReceivable(db, companyId, { ...base, dueDate: due, period });
  }
  return createReceivable(db, companyId, {
    ...base,
    dueDate: addDays(s.shippedOn, o.payment_method === 'cod' ? 0 : o.payment_days),
  });
}

/** The customer hears of the shipment (an outbox row an SMS or WeCom adapter sends). */
async function notifyCustomer(
  db: Db,
  actor: Actor,
  customerId: string,
  p: { number: string; carrier: string; trackingNo: string; expected: string },
) {
  await db
    .insertInto('outbox_messages')
    .values({
      company_id: actor.companyId,
      customer_id: customerId,
      channel: 'sms',
      kind: 'shipped',
      params: JSON.stringify(p),
    })
    .execute();
}

/** Tracking number entered after dispatch: late when past its limit (default 2 h). */
export async function setTracking(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  input: { carrier: string; trackingNo: string },
) {
  const s = await repo.findShipment(db, actor.companyId, id);
  if (!s) throw new AppError('SHIPMENT.NOT_FOUND');
  if (!isLeftWarehouse(s.status)) throw new AppError('STATE.ILLEGAL_TRANSITION', { from: s.status, event: 'tracking' });
  await db
    .updateTable('shipments')
    .set({ carrier: input.carrier, tracking_no: input.trackingNo, tracking_entered_at: env.now })
    .where('company_id', '=', actor.companyId)
    .where('id', '=', id)
    .execute();
  await notifyCustomer(db, actor, s.customer_id, {
    number: s.number,
    carrier: input.carrier,
    trackingNo: input.trackingNo,
    expected: addDays(dateOf(env.now, env.workingHours.timeZone), 3),
  });
  return getShipment(db, actor, id);
}
