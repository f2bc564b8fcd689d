import { describe, expect, it } from 'vitest';
import { availableEvents, refusal, validateMachine, type Actor } from '../../lib/state-machine';
import { sampleLoanMachine as m } from './sample-loan.machine';

const as = (...roles: string[]): Actor => ({ userId: 'u', companyId: 'c', roles });

describe('sample loan machine', () => {
  it('is a valid table', () => {
    expect(validateMachine(m)).toEqual([]);
  });

  it('the warehouse takes a sample back; finance or the general manager writes it off', () => {
    expect(refusal(m, 'out', 'return', as('warehouse'), undefined)).toBeUndefined();
    expect(m.transitions.find((t) => t.event === 'return')?.to).toBe('returned');
    for (const role of ['finance', 'general_manager'])
      expect(refusal(m, 'out', 'write_off', as(role), undefined)).toBeUndefined();
    expect(m.transitions.find((t) => t.event === 'write_off')?.to).toBe('written_off');
    expect(refusal(m, 'out', 'write_off', as('warehouse'), undefined)).toBe('AUTH.FORBIDDEN');
    expect(refusal(m, 'out', 'return', as('finance'), undefined)).toBe('AUTH.FORBIDDEN');
  });

  it('returned and written-off samples are final', () => {
    for (const from of ['returned', 'written_off'] as const) {
      expect(availableEvents(m, from, as('admin'))).toEqual([]);
      expect(refusal(m, from, 'return', as('warehouse'), undefined)).toBe('STATE.ILLEGAL_TRANSITION');
    }
  });
});
