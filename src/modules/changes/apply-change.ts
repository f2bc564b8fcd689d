import type { Db } from '../../db/database';
import { addWorkingHours } from '../../lib/calendar/calendar';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { formatMoney, parseMoney } from '../../lib/money';
import { applyEvent } from '../../lib/state-machine';
import { recordDomainEvent } from '../../lib/domain-events';
import type { Actor } from '../auth/auth.service';
import { lockCustomer } from '../customers/customer.repository';
import { insertHistory } from '../history/history.repository';
import { SHIPPABLE } from '../orders/order.machine';
import { findOrderForUpdate, updateOrder } from '../orders/order.repository';
import { releaseLineHolds } from '../allocation/reservations';
import { cancelUnneededRequests, requestProduction } from '../production/production.service';
import { getSettings } from '../settings/settings.service';
import { shipmentMachine } from '../shipping/shipment.machine';
import type { ShipmentStatus } from '../shipping/shipment.table';
import { releaseReserved, reserveAvailable } from '../stock/stock.service';
import type { OrderVersion } from './change-actions';
import type { ShipmentImpact, StockPlanLine } from './change-impact';
import { changeMachine } from './change.machine';
import { computeChange, headDiffs, lineDiffs, previewOf } from './change-preview';
import * as repo from './change.repository';
import { getChangeRequest } from './change.service';
import { snapshotVersion } from './order-versions';
import { reasonCode } from '../../lib/reason-codes';

/** The order's history line for the change: what moved, old → new. */
function diffSummary(number: string, from: number, to: number, before: OrderVersion, after: OrderVersion) {
  const parts = lineDiffs(before, after).flatMap((l) => {
    if (l.change === 'added') return [`+#${l.lineNo} ${l.sku}×${l.new!.qty}@${l.new!.unitPrice}`];
    if (l.change === 'removed') return [`-#${l.lineNo} ${l.sku}`];
    if (l.change === 'unchanged') return [];
    const d: string[] = [];
    if (l.old!.qty !== l.new!.qty) d.push(`qty ${l.old!.qty}→${l.new!.qty}`);
    if (l.old!.unitPrice !== l.new!.unitPrice) d.push(`price ${l.old!.unitPrice}→${l.new!.unitPrice}`);
    return [`#${l.lineNo} ${l.sku} ${d.join(' ')}`];
  });
  for (const h of headDiffs(before, after)) parts.push(h.field);
  parts.push(`total ${before.head.total}→${after.head.total}`);
  return `${number} v${from}→v${to}: ${parts.join('; ')}`;
}

/** Stops the shipments in the warehouse the new version no longer fits, through the shipment machine. */
async function stopShipments(db: Db, actor: Actor, env: Env, number: string, impacts: ShipmentImpact[]) {
  for (const s of impacts)
    await applyEvent(db, shipmentMachine, {
      entityId: s.id,
      current: s.status as ShipmentStatus,
      event: 'cancel',
      actor,
      context: undefined,
      at: env.now,
      reason: reasonCode('change_stopped_shipment', { number, impacts: s.reasons }),
    });
}

/** Releases first, then reserves (the balances are locked already); returns what each line really got. */
async function moveReservations(db: Db, actor: Actor, warehouseId: string, reference: string, plan: StockPlanLine[]) {
  await releaseReserved(
    db,
    actor,
    plan.map((p) => ({ warehouseId, productId: p.productId, qty: p.release, reference })),
    reasonCode('change_released', { reference }),
  );
  const wanted = plan.filter((p) => p.reserve > 0);
  const granted = await reserveAvailable(
    db,
    actor,
    wanted.map((p) => ({ warehouseId, productId: p.productId, qty: p.reserve, reference })),
    reasonCode('change_reserved', { reference }),
  );
  wanted.forEach((p, i) => {
    const short = p.reserve - granted[i];
    p.reserve -= short;
    p.reservedAfter -= short;
    p.backorder += short;
    p.backorderedAfter += short;
  });
}

/**
 * 执行变更, in one transaction: the order becomes version N+1 with its lines (both versions kept), reservations
 * move through the stock ledger, backorders and production requests follow, credit is checked again, and
 * shipments in the warehouse that no longer fit are cancelled with the reason. Locks follow shipping's order:
 * the order row, its shipments, its lines, then the customer and the stock balances (in product order).
 */
