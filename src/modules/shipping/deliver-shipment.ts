import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Env } from '../../lib/env';
import { applyEvent } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { orderMachine } from '../orders/order.machine';
import { loadOrderForUpdate } from '../orders/order-lock';
import { getSettings } from '../settings/settings.service';
import { callbackMachine } from '../feedback/callback.machine';
import { insertCallback } from '../feedback/feedback.repository';
import { shipmentMachine } from './shipment.machine';
import { getShipment } from './shipment-queries';
import * as repo from './shipment.repository';
import { reasonCode } from '../../lib/reason-codes';

/**
 * 签收: the shipment is delivered (signed by whom, when); each of its orders gets a call-back due N hours
 * (default 24) after receipt, and an order whose shipments have all arrived is delivered.
 */
export async function deliverShipment(
  db: Db,
  actor: Actor,
  env: Env,
  shipmentId: string,
  /** `address`: signed for by the customer in the portal, from this client address. */
  input: { signedBy: string; at?: string; address?: string },
) {
  const s = await repo.findShipmentStatusForUpdate(db, actor.companyId, shipmentId);
  if (!s) throw new AppError('SHIPMENT.NOT_FOUND');
  const at = input.at ? new Date(input.at) : env.now;
  await applyEvent(db, shipmentMachine, {
    entityId: shipmentId,
    current: s.status,
    event: 'deliver',
    actor,
    context: undefined,
    reason: input.address
      ? reasonCode('signed_in_portal', { name: input.signedBy, address: input.address })
      : reasonCode('signed_by', { name: input.signedBy }),
    at: env.now,
    patch: { delivered_at: at, signed_by: input.signedBy },
  });
  const settings = await getSettings(db, actor.companyId);
  for (const orderId of await repo.ordersOfShipment(db, actor.companyId, shipmentId)) {
    await insertCallback(db, {
      company_id: actor.companyId,
      order_id: orderId,
      shipment_id: shipmentId,
      due_at: new Date(at.getTime() + settings.fulfilment.callbackHours * 3_600_000),
      status: callbackMachine.initial,
      notes: '',
    });
    const { order, shippedUnits } = await loadOrderForUpdate(db, actor, orderId);
    if (order.status !== 'shipped') continue;
    if ((await repo.countUndeliveredShipments(db, actor.companyId, orderId)) > 0) continue;
    await applyEvent(db, orderMachine, {
      entityId: orderId,
      current: order.status,
      event: 'deliver',
      actor,
      context: { shippedUnits },
      reason: input.signedBy,
      at: env.now,
    });
  }
  return getShipment(db, actor, env, shipmentId);
}
