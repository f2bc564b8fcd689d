import { defineMachine, statusColumn, type Guard } from '../../lib/state-machine';
import type { StageStatus } from './review.table';
import { reviewStageLabels } from './review-stage.labels';

export type StageEvent = 'approve' | 'reject' | 'cancel';

/** Facts a stage decision is checked against, gathered by the review service. */
export type StageGuardContext = {
  /** The company's rule: one person decides at most one stage of an order's review round. */
  onePersonOneStage: boolean;
  /** Who decided the round's other stages (approved or rejected). */
  otherDeciders: readonly string[];
};

/** One person, one stage per round (审核分离): whoever decided another stage of this round may not decide this one. */
export const notDecidedAnotherStage: Guard<StageGuardContext> = (c) =>
  c.onePersonOneStage && c.otherDeciders.includes(c.actor.userId) ? 'REVIEW.ONE_STAGE_PER_PERSON' : undefined;

/** The roles that decide review stages; the order machine checks the stage's own role. */
export const STAGE_DECIDERS = ['reviewer', 'finance', 'production_planner', 'sales_director', 'general_manager'];

/** A stage waiting for its decision. */
export const OPEN_STAGE: readonly StageStatus[] = ['pending'];
/** Stages somebody decided. */
export const DECIDED_STAGE: readonly StageStatus[] = ['approved', 'rejected'];

// 审核环节: a stage waits, then is approved or rejected by its reviewer, or cancelled with its round
// (the order was rejected at another stage, or cancelled).
export const reviewStageMachine = defineMachine<StageStatus, StageEvent, StageGuardContext>({
  entity: 'review_stage',
  labels: reviewStageLabels,
  store: statusColumn('review_stages'),
  initial: 'pending',
  states: ['pending', 'approved', 'rejected', 'cancelled'],
  transitions: [
    { from: ['pending'], event: 'approve', to: 'approved', roles: STAGE_DECIDERS, guards: [notDecidedAnotherStage] },
    { from: ['pending'], event: 'reject', to: 'rejected', roles: STAGE_DECIDERS, guards: [notDecidedAnotherStage] },
    {
      from: ['pending'],
      event: 'cancel',
      to: 'cancelled',
      roles: [...STAGE_DECIDERS, 'sales_assistant', 'order_admin'],
    },
  ],
});
