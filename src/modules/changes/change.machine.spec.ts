import { describe, expect, it } from 'vitest';
import { availableEvents, refusal, validateMachine, type Actor } from '../../lib/state-machine';
import { basedOnCurrentVersion, changeMachine, everyStageApproved } from './change.machine';

const sales: Actor = { userId: 's1', companyId: 'c', roles: ['sales_assistant'] };
const service: Actor = { userId: 'cs', companyId: 'c', roles: ['customer_service'] };
const finance: Actor = { userId: 'f1', companyId: 'c', roles: ['finance'] };
const orderAdmin: Actor = { userId: 'o1', companyId: 'c', roles: ['order_admin'] };
const warehouse: Actor = { userId: 'w1', companyId: 'c', roles: ['warehouse'] };

describe('change request machine', () => {
  it('is a valid table', () => {
    expect(validateMachine(changeMachine)).toEqual([]);
  });

  it('sales or customer service submit a draft', () => {
    expect(refusal(changeMachine, 'draft', 'submit', sales, {})).toBeUndefined();
    expect(refusal(changeMachine, 'draft', 'submit', service, {})).toBeUndefined();
    expect(refusal(changeMachine, 'draft', 'submit', finance, {})).toBe('AUTH.FORBIDDEN');
  });

  it('a submitted change is approved only when no stage is open (guard everyStageApproved)', () => {
    expect(refusal(changeMachine, 'submitted', 'approve', finance, { openStages: 0 })).toBeUndefined();
    expect(refusal(changeMachine, 'submitted', 'approve', finance, { openStages: 2 })).toEqual({
      code: 'CHANGE.STAGES_OPEN',
      params: { count: 2 },
    });
    expect(everyStageApproved({ openStages: 1, actor: finance })).toBeDefined();
    expect(refusal(changeMachine, 'submitted', 'approve', sales, { openStages: 0 })).toBe('AUTH.FORBIDDEN');
  });

  it('a stage decider rejects a submitted change', () => {
    expect(refusal(changeMachine, 'submitted', 'reject', warehouse, {})).toBeUndefined();
    expect(refusal(changeMachine, 'submitted', 'reject', sales, {})).toBe('AUTH.FORBIDDEN');
  });

  it('the order desk applies an approved change on the version it was based on (guard basedOnCurrentVersion)', () => {
    expect(
      refusal(changeMachine, 'approved', 'apply', orderAdmin, { baseVersion: 2, orderVersion: 2 }),
    ).toBeUndefined();
    expect(refusal(changeMachine, 'approved', 'apply', orderAdmin, { baseVersion: 2, orderVersion: 3 })).toEqual({
      code: 'CHANGE.VERSION_MOVED',
      params: { base: 2, current: 3 },
    });
    expect(basedOnCurrentVersion({ baseVersion: 1, orderVersion: 1, actor: orderAdmin })).toBeUndefined();
    expect(refusal(changeMachine, 'approved', 'apply', sales, { baseVersion: 1, orderVersion: 1 })).toBe(
      'AUTH.FORBIDDEN',
    );
  });

  it('sales record the customer confirmation of an applied change', () => {
    expect(refusal(changeMachine, 'applied', 'confirm', sales, {})).toBeUndefined();
    expect(refusal(changeMachine, 'applied', 'confirm', orderAdmin, {})).toBe('AUTH.FORBIDDEN');
  });

  it('a change not applied yet may be cancelled; an applied, rejected or confirmed one not', () => {
    for (const from of ['draft', 'submitted', 'approved'] as const)
      expect(refusal(changeMachine, from, 'cancel', sales, {})).toBeUndefined();
    for (const from of ['applied', 'rejected', 'customer_confirmed', 'cancelled'] as const)
      expect(refusal(changeMachine, from, 'cancel', sales, {})).toBe('STATE.ILLEGAL_TRANSITION');
  });

  it('every other move is illegal', () => {
    expect(refusal(changeMachine, 'draft', 'apply', orderAdmin, {})).toBe('STATE.ILLEGAL_TRANSITION');
    expect(refusal(changeMachine, 'submitted', 'apply', orderAdmin, {})).toBe('STATE.ILLEGAL_TRANSITION');
    expect(refusal(changeMachine, 'applied', 'apply', orderAdmin, {})).toBe('STATE.ILLEGAL_TRANSITION');
    expect(refusal(changeMachine, 'customer_confirmed', 'confirm', sales, {})).toBe('STATE.ILLEGAL_TRANSITION');
    expect(refusal(changeMachine, 'rejected', 'submit', sales, {})).toBe('STATE.ILLEGAL_TRANSITION');
    expect(availableEvents(changeMachine, 'customer_confirmed', sales)).toEqual([]);
  });
});
