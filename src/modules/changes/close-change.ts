import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { applyEvent } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { findAttachment } from '../attachments/attachment.repository';
import { changeMachine } from './change.machine';
import * as repo from './change.repository';
import { getChangeRequest } from './change.service';
import type { ChangeConfirmation } from './change.table';
import { cancelOpenApprovals } from './review-change';

/**
 * 客户确认变更: the customer confirmed the new version — a signed or stamped 变更确认书 (its scan attached to the
 * order) or an electronic confirmation. The order's "change awaiting customer" mark goes away.
 */
export async function confirmChange(db: Db, actor: Actor, env: Env, id: string, input: ChangeConfirmation) {
  const r = await repo.lockRequest(db, actor.companyId, id);
  if (!r) throw new AppError('CHANGE.NOT_FOUND');
  if (input.attachmentId) {
    const a = await findAttachment(db, actor.companyId, input.attachmentId);
    if (!a || a.owner_type !== 'order' || a.owner_id !== r.order_id)
      throw new AppError('CHANGE.CONFIRMATION_ATTACHMENT', {}, [
        { path: 'attachmentId', message: 'not an attachment of this order' },
      ]);
  }
  await applyEvent(db, changeMachine, {
    entityId: id,
    current: r.status,
    event: 'confirm',
    actor,
    context: {},
    reason: input.note,
    at: env.now,
    patch: { confirmed_at: env.now, confirmation: JSON.stringify(input) },
  });
  return getChangeRequest(db, actor, env, id);
}

/** 撤销: a change not applied yet is withdrawn with a reason; its waiting stages are cancelled. */
export async function cancelChange(db: Db, actor: Actor, env: Env, id: string, reason: string) {
  const r = await repo.lockRequest(db, actor.companyId, id);
  if (!r) throw new AppError('CHANGE.NOT_FOUND');
  await applyEvent(db, changeMachine, {
    entityId: id,
    current: r.status,
    event: 'cancel',
    actor,
    context: {},
    reason,
    at: env.now,
    patch: { cancelled_at: env.now, cancel_reason: reason },
    effects: () => cancelOpenApprovals(db, actor, env, id, r.created_by),
  });
  return getChangeRequest(db, actor, env, id);
}
