import { describe, expect, it } from 'vitest';
import { availableEvents, refusal, validateMachine, type Actor } from '../../lib/state-machine';
import { sampleApprovalMachine as m } from './sample-approval.machine';

const as = (...roles: string[]): Actor => ({ userId: 'u', companyId: 'c', roles });

describe('sample approval machine', () => {
  it('is a valid table', () => {
    expect(validateMachine(m)).toEqual([]);
  });

  it('sales approves a pending sample; the warehouse may not; approved is final', () => {
    expect(refusal(m, 'pending', 'approve', as('sales_assistant'), undefined)).toBeUndefined();
    expect(refusal(m, 'pending', 'approve', as('warehouse'), undefined)).toBe('AUTH.FORBIDDEN');
    expect(availableEvents(m, 'approved', as('admin'))).toEqual([]);
  });
});
