import { describe, expect, it } from 'vitest';
import { availableEvents, refusal, validateMachine, type Actor } from '../../lib/state-machine';
import { prepRequestMachine as m } from './prep-request.machine';

const as = (userId: string, ...roles: string[]): Actor => ({ userId, companyId: 'c', roles });
const director = as('d', 'sales_director');
const gm = as('g', 'general_manager');
const small = { requestedBy: 's', aboveThreshold: false };
const large = { requestedBy: 's', aboveThreshold: true };
const to = (event: string) => m.transitions.find((t) => t.event === event)?.to;

describe('prep request machine', () => {
  it('is a valid table', () => {
    expect(validateMachine(m)).toEqual([]);
  });

  it('below the threshold the director approves it; at or above, the director passes it to the GM', () => {
    expect(refusal(m, 'pending_director', 'approve_director', director, small)).toBeUndefined();
    expect(to('approve_director')).toBe('approved');
    expect(refusal(m, 'pending_director', 'escalate_gm', director, small)).toBe('STATE.ILLEGAL_TRANSITION');
    expect(availableEvents(m, 'pending_director', director, small)).toEqual(['approve_director', 'reject']);
    expect(refusal(m, 'pending_director', 'approve_director', director, large)).toBe('STATE.ILLEGAL_TRANSITION');
    expect(refusal(m, 'pending_director', 'escalate_gm', director, large)).toBeUndefined();
    expect(to('escalate_gm')).toBe('pending_gm');
    expect(refusal(m, 'pending_gm', 'approve_gm', gm, large)).toBeUndefined();
    expect(to('approve_gm')).toBe('approved');
  });

  it('each stage is decided by its role only, never by the one who raised it', () => {
    expect(refusal(m, 'pending_director', 'approve_director', gm, small)).toBe('AUTH.FORBIDDEN');
    expect(refusal(m, 'pending_gm', 'approve_gm', director, large)).toBe('AUTH.FORBIDDEN');
    expect(refusal(m, 'pending_director', 'approve_director', director, { ...small, requestedBy: 'd' })).toBe(
      'PREP.OWN_REQUEST',
    );
    expect(refusal(m, 'pending_director', 'reject', director, small)).toBeUndefined();
    expect(refusal(m, 'pending_gm', 'reject', gm, large)).toBeUndefined();
    expect(refusal(m, 'pending_gm', 'reject', director, large)).toBe('AUTH.FORBIDDEN');
  });

  it('approved becomes prepared when produced (the planner); rejected and prepared are final', () => {
    expect(refusal(m, 'approved', 'mark_prepared', as('p', 'production_planner'), small)).toBeUndefined();
    expect(to('mark_prepared')).toBe('prepared');
    for (const from of ['rejected', 'prepared'] as const)
      expect(availableEvents(m, from, as('a', 'admin'))).toEqual([]);
  });
});
