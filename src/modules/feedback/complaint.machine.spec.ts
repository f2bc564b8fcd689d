import { describe, expect, it } from 'vitest';
import { availableEvents, refusal, validateMachine, type Actor } from '../../lib/state-machine';
import { complaintMachine, UNCLOSED_COMPLAINT } from './complaint.machine';

const as = (...roles: string[]): Actor => ({ userId: 'u1', companyId: 'c1', roles });

describe('complaint machine', () => {
  it('is valid; an open complaint is resolved or closed, a resolved one only closed, a closed one never moves', () => {
    expect(validateMachine(complaintMachine)).toEqual([]);
    const cs = as('customer_service');
    expect(availableEvents(complaintMachine, 'open', cs)).toEqual(['resolve', 'close']);
    expect(availableEvents(complaintMachine, 'resolved', cs)).toEqual(['close']);
    expect(availableEvents(complaintMachine, 'closed', cs)).toEqual([]);
    expect(refusal(complaintMachine, 'resolved', 'resolve', cs, undefined)).toBe('STATE.ILLEGAL_TRANSITION');
    expect(refusal(complaintMachine, 'open', 'close', as('finance'), undefined)).toBe('AUTH.FORBIDDEN');
  });

  it('names the statuses that keep an order from completing', () => {
    expect(UNCLOSED_COMPLAINT).toEqual(['open', 'resolved']);
    expect(complaintMachine.states.filter((s) => !UNCLOSED_COMPLAINT.includes(s))).toEqual(['closed']);
  });
});
