import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Env } from '../../lib/env';
import { applyEvent, refusal } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { getSettings } from '../settings/settings.service';
import * as reviewRepo from '../review/review.repository';
import { cancelPendingStages, decideStage, startStage } from '../review/review-stage';
import { notifyUsers } from '../notifications/notification.service';
import { cancelOpenRequests, openRequestCount } from '../production/production.service';
import { qualificationCheck } from './order-checks';
import { afterMove, assertNotArchivedOrder, loadOrderForUpdate } from './order-lock';
import { orderMachine } from './order.machine';
import { presentOrder } from './order.service';

type Decision = { decision: 'approve' | 'reject'; reason?: string };

/**
 * 审核: the current stage's reviewer approves (next stage, or awaiting confirmation) or rejects back to the
 * registrar. One person decides at most one stage of a round (the stage's lifecycle refuses the second).
 */
export async function reviewOrder(db: Db, actor: Actor, env: Env, id: string, input: Decision) {
  const { order, lines, shippedUnits } = await loadOrderForUpdate(db, actor, id);
  assertNotArchivedOrder(order);
  // Stages change only under the order lock, so one read serves the whole decision: the stage waiting now (the
  // round's first pending), the one after it, and who decided the others.
  const stages = await reviewRepo.listStages(db, actor.companyId, id);
  const pending =
    order.status === 'in_review' ? stages.filter((s) => s.round === order.review_round && s.status === 'pending') : [];
  const stage = pending[0] as (typeof pending)[number] | undefined;
  const isLast = !!stage && !pending.some((s) => s.seq > stage.seq);
  const event = input.decision === 'reject' ? 'reject' : isLast ? 'approve_final' : 'approve_stage';

  const context = {
    shippedUnits,
    registrarId: order.registrar_id,
    now: env.now,
    stage: stage && {
      stage: stage.stage,
      role: stage.role,
      claimedBy: stage.claimed_by,
      claimExpiresAt: stage.claim_expires_at,
    },
  };
  const settings = await getSettings(db, actor.companyId);
  const refused = refusal(orderMachine, order.status, event, actor, context);
  if (!refused && stage && input.decision === 'approve') await assertStageCanPass(db, actor, stage.stage, order);
  const to = await applyEvent(db, orderMachine, {
    entityId: id,
    current: order.status,
    event,
    actor,
    context,
    at: env.now,
    reason: input.reason ?? (stage ? `${stage.stage}` : undefined),
    effects: () =>
      decideStage(db, actor, env, settings, stage!, { event: input.decision, reason: input.reason }, stages),
  });
  const moved = afterMove(order, to, actor, env.now);

  if (event === 'reject') {
    await cancelPendingStages(db, actor, id, env.now);
    await cancelOpenRequests(db, actor, id, env.now);
    await notifyUsers(db, actor.companyId, [order.registrar_id], {
      kind: 'order_rejected',
      params: { number: order.number, reason: input.reason ?? '' },
      orderId: id,
    });
  } else if (event === 'approve_stage') {
    const next = pending.find((s) => s.seq > stage!.seq)!;
    await startStage(db, env, settings, {
      companyId: actor.companyId,
      orderId: id,
      number: order.number,
      round: next.round,
      seq: next.seq,
      stage: next.stage,
      role: next.role,
    });
    // The stages as the order page sees them now: the decided one no longer waits.
    const after = stages.map((s) => (s.id === stage!.id ? { ...s, status: 'approved' as const, claimed_by: null } : s));
    return presentOrder(db, actor, moved, lines, { stages: after });
  }
  return presentOrder(db, actor, moved, lines);
}

async function assertStageCanPass(db: Db, actor: Actor, stage: string, order: { id: string; customer_id: string }) {
  if (stage === 'sales' && !(await qualificationCheck(db, actor.companyId, order)).ok)
    throw new AppError('REVIEW.QUALIFICATION_MISSING');
  if (stage === 'production' && (await openRequestCount(db, actor.companyId, order.id)) > 0)
    throw new AppError('REVIEW.PRODUCTION_PENDING');
}
