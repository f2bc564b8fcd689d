import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import type { Actor } from '../auth/auth.service';
import { getSettings } from '../settings/settings.service';
import type { Settings } from '../settings/settings.schemas';
import { availableEvents } from '../../lib/state-machine';
import * as repo from './review.repository';
import { reviewStageMachine } from './review-stage.machine';

type QueueRow = Awaited<ReturnType<ReturnType<typeof repo.openStagesFor>['execute']>>[number];
const toItem = (r: QueueRow, actor: Actor, settings: Settings, now: Date) => ({
  orderId: r.order_id,
  number: r.number,
  customerName: r.customer_name,
  total: r.total,
  urgency: r.urgency,
  stage: r.stage,
  role: r.role,
  startedAt: r.started_at,
  dueAt: r.due_at,
  late: !!r.late_at || (!!r.due_at && r.due_at < now),
  claimedByMe: r.claimed_by === actor.userId && !!r.claim_expires_at && r.claim_expires_at > now,
  claimExpiresAt: r.claimed_by === actor.userId ? r.claim_expires_at : null,
  /** The decisions I may take on this stage now (one person, one stage per round). */
  actions: availableEvents(reviewStageMachine, r.status, actor, {
    onePersonOneStage: settings.review.onePersonOneStage,
    otherDeciders: r.decided_other_by_me ? [actor.userId] : [],
  }).filter((e) => e !== 'cancel'),
});

/** 审核队列: the current stages waiting for my roles, mine first, urgent and soonest due first. */
export async function reviewQueue(db: Db, actor: Actor, env: Env) {
  const settings = await getSettings(db, actor.companyId);
  const rows = await repo.openStagesFor(db, actor.companyId, actor.userId, actor.roles, env.now).limit(500).execute();
  return rows
    .map((r) => toItem(r, actor, settings, env.now))
    .sort((a, b) => Number(b.claimedByMe) - Number(a.claimedByMe));
}

/** Claims a batch (default 100) so that no two reviewers work the same order; claims expire. */
export async function claimBatch(db: Db, actor: Actor, env: Env, limit?: number) {
  const settings = await getSettings(db, actor.companyId);
  const until = new Date(env.now.getTime() + settings.review.claimMinutes * 60_000);
  const claimed = await repo.claimStages(
    db,
    actor.companyId,
    actor.userId,
    actor.roles,
    env.now,
    until,
    limit ?? settings.review.claimBatch,
  );
  return { claimed: claimed.length, orderIds: claimed, expiresAt: until };
}

export async function releaseBatch(db: Db, actor: Actor, orderIds?: string[]) {
  const r = await repo.releaseClaims(db, actor.companyId, actor.userId, orderIds);
  return { released: Number(r.numUpdatedRows) };
}
