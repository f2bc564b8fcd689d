import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Env } from '../../lib/env';
import { applyEvent, refusal } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { getSettings } from '../settings/settings.service';
import * as reviewRepo from '../review/review.repository';
import { startStage } from '../review/review-stage';
import { notifyUsers } from '../notifications/notification.service';
import { cancelOpenRequests, openRequestCount } from '../production/production.service';
import { computeChecks } from './order-checks';
import { loadOrderForUpdate } from './order-lock';
import { orderMachine } from './order.machine';
import { getOrder } from './order.service';

type Decision = { decision: 'approve' | 'reject'; reason?: string };

/**
 * 审核: the current stage's reviewer approves (next stage, or awaiting confirmation) or rejects back to the
 * registrar.
 */
export async function reviewOrder(db: Db, actor: Actor, env: Env, id: string, input: Decision) {
  const { order, lines, shippedUnits } = await loadOrderForUpdate(db, actor, id);
  const stage =
    order.status === 'in_review'
      ? await reviewRepo.currentStage(db, actor.companyId, id, order.review_round)
      : undefined;
  const stages = await reviewRepo.listStages(db, actor.companyId, id);
  const isLast =
    !!stage && !stages.some((s) => s.round === order.review_round && s.status === 'pending' && s.seq > stage.seq);
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
  const refused = refusal(orderMachine, order.status, event, actor, context);
  if (!refused && stage && input.decision === 'approve') await assertStageCanPass(db, actor, stage.stage, order, lines);
  await applyEvent(db, orderMachine, {
    entityId: id,
    current: order.status,
    event,
    actor,
    context,
    at: env.now,
    reason: input.reason ?? (stage ? `${stage.stage}` : undefined),
    effects: async () => {
      await reviewRepo.updateStage(db, actor.companyId, id, stage!.round, stage!.seq, {
        status: input.decision === 'approve' ? 'approved' : 'rejected',
        decided_by: actor.userId,
        decided_at: env.now,
        reason: input.reason ?? null,
        claimed_by: null,
      });
    },
  });

  if (event === 'reject') {
    await reviewRepo.cancelPendingStages(db, actor.companyId, id);
    await cancelOpenRequests(db, actor.companyId, id);
    await notifyUsers(db, actor.companyId, [order.registrar_id], {
      kind: 'order_rejected',
      params: { number: order.number, reason: input.reason ?? '' },
      orderId: id,
    });
  } else if (event === 'approve_stage') {
    const next = (await reviewRepo.currentStage(db, actor.companyId, id, order.review_round))!;
    await startStage(db, env, await getSettings(db, actor.companyId), {
      companyId: actor.companyId,
      orderId: id,
      number: order.number,
      round: next.round,
      seq: next.seq,
      stage: next.stage,
      role: next.role,
    });
  }
  return getOrder(db, actor, id);
}

async function assertStageCanPass(
  db: Db,
  actor: Actor,
  stage: string,
  order: Parameters<typeof computeChecks>[2],
  lines: Parameters<typeof computeChecks>[3],
) {
  if (stage === 'sales') {
    const checks = await computeChecks(db, actor.companyId, order, lines);
    if (!checks.qualification.ok) throw new AppError('REVIEW.QUALIFICATION_MISSING');
  }
  if (stage === 'production' && (await openRequestCount(db, actor.companyId, order.id)) > 0)
    throw new AppError('REVIEW.PRODUCTION_PENDING');
}
