import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { applyEvent } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { loadOrderForUpdate } from './order-lock';
import { orderMachine } from './order.machine';
import { getOrder } from './order.service';

/**
 * 异常挂起: a confirmed order is held as an exception (the customer's site is not ready, a quality doubt, ...),
 * with its reason in the history. While held it keeps its reservations but cannot be shipped.
 */
export async function holdOrder(db: Db, actor: Actor, env: Env, id: string, reason: string) {
  const { order, shippedUnits } = await loadOrderForUpdate(db, actor, id);
  await applyEvent(db, orderMachine, {
    entityId: id,
    current: order.status,
    event: 'hold',
    actor,
    reason,
    context: { shippedUnits },
    at: env.now,
  });
  return getOrder(db, actor, id);
}

/** 恢复: the exception is cleared; the order goes back to confirmed and on to fulfilment. */
export async function resumeOrder(db: Db, actor: Actor, env: Env, id: string, reason?: string) {
  const { order, shippedUnits } = await loadOrderForUpdate(db, actor, id);
  await applyEvent(db, orderMachine, {
    entityId: id,
    current: order.status,
    event: 'resume',
    actor,
    reason,
    context: { shippedUnits },
    at: env.now,
  });
  return getOrder(db, actor, id);
}
