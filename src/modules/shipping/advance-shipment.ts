import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Env } from '../../lib/env';
import { applyEvent } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { shipmentMachine, type ShipmentEvent } from './shipment.machine';
import * as repo from './shipment.repository';
import { getShipment } from './shipment-queries';

/** One step of a shipment's lifecycle, on the locked row (the machine checks the step and writes history). */
export async function moveShipment(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  event: ShipmentEvent,
  patch: Record<string, unknown> = {},
  reason?: string,
) {
  const s = await repo.lockShipmentStatus(db, actor.companyId, id);
  if (!s) throw new AppError('SHIPMENT.NOT_FOUND');
  await applyEvent(db, shipmentMachine, {
    entityId: id,
    current: s.status,
    event,
    actor,
    context: undefined,
    reason,
    at: env.now,
    patch,
  });
}

/** 拣货 / 复核 / 打包: the warehouse steps before shipping (and cancelling a shipment not yet shipped). */
export async function advanceShipment(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  event: 'pick' | 'recheck' | 'pack' | 'cancel',
  reason?: string,
) {
  await moveShipment(db, actor, env, id, event, event === 'pick' ? { picked_at: env.now } : {}, reason);
  return getShipment(db, actor, env, id);
}
