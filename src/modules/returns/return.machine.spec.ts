import { describe, expect, it } from 'vitest';
import { availableEvents, refusal, validateMachine, type Actor } from '../../lib/state-machine';
import { returnMachine, type ReturnFacts } from './return.machine';

const as = (...roles: string[]): Actor => ({ userId: 'u1', companyId: 'c1', roles });
const ok: ReturnFacts = { inPolicy: true, refundOverFinanceLimit: false };

describe('return machine', () => {
  it('is valid and starts requested', () => {
    expect(validateMachine(returnMachine)).toEqual([]);
    expect(returnMachine.initial).toBe('requested');
  });

  it('walks requested → approved → awaiting_goods → received → inspected → refund_pending → refunded → closed', () => {
    const steps: [string, string, string[]][] = [
      ['requested', 'approve', ['order_admin']],
      ['approved', 'ship', ['customer_service']],
      ['awaiting_goods', 'receive', ['warehouse']],
      ['received', 'inspect', ['warehouse']],
      ['inspected', 'approve_refund', ['general_manager']],
      ['refund_pending', 'refund', ['finance']],
      ['refunded', 'close', ['order_admin']],
    ];
    for (const [from, event, roles] of steps)
      expect(refusal(returnMachine, from as never, event as never, as(...roles), ok), `${from}/${event}`).toBe(
        undefined,
      );
    expect(availableEvents(returnMachine, 'closed', as('admin'), ok)).toEqual([]);
  });

  it('rejects, exchanges and closes; each move only by its roles', () => {
    expect(availableEvents(returnMachine, 'requested', as('sales_director'), ok)).toEqual(['approve', 'reject']);
    expect(availableEvents(returnMachine, 'requested', as('warehouse'), ok)).toEqual([]);
    expect(availableEvents(returnMachine, 'rejected', as('customer_service'), ok)).toEqual(['close']);
    expect(availableEvents(returnMachine, 'inspected', as('order_admin'), ok)).toEqual(['exchange']);
    expect(availableEvents(returnMachine, 'exchange', as('order_admin'), ok)).toEqual(['close']);
    expect(refusal(returnMachine, 'received', 'inspect', as('finance'), ok)).toBe('AUTH.FORBIDDEN');
    expect(refusal(returnMachine, 'refund_pending', 'refund', as('general_manager'), ok)).toBe('AUTH.FORBIDDEN');
  });

  it('refuses every move not in the table', () => {
    expect(refusal(returnMachine, 'requested', 'receive', as('admin'), ok)).toBe('STATE.ILLEGAL_TRANSITION');
    expect(refusal(returnMachine, 'approved', 'inspect', as('admin'), ok)).toBe('STATE.ILLEGAL_TRANSITION');
    expect(refusal(returnMachine, 'inspected', 'refund', as('admin'), ok)).toBe('STATE.ILLEGAL_TRANSITION');
    expect(refusal(returnMachine, 'closed', 'close', as('admin'), ok)).toBe('STATE.ILLEGAL_TRANSITION');
    expect(refusal(returnMachine, 'refunded', 'exchange', as('admin'), ok)).toBe('STATE.ILLEGAL_TRANSITION');
  });

  it('guard: out of policy, only the sales director approves', () => {
    const out = { ...ok, inPolicy: false };
    expect(refusal(returnMachine, 'requested', 'approve', as('order_admin'), out)).toBe('RETURN.OUT_OF_POLICY');
    expect(refusal(returnMachine, 'requested', 'approve', as('sales_director'), out)).toBe(undefined);
    expect(refusal(returnMachine, 'requested', 'reject', as('order_admin'), out)).toBe(undefined);
  });

  it('guard: finance approves refunds below its limit, the general manager any', () => {
    const big = { ...ok, refundOverFinanceLimit: true };
    expect(refusal(returnMachine, 'inspected', 'approve_refund', as('finance'), ok)).toBe(undefined);
    expect(refusal(returnMachine, 'inspected', 'approve_refund', as('finance'), big)).toBe('RETURN.REFUND_NEEDS_GM');
    expect(refusal(returnMachine, 'inspected', 'approve_refund', as('general_manager'), big)).toBe(undefined);
    expect(availableEvents(returnMachine, 'inspected', as('finance'), big)).toEqual([]);
  });
});
