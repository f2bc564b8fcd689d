import { describe, expect, it } from 'vitest';
import { refusal, validateMachine, type Actor } from '../../lib/state-machine';
import { changeApprovalMachine, notOwnChange, ofStageRole } from './change-approval.machine';

const finance: Actor = { userId: 'f1', companyId: 'c', roles: ['finance'] };
const warehouse: Actor = { userId: 'w1', companyId: 'c', roles: ['warehouse'] };
const admin: Actor = { userId: 'a1', companyId: 'c', roles: ['admin'] };
const sales: Actor = { userId: 's1', companyId: 'c', roles: ['sales_assistant'] };
const financeStage = { role: 'finance', requestedBy: 's1' };

describe('change approval stage machine', () => {
  it('is a valid table', () => {
    expect(validateMachine(changeApprovalMachine)).toEqual([]);
  });

  it("the stage's department approves or rejects it (guard ofStageRole)", () => {
    expect(refusal(changeApprovalMachine, 'pending', 'approve', finance, financeStage)).toBeUndefined();
    expect(refusal(changeApprovalMachine, 'pending', 'reject', finance, financeStage)).toBeUndefined();
    expect(refusal(changeApprovalMachine, 'pending', 'approve', warehouse, financeStage)).toBe('CHANGE.NOT_YOUR_STAGE');
    expect(ofStageRole({ ...financeStage, actor: admin })).toBeUndefined();
  });

  it('nobody approves a change they asked for, admins included (guard notOwnChange)', () => {
    expect(notOwnChange({ role: 'finance', requestedBy: 'a1', actor: admin })).toBe('CHANGE.OWN_REQUEST');
    expect(refusal(changeApprovalMachine, 'pending', 'approve', admin, { role: 'finance', requestedBy: 'a1' })).toBe(
      'CHANGE.OWN_REQUEST',
    );
  });

  it('sales cannot decide, but the stage is cancelled with its change', () => {
    expect(refusal(changeApprovalMachine, 'pending', 'approve', sales, financeStage)).toBe('AUTH.FORBIDDEN');
    expect(refusal(changeApprovalMachine, 'pending', 'cancel', sales, financeStage)).toBeUndefined();
  });

  it('a decided or cancelled stage is final', () => {
    for (const from of ['approved', 'rejected', 'cancelled'] as const)
      for (const event of ['approve', 'reject', 'cancel'] as const)
        expect(refusal(changeApprovalMachine, from, event, finance, financeStage)).toBe('STATE.ILLEGAL_TRANSITION');
  });
});
