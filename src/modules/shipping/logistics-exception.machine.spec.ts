import { describe, expect, it } from 'vitest';
import { availableEvents, refusal, validateMachine } from '../../lib/state-machine';
import { logisticsExceptionMachine as m } from './logistics-exception.machine';
import { IN_WAREHOUSE, LEFT_WAREHOUSE, SHIPMENT_STATES, shipmentMachine } from './shipment.machine';

const actor = (...roles: string[]) => ({ userId: 'u', companyId: 'c', roles });

describe('logistics exception machine', () => {
  it('is valid: every state reachable from open', () => {
    expect(validateMachine(m)).toEqual([]);
  });

  it('logistics or the warehouse close an open exception; nobody closes it twice', () => {
    expect(refusal(m, 'open', 'close', actor('logistics'), undefined)).toBeUndefined();
    expect(refusal(m, 'open', 'close', actor('warehouse'), undefined)).toBeUndefined();
    expect(refusal(m, 'open', 'close', actor('sales_assistant'), undefined)).toBe('AUTH.FORBIDDEN');
    expect(refusal(m, 'closed', 'close', actor('logistics'), undefined)).toBe('STATE.ILLEGAL_TRANSITION');
    expect(availableEvents(m, 'open', actor('logistics'))).toEqual(['close']);
    expect(availableEvents(m, 'closed', actor('logistics'))).toEqual([]);
  });
});

describe('shipment machine', () => {
  it('is valid, and its named sets split its states: in the warehouse, left it, or cancelled', () => {
    expect(validateMachine(shipmentMachine)).toEqual([]);
    expect([...IN_WAREHOUSE, ...LEFT_WAREHOUSE, 'cancelled'].sort()).toEqual([...SHIPMENT_STATES].sort());
  });

  it('offers each user the next step of their own duty', () => {
    const steps = [
      ['to_pick', 'pick'],
      ['picked', 'recheck'],
      ['rechecked', 'pack'],
      ['packed', 'ship'],
    ] as const;
    for (const [status, event] of steps) {
      expect(availableEvents(shipmentMachine, status, actor('warehouse'))).toEqual([event, 'cancel']);
      expect(availableEvents(shipmentMachine, status, actor('logistics'))).toEqual([]);
    }
    expect(availableEvents(shipmentMachine, 'shipped', actor('logistics'))).toEqual(['deliver']);
    expect(availableEvents(shipmentMachine, 'to_pick', actor('order_admin'))).toEqual(['cancel']);
    expect(availableEvents(shipmentMachine, 'delivered', actor('warehouse'))).toEqual([]);
  });
});
