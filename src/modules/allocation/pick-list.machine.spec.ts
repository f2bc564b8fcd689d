import { describe, expect, it } from 'vitest';
import { availableEvents, refusal, validateMachine, type Actor } from '../../lib/state-machine';
import { ordersStillShippable, pickListMachine } from './pick-list.machine';

const actor = (...roles: string[]): Actor => ({ userId: 'u', companyId: 'c', roles });
const warehouse = actor('warehouse');
const planner = actor('allocation_planner');
const shippable = { orders: [{ number: 'N-1', status: 'confirmed' as const }] };

describe('pick list machine', () => {
  it('is a valid table', () => {
    expect(validateMachine(pickListMachine)).toEqual([]);
  });

  it('the warehouse posts an open list; a list left empty is cancelled', () => {
    expect(refusal(pickListMachine, 'open', 'post', warehouse, shippable)).toBeUndefined();
    expect(refusal(pickListMachine, 'open', 'post', planner, shippable)).toBe('AUTH.FORBIDDEN');
    expect(refusal(pickListMachine, 'open', 'cancel', planner, { orders: [] })).toBeUndefined();
    expect(refusal(pickListMachine, 'open', 'cancel', actor('sales_director'), { orders: [] })).toBeUndefined();
    expect(refusal(pickListMachine, 'open', 'cancel', warehouse, { orders: [] })).toBe('AUTH.FORBIDDEN');
  });

  it('a posted or cancelled list moves no more', () => {
    for (const from of ['posted', 'cancelled'] as const)
      for (const event of ['post', 'cancel'] as const)
        expect(refusal(pickListMachine, from, event, actor('admin'), shippable)).toBe('STATE.ILLEGAL_TRANSITION');
  });

  it('ordersStillShippable: a list carrying a cancelled order is not posted', () => {
    const mixed = { orders: [...shippable.orders, { number: 'N-2', status: 'cancelled' as const }] };
    expect(ordersStillShippable({ ...mixed, actor: warehouse })).toEqual({
      code: 'PICKLIST.ORDER_NOT_OPEN',
      params: { number: 'N-2', status: 'cancelled' },
    });
    expect(ordersStillShippable({ orders: [], actor: warehouse })).toBeUndefined();
    expect(availableEvents(pickListMachine, 'open', warehouse, mixed)).toEqual([]);
    expect(availableEvents(pickListMachine, 'open', warehouse, shippable)).toEqual(['post']);
  });
});
