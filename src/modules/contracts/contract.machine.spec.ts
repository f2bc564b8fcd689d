import { describe, expect, it } from 'vitest';
import { availableEvents, refusal, validateMachine, type Actor } from '../../lib/state-machine';
import { contractMachine as m } from './contract.machine';

const as = (...roles: string[]): Actor => ({ userId: 'u', companyId: 'c', roles });
const legalStage = { stage: 'legal' as const, stageRole: 'legal', lastStage: false };
const gmStage = { stage: 'gm' as const, stageRole: 'general_manager', lastStage: true };

describe('contract machine', () => {
  it('is a valid table', () => expect(validateMachine(m)).toEqual([]));

  it('a stage is decided by its own role only; the last stage approves the contract', () => {
    expect(availableEvents(m, 'in_review', as('legal'), legalStage)).toEqual(['pass', 'reject']);
    expect(refusal(m, 'in_review', 'pass', as('finance'), legalStage)).toBe('AUTH.FORBIDDEN');
    expect(availableEvents(m, 'in_review', as('general_manager'), gmStage)).toEqual(['approve', 'reject']);
    expect(refusal(m, 'in_review', 'pass', as('general_manager'), gmStage)).toBe('STATE.ILLEGAL_TRANSITION');
  });

  it('closes early from approved or signed by sales; only the system reopens a completed one', () => {
    const none = { stage: null, stageRole: null, lastStage: false };
    expect(refusal(m, 'signed', 'close', as('sales_assistant'), none)).toBeUndefined();
    expect(refusal(m, 'approved', 'close', as('sales_director'), none)).toBeUndefined();
    expect(refusal(m, 'completed', 'close', as('sales_assistant'), none)).toBe('STATE.ILLEGAL_TRANSITION');
    expect(refusal(m, 'signed', 'close', as('legal'), none)).toBe('AUTH.FORBIDDEN');
    expect(refusal(m, 'completed', 'reopen', as('sales_assistant'), none)).toBe('AUTH.FORBIDDEN');
    expect(refusal(m, 'completed', 'reopen', as('system'), none)).toBeUndefined();
  });
});
