import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Env } from '../../lib/env';
import { formatMoney, lineAmount, parseMoney } from '../../lib/money';
import { applyEvent } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { notifyUsers } from '../notifications/notification.service';
import { cancelUnfinishedRequests } from '../production/production.service';
import { releaseReserved } from '../stock/stock.service';
import type { ReleaseHolds } from './cancel-order';
import { loadOrderForUpdate } from './order-lock';
import { orderMachine } from './order.machine';
import { getOrder } from './order.service';
import { closeLines, shipmentCounts } from './short-close.repository';
import { reasonCode } from '../../lib/reason-codes';

/** What is paid on an order (the payments module's one definition, handed in to keep modules one-way). */
export type PaidOnOrder = (db: Db, companyId: string, orderId: string) => Promise<bigint>;

/**
 * 短结 (cancellation after a partial shipment): the order is closed for what has not shipped, with a reason.
 * Its reservations go back to stock, its backorders and allocation holds are dropped, its unfinished production
 * requests are cancelled, each line records what was closed, and the order's total becomes what shipped, so
 * what it owes (and its credit) follows the shipped value; receivables arose per shipment and nothing more ships.
 * The order ends as its shipments stand: shipped while one is on its way, delivered when all have arrived.
 */
export async function shortCloseOrder(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  reason: string,
  deps: { releaseHolds: ReleaseHolds; paidOnOrder: PaidOnOrder },
) {
  const { order, lines, shippedUnits } = await loadOrderForUpdate(db, actor, id);
  const shipments = await shipmentCounts(db, actor.companyId, id);
  const open = lines.map((l) => ({ line: l, closed: l.qty - l.shipped })).filter((x) => x.closed > 0);
  const closedAmount = open.reduce((n, x) => n + lineAmount(parseMoney(x.line.unit_price), x.closed), 0n);
  const closedCost = open.reduce((n, x) => n + lineAmount(parseMoney(x.line.standard_cost), x.closed), 0n);
  const shippedValue = parseMoney(order.total) - closedAmount;
  const event = shipments.undelivered > 0 ? 'short_close' : 'short_close_delivered';
  await applyEvent(db, orderMachine, {
    entityId: id,
    current: order.status,
    event,
    actor,
    reason,
    context: {
      shippedUnits,
      shipmentsInWarehouse: shipments.inWarehouse,
      undeliveredShipments: shipments.undelivered,
    },
    at: env.now,
    patch: {
      short_closed_at: env.now,
      short_close_reason: reason,
      closed_amount: formatMoney(closedAmount),
      total: formatMoney(shippedValue),
      cost_total: formatMoney(parseMoney(order.cost_total) - closedCost),
    },
    effects: async () => {
      const paid = await deps.paidOnOrder(db, actor.companyId, id);
      if (paid > shippedValue)
        throw new AppError('ORDER.PAID_BEYOND_SHIPPED', {
          paid: formatMoney(paid),
          shipped: formatMoney(shippedValue),
        });
      await releaseReserved(
        db,
        actor,
        open.map((x) => ({
          warehouseId: order.warehouse_id,
          productId: x.line.product_id,
          qty: x.line.reserved,
          reference: order.number,
        })),
        reasonCode('order_short_closed_because', { note: reason }),
      );
      await closeLines(
        db,
        actor.companyId,
        id,
        open.map((x) => ({ lineNo: x.line.line_no, closed: x.closed })),
      );
      await cancelUnfinishedRequests(db, actor, id, env.now);
      await deps.releaseHolds(db, actor, id, env);
    },
  });
  await notifyUsers(db, actor.companyId, [order.registrar_id], {
    kind: 'order_short_closed',
    params: { number: order.number, reason },
    orderId: id,
  });
  return getOrder(db, actor, id, env.now);
}