export async function applyChange(db: Db, actor: Actor, env: Env, id: string) {
  const r = await repo.lockRequest(db, actor.companyId, id);
  if (!r) throw new AppError('CHANGE.NOT_FOUND');
  const full = (await repo.findRequest(db, actor.companyId, id))!;
  const order = (await findOrderForUpdate(db, actor.companyId, r.order_id))!;
  await applyEvent(db, changeMachine, {
    entityId: id,
    current: r.status,
    event: 'apply',
    actor,
    context: { baseVersion: r.base_version, orderVersion: order.version },
    at: env.now,
    effects: async () => {
      if (!SHIPPABLE.includes(order.status))
        throw new AppError('CHANGE.ORDER_NOT_CHANGEABLE', { status: order.status });
      const shipments = await repo.openShipmentsOfOrder(db, actor.companyId, order.id, true);
      const lines = await repo.lockOrderLines(db, actor.companyId, order.id);
      await lockCustomer(db, actor.companyId, order.customer_id);
      const productIds = [
        ...new Set([
          ...lines.map((l) => l.product_id),
          ...full.actions.flatMap((a) => (a.type === 'add_line' ? [a.productId] : [])),
        ]),
      ];
      // Every balance the change may touch is locked now, in product order (nothing is reserved by this call).
      await reserveAvailable(
        db,
        actor,
        productIds.map((productId) => ({
          warehouseId: order.warehouse_id,
          productId,
          qty: 0,
          reference: order.number,
        })),
        '',
      );
      const available = await repo.availableStock(db, actor.companyId, order.warehouse_id, productIds);
      const settings = await getSettings(db, actor.companyId);
      const c = await computeChange(db, actor, settings, { order, lines, shipments, available }, full.actions);

      const approvals = await repo.lockApprovals(db, actor.companyId, id);
      const approved = new Set(approvals.filter((a) => a.status === 'approved').map((a) => a.stage));
      // A shipment the warehouse started after the approvals, unknown to it: the warehouse has not agreed to stop it.
      const unagreed = approved.has('warehouse') ? undefined : c.shipments[0];
      if (unagreed)
        throw new AppError('CHANGE.SHIPMENT_IN_PROGRESS', { number: unagreed.number, status: unagreed.status });
      if (!c.credit.ok && !approved.has('director'))
        throw new AppError('CHANGE.CREDIT_EXCEEDED', {
          needed: formatMoney(parseMoney(c.credit.used) + parseMoney(c.after.head.total)),
          limit: c.credit.limit,
        });

      const next = order.version + 1;
      await snapshotVersion(db, actor, env.now, order.id, order.version, c.before, null);
      await stopShipments(db, actor, env, r.number, c.shipments);
      await moveReservations(db, actor, order.warehouse_id, order.number, c.stock);
      // What the change takes away: production no longer needed, allocation holds beyond the line's reservation.
      const lowered = c.stock.filter((p) => p.release > 0 || p.dropBackorder > 0);
      const why = reasonCode('order_change', { number: r.number });
      await cancelUnneededRequests(
        db,
        actor,
        order.id,
        lowered.map((p) => ({ lineNo: p.lineNo, keep: p.backorderedAfter })),
        env.now,
        why,
      );
      await releaseLineHolds(
        db,
        actor,
        order.id,
        lowered.map((p) => ({ lineNo: p.lineNo, keep: p.reservedAfter })),
        env.now,
        why,
      );

      const plan = new Map(c.stock.map((p) => [p.lineNo, p]));
      for (const l of c.after.lines) {
        l.reserved = plan.get(l.lineNo)?.reservedAfter ?? l.reserved;
        l.backordered = plan.get(l.lineNo)?.backorderedAfter ?? l.backordered;
      }
      const oldNos = new Set(c.before.lines.map((l) => l.lineNo));
      const newNos = new Set(c.after.lines.map((l) => l.lineNo));
      await repo.deleteLines(
        db,
        actor.companyId,
        order.id,
        [...oldNos].filter((n) => !newNos.has(n)),
      );
      await repo.updateLines(
        db,
        actor.companyId,
        order.id,
        c.after.lines.filter((l) => oldNos.has(l.lineNo)),
      );
      await repo.insertLines(
        db,
        c.after.lines
          .filter((l) => !oldNos.has(l.lineNo))
          .map((l) => ({
            company_id: actor.companyId,
            order_id: order.id,
            line_no: l.lineNo,
            product_id: l.productId,
            sku: l.sku,
            name: l.name,
            spec: l.spec,
            unit: l.unit,
            qty: l.qty,
            unit_price: l.unitPrice,
            amount: l.amount,
            standard_cost: l.standardCost,
            gift: l.gift,
            reserved: l.reserved,
            backordered: l.backordered,
            shipped: 0,
          })),
      );
      const h = c.after.head;
      await updateOrder(db, actor.companyId, order.id, {
        expected_delivery_date: h.expectedDeliveryDate,
        delivery: JSON.stringify(h.delivery),
        payment_method: h.paymentMethod,
        payment_days: h.paymentDays,
        deposit_percent: h.depositPercent,
        total: h.total,
        cost_total: h.costTotal,
        version: next,
        updated_at: env.now,
        updated_by: actor.userId,
      });
      await snapshotVersion(db, actor, env.now, order.id, next, c.after, id);

      const production = c.stock.filter((p) => p.backorder > 0 && !c.allocated.has(p.productId));
      if (production.length)
        await requestProduction(db, actor, {
          orderId: order.id,
          number: order.number,
          dueAt: addWorkingHours(env.now, settings.productionRequestHours, env.workingHours),
          lines: production.map((p) => ({ lineNo: p.lineNo, productId: p.productId, qty: p.backorder })),
        });
      await insertHistory(db, {
        company_id: actor.companyId,
        entity_type: 'order',
        entity_id: order.id,
        from_state: order.status,
        to_state: order.status,
        event: 'change_applied',
        actor_id: actor.userId,
        reason: diffSummary(r.number, order.version, next, c.before, c.after),
        at: env.now,
      });
      await repo.updateRequest(db, actor.companyId, id, {
        applied_version: next,
        applied_at: env.now,
        applied_by: actor.userId,
        preview: JSON.stringify(previewOf(c, { base: r.base_version, current: order.version }, env)),
      });
      await recordDomainEvent(db, {
        companyId: actor.companyId,
        type: 'order.changed',
        entityType: 'order',
        entityId: order.id,
        data: { changeRequestId: id, changeNumber: r.number, fromVersion: order.version, toVersion: next },
        at: env.now,
      });
    },
  });
  return getChangeRequest(db, actor, env, id);
}
