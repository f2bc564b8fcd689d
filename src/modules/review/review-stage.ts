import type { Db } from '../../db/database';
import { addWorkingHours } from '../../lib/calendar/calendar';
import type { Env } from '../../lib/env';
import { applyEvent, availableEvents } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { notifyRole } from '../notifications/notification.service';
import type { Settings } from '../settings/settings.schemas';
import * as repo from './review.repository';
import { DECIDED_STAGE, reviewStageMachine, type StageGuardContext } from './review-stage.machine';
import type { StageName } from './review.table';

type StageStart = {
  companyId: string;
  orderId: string;
  number: string;
  round: number;
  seq: number;
  stage: StageName;
  role: string;
};

/** When a stage started now is due: its clock runs in working hours. */
export const stageDueAt = (env: Env, settings: Settings, stage: StageName) =>
  addWorkingHours(env.now, settings.review.stageHours[stage] ?? 4, env.workingHours);

/** Starts a stage: its clock runs in working hours from now; the stage's role is told. */
export async function startStage(db: Db, env: Env, settings: Settings, s: StageStart) {
  const dueAt = stageDueAt(env, settings, s.stage);
  await repo.updateStage(db, s.companyId, s.orderId, s.round, s.seq, { started_at: env.now, due_at: dueAt });
  await announceStage(db, s);
  return dueAt;
}

/** Tells the stage's role it waits for them (a stage inserted already started, with its due time). */
export async function announceStage(db: Db, s: StageStart) {
  await notifyRole(db, s.companyId, s.role, {
    kind: 'review_assigned',
    params: { number: s.number, stage: s.stage },
    orderId: s.orderId,
  });
}

type Stage = { id: string; order_id: string; round: number; seq: number; status: repo.StageRow['status'] };
type KnownStage = Pick<repo.StageRow, 'round' | 'seq' | 'status' | 'decided_by'>;

/** Who decided the round's other stages, from the order's stages as the caller read them under the order lock. */
export const decidersAmong = (stages: readonly KnownStage[], stage: Stage) =>
  stages
    .filter((s) => s.round === stage.round && s.seq !== stage.seq && DECIDED_STAGE.includes(s.status) && s.decided_by)
    .map((s) => s.decided_by!);

/**
 * The facts a decision on this stage is checked against. `stages`: the order's stages already read under the
 * order lock (a decision is only made holding it), so the deciders need no statement of their own.
 */
export async function stageFacts(
  db: Db,
  actor: Actor,
  settings: Settings,
  stage: Stage,
  stages?: readonly KnownStage[],
): Promise<StageGuardContext> {
  return {
    onePersonOneStage: settings.review.onePersonOneStage,
    otherDeciders: stages
      ? decidersAmong(stages, stage)
      : await repo.decidersInRound(db, actor.companyId, stage.order_id, stage.round, stage.seq),
  };
}

/** What this user may do with the stage now (`actions`). */
export const stageActions = (stage: Stage, actor: Actor, facts: StageGuardContext) =>
  availableEvents(reviewStageMachine, stage.status, actor, facts);

/** Records a reviewer's decision on the stage, through its lifecycle (one person, one stage per round). */
export async function decideStage(
  db: Db,
  actor: Actor,
  env: Env,
  settings: Settings,
  stage: Stage,
  decision: { event: 'approve' | 'reject'; reason?: string },
  stages?: readonly KnownStage[],
) {
  await applyEvent(db, reviewStageMachine, {
    entityId: stage.id,
    current: stage.status,
    event: decision.event,
    actor,
    reason: decision.reason,
    context: await stageFacts(db, actor, settings, stage, stages),
    at: env.now,
    patch: { decided_by: actor.userId, decided_at: env.now, reason: decision.reason ?? null, claimed_by: null },
  });
}

/** Cancels every stage of the order still waiting (the order was rejected at another stage, or cancelled). */
export async function cancelPendingStages(db: Db, actor: Actor, orderId: string, at?: Date) {
  for (const s of await repo.pendingStages(db, actor.companyId, orderId))
    await applyEvent(db, reviewStageMachine, {
      entityId: s.id,
      current: s.status,
      event: 'cancel',
      actor,
      context: { onePersonOneStage: false, otherDeciders: [] },
      at,
      patch: { claimed_by: null },
    });
}
