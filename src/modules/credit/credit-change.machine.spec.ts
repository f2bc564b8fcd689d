import { describe, expect, it } from 'vitest';
import { availableEvents, refusal, validateMachine, type Actor } from '../../lib/state-machine';
import { creditChangeMachine, notOwnRequest } from './credit-change.machine';

const controller: Actor = { userId: 'f1', companyId: 'c', roles: ['finance', 'credit_controller'] };
const sales: Actor = { userId: 's1', companyId: 'c', roles: ['sales_assistant'] };
const admin: Actor = { userId: 'a1', companyId: 'c', roles: ['admin'] };
const bySales = { requestedBy: 's1' };

describe('credit change machine', () => {
  it('is a valid table', () => {
    expect(validateMachine(creditChangeMachine)).toEqual([]);
  });

  it('a credit controller approves or rejects a requested change', () => {
    expect(refusal(creditChangeMachine, 'requested', 'approve', controller, bySales)).toBeUndefined();
    expect(refusal(creditChangeMachine, 'requested', 'reject', controller, bySales)).toBeUndefined();
    expect(availableEvents(creditChangeMachine, 'requested', controller, bySales)).toEqual(['approve', 'reject']);
  });

  it('sales and plain finance users decide nothing', () => {
    expect(refusal(creditChangeMachine, 'requested', 'approve', sales, bySales)).toBe('AUTH.FORBIDDEN');
    const finance: Actor = { ...controller, roles: ['finance'] };
    expect(refusal(creditChangeMachine, 'requested', 'reject', finance, bySales)).toBe('AUTH.FORBIDDEN');
    expect(availableEvents(creditChangeMachine, 'requested', sales, bySales)).toEqual([]);
  });

  it('nobody approves their own request, admins included (guard notOwnRequest)', () => {
    expect(notOwnRequest({ requestedBy: 'f1', actor: controller })).toBe('CREDIT.OWN_REQUEST');
    expect(notOwnRequest({ requestedBy: 's1', actor: controller })).toBeUndefined();
    expect(refusal(creditChangeMachine, 'requested', 'approve', admin, { requestedBy: 'a1' })).toBe(
      'CREDIT.OWN_REQUEST',
    );
    expect(refusal(creditChangeMachine, 'requested', 'reject', admin, { requestedBy: 'a1' })).toBeUndefined();
  });

  it('a decided request is final', () => {
    for (const from of ['approved', 'rejected'] as const)
      for (const event of ['approve', 'reject'] as const)
        expect(refusal(creditChangeMachine, from, event, controller, bySales)).toBe('STATE.ILLEGAL_TRANSITION');
  });
});
