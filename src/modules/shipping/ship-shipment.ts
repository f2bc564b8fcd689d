import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Env } from '../../lib/env';
import { addDays } from '../../lib/calendar/calendar';
import { localDate } from '../../lib/local-date';
import { formatMoney, parseMoney } from '../../lib/money';
import { applyEvent } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { orderMachine } from '../orders/order.machine';
import { lineShipping } from '../orders/order.repository';
import { assertGate } from '../payments/payment-gates';
import { assertExportShipGates } from '../export/export-gates';
import { createReceivable, statementDue } from '../receivables/receivable.service';
import { getSettings } from '../settings/settings.service';
import { postMovements } from '../stock/stock.service';
import { isLeftWarehouse } from './shipment.machine';
import * as repo from './shipment.repository';
import { moveShipment } from './advance-shipment';
import { getShipment } from './shipment-queries';
import { reasonCode } from '../../lib/reason-codes';
import { signTrackingToken, trackingUrl } from '../../lib/tracking-token';
import { findTrackingSecret } from '../companies/company.repository';

/** The public status page of the shipment (no login), for the shipping message; valid for the configured days. */
async function trackingUrlOf(db: Db, env: Env, companyId: string, shipmentId: string) {
  const links = env.trackingLinks ?? { baseUrl: 'http://localhost:3000', days: 30 };
  const secret = await findTrackingSecret(db, companyId);
  const expiresAt = new Date(env.now.getTime() + links.days * 86_400_000);
  return trackingUrl(links.baseUrl, signTrackingToken({ companyId, shipmentId, expiresAt }, secret!));
}

/** When the customer can expect the goods: the carrier rule's days to the consignee's region (three without a rule). */
async function expectedArrival(db: Db, companyId: string, region: string | undefined, shippedOn: string) {
  return addDays(shippedOn, (await repo.transitDaysToRegion(db, companyId, region)) ?? 3);
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
  const shipment = await repo.findShipment(db, actor.companyId, id);
  if (!shipment) throw new AppError('SHIPMENT.NOT_FOUND');
  const lines = await repo.findShipmentLines(db, actor.companyId, [id]);
  const orderIds = [...new Set(lines.map((l) => l.order_id))].sort();
  const orders = await repo.lockOrdersOfShipment(db, actor.companyId, orderIds);
  const today = localDate(env.now, env.workingHours.timeZone);
  await moveShipment(db, actor, env, id, 'ship', {
    shipped_at: env.now,
    carrier: input.carrier ?? shipment.carrier,
    tracking_no: input.trackingNo ?? '',
    tracking_due_at: new Date(env.now.getTime() + settings.fulfilment.trackingHours * 3_600_000),
    tracking_entered_at: input.trackingNo ? env.now : null,
    last_event_at: env.now,
  });
  await assertExportShipGates(db, actor.companyId, orderIds, today);
  for (const o of orders) await assertGate(db, actor.companyId, o, 'ship', today);

  const orderLines = await repo.lockOrderLinesReserved(db, actor.companyId, orderIds);
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
      reason: reasonCode('shipped'),
      reference: shipment.number,
    })),
  );
  await repo.issueFromOrderLines(db, actor.companyId, perLine);

  for (const o of orders) {
    const after = await lineShipping(db, actor.companyId, o.id);
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
      shippedAt: env.now,
      closingDay: settings.fulfilment.statementClosingDay,
    });
  }
  if (input.trackingNo)
    await repo.queueShippedMessage(db, actor.companyId, shipment.customer_id, {
      number: shipment.number,
      carrier: input.carrier ?? shipment.carrier,
      trackingNo: input.trackingNo,
      expected: await expectedArrival(db, actor.companyId, shipment.consignee.region, today),
      trackingUrl: await trackingUrlOf(db, env, actor.companyId, id),
    });
  return getShipment(db, actor, env, id);
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
  s: { shipmentId: string; value: bigint; shippedOn: string; shippedAt: Date; closingDay: number },
) {
  if (s.value === 0n || o.payment_method === 'prepaid' || o.payment_method === 'tt') return;
  const base = {
    customerId: o.customer_id,
    orderId: o.id,
    shipmentId: s.shipmentId,
    kind: 'shipment' as const,
    amount: formatMoney(s.value),
    // The request's clock: the statement of account dates a receivable by when it arose.
    createdAt: s.shippedAt,
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
  await repo.updateTracking(db, actor.companyId, id, { ...input, enteredAt: env.now });
  await repo.queueShippedMessage(db, actor.companyId, s.customer_id, {
    number: s.number,
    carrier: input.carrier,
    trackingNo: input.trackingNo,
    expected: await expectedArrival(
      db,
      actor.companyId,
      s.consignee.region,
      localDate(s.shipped_at ?? env.now, env.workingHours.timeZone),
    ),
    trackingUrl: await trackingUrlOf(db, env, actor.companyId, id),
  });
  return getShipment(db, actor, env, id);
}
