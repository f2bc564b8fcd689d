import { describe, expect, it } from 'vitest';
import { availableEvents, refusal, validateMachine, type Actor } from '../../lib/state-machine';
import { notDecidedAnotherStage, reviewStageMachine, type StageGuardContext } from './review-stage.machine';

const actor = (userId: string, ...roles: string[]): Actor => ({ userId, companyId: 'c', roles });
const finance = actor('u-fin', 'finance');
const admin = actor('u-admin', 'admin');
const fresh: StageGuardContext = { onePersonOneStage: true, otherDeciders: [] };

describe('review stage machine', () => {
  it('is a valid table', () => {
    expect(validateMachine(reviewStageMachine)).toEqual([]);
  });

  it('a pending stage is approved, rejected or cancelled; a decided stage moves no more', () => {
    for (const [event, to] of [
      ['approve', 'approved'],
      ['reject', 'rejected'],
      ['cancel', 'cancelled'],
    ] as const) {
      expect(refusal(reviewStageMachine, 'pending', event, finance, fresh)).toBeUndefined();
      expect(reviewStageMachine.transitions.find((t) => t.event === event)!.to).toBe(to);
      for (const from of ['approved', 'rejected', 'cancelled'] as const)
        expect(refusal(reviewStageMachine, from, event, finance, fresh)).toBe('STATE.ILLEGAL_TRANSITION');
    }
  });

  it('only reviewing roles decide a stage', () => {
    expect(refusal(reviewStageMachine, 'pending', 'approve', actor('u-w', 'warehouse'), fresh)).toBe('AUTH.FORBIDDEN');
    expect(refusal(reviewStageMachine, 'pending', 'cancel', actor('u-s', 'sales_assistant'), fresh)).toBeUndefined();
  });

  it('notDecidedAnotherStage: whoever decided another stage of the round is refused, admins included', () => {
    const decided = { onePersonOneStage: true, otherDeciders: ['u-admin', 'u-fin'] };
    expect(notDecidedAnotherStage({ ...decided, actor: admin })).toBe('REVIEW.ONE_STAGE_PER_PERSON');
    expect(refusal(reviewStageMachine, 'pending', 'approve', finance, decided)).toBe('REVIEW.ONE_STAGE_PER_PERSON');
    expect(refusal(reviewStageMachine, 'pending', 'reject', finance, decided)).toBe('REVIEW.ONE_STAGE_PER_PERSON');
    expect(refusal(reviewStageMachine, 'pending', 'approve', actor('u-other', 'finance'), decided)).toBeUndefined();
    // Cancelling the round is not a decision.
    expect(refusal(reviewStageMachine, 'pending', 'cancel', finance, decided)).toBeUndefined();
  });

  it('notDecidedAnotherStage: the company may switch the rule off', () => {
    const off = { onePersonOneStage: false, otherDeciders: ['u-fin'] };
    expect(refusal(reviewStageMachine, 'pending', 'approve', finance, off)).toBeUndefined();
  });

  it('lists the decisions a reviewer may take now', () => {
    expect(availableEvents(reviewStageMachine, 'pending', finance, fresh)).toEqual(['approve', 'reject', 'cancel']);
    expect(
      availableEvents(reviewStageMachine, 'pending', finance, { onePersonOneStage: true, otherDeciders: ['u-fin'] }),
    ).toEqual(['cancel']);
    expect(availableEvents(reviewStageMachine, 'approved', finance, fresh)).toEqual([]);
  });
});
