import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Env } from '../../lib/env';
import { addWorkingHours } from '../../lib/calendar/calendar';
import { localDate } from '../../lib/local-date';
import { applyEvent, findTransition } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { nextSequence } from '../orders/order.repository';
import { orderMachine, SHIPPABLE } from '../orders/order.machine';
import { getSettings } from '../settings/settings.service';
import * as repo from './shipment.repository';
import { getShipment } from './shipment-queries';
import { reasonCode } from '../../lib/reason-codes';

const sameAddress = (
  a: { consignee?: string; address?: string } | null,
  b: { consignee?: string; address?: string } | null,
) => !!a && !!b && a.consignee === b.consignee && a.address === b.address;

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
  const orders = await repo.lockOrdersToShip(db, actor.companyId, orderIds);
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
  const lines = await repo.lockOrderLinesToShip(db, actor.companyId, orderIds);
  // Units already in shipments still in the warehouse hold part of the reservation: only the rest can go.
  const shippable = (l: (typeof lines)[number]) => l.reserved - l.in_shipment;
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
  const today = localDate(env.now, env.workingHours.timeZone);
  const seq = await nextSequence(db, actor.companyId, actor.companyId, `SH${today}`);
  const consignee = orders[0].delivery!;
  const ruleCarrier = consignee.region ? await repo.carrierForRegion(db, actor.companyId, consignee.region) : undefined;
  const shipment = await repo.insertShipment(db, {
    company_id: actor.companyId,
    number: `SH${today.replace(/-/g, '')}-${String(seq).padStart(3, '0')}`,
    status: 'to_pick',
    warehouse_id: orders[0].warehouse_id,
    customer_id: orders[0].customer_id,
    consignee: JSON.stringify(consignee),
    carrier: ruleCarrier ?? settings.fulfilment.defaultCarrier,
    tracking_no: '',
    pick_due_at: addWorkingHours(readyAt ?? env.now, settings.fulfilment.pickHours, env.workingHours),
    created_by: actor.userId,
  });
  await repo.insertShipmentLines(
    db,
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
  );
  for (const o of orders.filter((x) => findTransition(orderMachine, x.status, 'start_fulfillment'))) {
    await applyEvent(db, orderMachine, {
      entityId: o.id,
      current: o.status,
      event: 'start_fulfillment',
      actor,
      context: { shippedUnits: 0 },
      reason: reasonCode('outbound_order'),
      at: env.now,
    });
  }
  return getShipment(db, actor, env, shipment.id);
}
