import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { insertHistory } from '../history/history.repository';
import type { Actor } from '../auth/auth.service';
import { SHIPPABLE } from '../orders/order.machine';
import { findLines, findOrder, lockOrder } from '../orders/order.repository';
import { getSettings } from '../settings/settings.service';
import type { ChangeAction } from './change-actions';
import { changeMachine } from './change.machine';
import { computeChange, headDiffs, lineDiffs, readFacts } from './change-preview';
import * as repo from './change.repository';
import { getChangeRequest } from './change.service';

export type OpenChangeInput = { actions: ChangeAction[]; reason: string; requestedBy: 'customer' | 'internal' };

/**
 * 申请变更: on a confirmed order not fully shipped, sales or customer service write the actions, a reason and
 * who asked. The actions are replayed at once, so a bad line or a quantity below what shipped is refused now.
 */
export async function openChange(db: Db, actor: Actor, env: Env, orderId: string, input: OpenChangeInput) {
  // The order row is locked so that change numbers per order are handed out one at a time.
  if (!(await lockOrder(db, actor.companyId, orderId))) throw new AppError('ORDER.NOT_FOUND');
  const order = (await findOrder(db, actor.companyId, orderId))!;
  if (!SHIPPABLE.includes(order.status)) throw new AppError('CHANGE.ORDER_NOT_CHANGEABLE', { status: order.status });
  const lines = await findLines(db, actor.companyId, [orderId]);
  const settings = await getSettings(db, actor.companyId);
  const c = await computeChange(db, actor, settings, await readFacts(db, actor, order, lines), input.actions);
  if (lineDiffs(c.before, c.after).every((l) => l.change === 'unchanged') && !headDiffs(c.before, c.after).length)
    throw new AppError('CHANGE.NOTHING_CHANGES', {}, [{ path: 'actions', message: 'nothing changes' }]);
  const seq = (await repo.countForOrder(db, actor.companyId, orderId)) + 1;
  const { id } = await repo.insertRequest(db, {
    company_id: actor.companyId,
    number: `${order.number}-C${seq}`,
    order_id: orderId,
    status: changeMachine.initial,
    base_version: order.version,
    actions: JSON.stringify(input.actions),
    reason: input.reason,
    requested_by: input.requestedBy,
    created_by: actor.userId,
    created_at: env.now,
    updated_at: env.now,
    updated_by: actor.userId,
  });
  await insertHistory(db, {
    company_id: actor.companyId,
    entity_type: 'change_request',
    entity_id: id,
    from_state: null,
    to_state: changeMachine.initial,
    event: 'open',
    actor_id: actor.userId,
    reason: input.reason,
    at: env.now,
  });
  return getChangeRequest(db, actor, env, id);
}
