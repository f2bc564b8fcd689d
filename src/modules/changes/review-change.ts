import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { applyEvent } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { notifyUsers } from '../notifications/notification.service';
import { changeApprovalMachine } from './change-approval.machine';
import { changeMachine } from './change.machine';
import * as repo from './change.repository';
import { getChangeRequest } from './change.service';

export type ReviewInput = { decision: 'approve' | 'reject'; reason?: string };

/** Cancels the request's stages still waiting (it was rejected at another stage, or cancelled). */
export async function cancelOpenApprovals(db: Db, actor: Actor, env: Env, requestId: string, requestedBy: string) {
  for (const a of await repo.lockApprovals(db, actor.companyId, requestId))
    if (a.status === 'pending')
      await applyEvent(db, changeApprovalMachine, {
        entityId: a.id,
        current: a.status,
        event: 'cancel',
        actor,
        context: { role: a.role, requestedBy },
        at: env.now,
      });
}

/**
 * 变更审批: the user decides the pending stage of their department. A rejection (with its reason) rejects the
 * change and cancels the other stages; the last approval approves the change.
 */
export async function reviewChange(db: Db, actor: Actor, env: Env, id: string, input: ReviewInput) {
  const r = await repo.lockRequest(db, actor.companyId, id);
  if (!r) throw new AppError('CHANGE.NOT_FOUND');
  if (r.status !== 'submitted')
    throw new AppError('STATE.ILLEGAL_TRANSITION', { from: r.status, event: input.decision });
  const approvals = await repo.lockApprovals(db, actor.companyId, id);
  const pending = approvals.filter((a) => a.status === 'pending');
  // The stage of one of the user's departments (admins: the first waiting), checked by the stage machine.
  const stage =
    pending.find((a) => actor.roles.includes(a.role)) ?? (actor.roles.includes('admin') ? pending[0] : undefined);
  if (!stage) throw new AppError('CHANGE.NOT_YOUR_STAGE');
  await applyEvent(db, changeApprovalMachine, {
    entityId: stage.id,
    current: stage.status,
    event: input.decision,
    actor,
    reason: input.reason,
    context: { role: stage.role, requestedBy: r.created_by },
    at: env.now,
    patch: { decided_by: actor.userId, decided_at: env.now, reason: input.reason ?? null },
  });
  if (input.decision === 'reject') {
    await cancelOpenApprovals(db, actor, env, id, r.created_by);
    await applyEvent(db, changeMachine, {
      entityId: id,
      current: r.status,
      event: 'reject',
      actor,
      reason: input.reason,
      context: {},
      at: env.now,
      patch: { decided_at: env.now, decision_reason: input.reason ?? null },
    });
  } else if (pending.length === 1) {
    await applyEvent(db, changeMachine, {
      entityId: id,
      current: r.status,
      event: 'approve',
      actor,
      context: { openStages: 0 },
      at: env.now,
      patch: { decided_at: env.now },
    });
  }
  if (input.decision === 'reject' || pending.length === 1)
    await notifyUsers(db, actor.companyId, [r.created_by], {
      kind: 'change_decided',
      params: { number: r.number, decision: input.decision },
      orderId: r.order_id,
    });
  return getChangeRequest(db, actor, env, id);
}
