import { describe, expect, it } from 'vitest';
import { availableEvents, refusal, validateMachine, type Actor } from '../../lib/state-machine';
import { SHIPPABLE } from '../orders/order.machine';
import { orderStillShippable, reservationMachine } from './reservation.machine';

const actor = (...roles: string[]): Actor => ({ userId: 'u', companyId: 'c', roles });
const finance = actor('finance');
const planner = actor('allocation_planner');
const system = actor('system');
const open = { order: { number: 'N-1', status: 'confirmed' as const } };

describe('allocation reservation machine', () => {
  it('is a valid table', () => {
    expect(validateMachine(reservationMachine)).toEqual([]);
  });

  it('held units convert on payment (finance), expire (the job) or are released (planner, order cancellers)', () => {
    expect(refusal(reservationMachine, 'held', 'convert', finance, open)).toBeUndefined();
    expect(refusal(reservationMachine, 'held', 'expire', system, {})).toBeUndefined();
    expect(refusal(reservationMachine, 'held', 'release', planner, {})).toBeUndefined();
    expect(refusal(reservationMachine, 'held', 'release', actor('sales_director'), {})).toBeUndefined();
    expect(refusal(reservationMachine, 'held', 'release', actor('order_admin'), {})).toBeUndefined();
    expect(refusal(reservationMachine, 'held', 'expire', planner, {})).toBe('AUTH.FORBIDDEN');
    expect(refusal(reservationMachine, 'held', 'convert', planner, open)).toBe('AUTH.FORBIDDEN');
    expect(refusal(reservationMachine, 'held', 'release', actor('warehouse'), {})).toBe('AUTH.FORBIDDEN');
  });

  it('a closed reservation moves no more', () => {
    for (const from of ['converted', 'expired', 'released'] as const)
      for (const event of ['convert', 'expire', 'release'] as const)
        expect(refusal(reservationMachine, from, event, actor('admin'), open)).toBe('STATE.ILLEGAL_TRANSITION');
  });

  it('orderStillShippable: never converts a cancelled (or held, or shipped) order’s reservation', () => {
    for (const status of SHIPPABLE)
      expect(orderStillShippable({ order: { number: 'N-1', status }, actor: finance })).toBeUndefined();
    for (const status of ['cancelled', 'on_hold', 'shipped', 'draft'] as const)
      expect(refusal(reservationMachine, 'held', 'convert', finance, { order: { number: 'N-1', status } })).toEqual({
        code: 'RESERVATION.ORDER_NOT_OPEN',
        params: { number: 'N-1', status },
      });
  });

  it('lists what each may do with a held reservation', () => {
    expect(availableEvents(reservationMachine, 'held', planner)).toEqual(['release']);
    expect(availableEvents(reservationMachine, 'held', finance, open)).toEqual(['convert']);
    expect(availableEvents(reservationMachine, 'released', planner)).toEqual([]);
  });
});
