import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { applyEvent } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { notifyUsers } from '../notifications/notification.service';
import { cancelOpenRequests } from '../production/production.service';
import { cancelPendingStages } from '../review/review-stage';
import { releaseReserved } from '../stock/stock.service';
import { loadOrderForUpdate } from './order-lock';
import { orderMachine } from './order.machine';
import * as repo from './order.repository';
import { getOrder } from './order.service';
import { reasonCode } from '../../lib/reason-codes';

/**
 * Releases what other parts of the product hold for the order (allocation reservations; on cancellation, the
 * quantities a call-off order took from its contract).
 */
export type ReleaseHolds = (db: Db, actor: Actor, orderId: string, env: Env) => Promise<unknown>;

/** 取消: before anything ships, with a reason; releases the order's reservations and the credit it held. */
export async function cancelOrder(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  reason: string,
  releaseHolds: ReleaseHolds,
) {
  const { order, lines, shippedUnits } = await loadOrderForUpdate(db, actor, id);
  await applyEvent(db, orderMachine, {
    entityId: id,
    current: order.status,
    event: 'cancel',
    actor,
    reason,
    context: { shippedUnits },
    at: env.now,
    patch: { cancelled_at: env.now, cancel_reason: reason },
    effects: async () => {
      await releaseReserved(
        db,
        actor,
        lines.map((l) => ({
          warehouseId: order.warehouse_id,
          productId: l.product_id,
          qty: l.reserved,
          reference: order.number,
        })),
        reasonCode('order_cancelled_because', { note: reason }),
      );
      await repo.setLineQuantities(
        db,
        actor.companyId,
        lines.map((l) => ({ orderId: id, lineNo: l.line_no, reserved: 0, backordered: 0 })),
      );
      await cancelPendingStages(db, actor, id);
      await cancelOpenRequests(db, actor, id);
      await releaseHolds(db, actor, id, env);
    },
  });
  await notifyUsers(db, actor.companyId, [order.registrar_id], {
    kind: 'order_cancelled',
    params: { number: order.number, reason },
    orderId: id,
  });
  return getOrder(db, actor, id);
}
