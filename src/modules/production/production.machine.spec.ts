import { describe, expect, it } from 'vitest';
import { availableEvents, refusal, validateMachine, type Actor } from '../../lib/state-machine';
import { OPEN, SCHEDULED, UNFINISHED, productionRequestMachine as m } from './production.machine';

const as = (...roles: string[]): Actor => ({ userId: 'u', companyId: 'c', roles });
const planner = as('production_planner');

describe('production request machine', () => {
  it('is a valid table', () => {
    expect(validateMachine(m)).toEqual([]);
  });

  it('the planner answers or declines a request, then reports start and finish', () => {
    expect(availableEvents(m, 'requested', planner)).toEqual(['answer', 'decline', 'cancel']);
    for (const [from, event, to] of [
      ['requested', 'answer', 'answered'],
      ['requested', 'decline', 'declined'],
      ['answered', 'start', 'in_production'],
      ['in_production', 'finish', 'in_stock'],
    ] as const) {
      expect(refusal(m, from, event, planner, {})).toBeUndefined();
      expect(m.transitions.find((t) => t.event === event && t.from.includes(from))?.to).toBe(to);
    }
  });

  it('an order leaving review cancels its open requests, whoever of its reviewers rejects it', () => {
    for (const role of ['reviewer', 'finance', 'sales_director', 'general_manager', 'sales_assistant'])
      expect(refusal(m, 'requested', 'cancel', as(role), {})).toBeUndefined();
    expect(refusal(m, 'requested', 'cancel', as('warehouse'), {})).toBe('AUTH.FORBIDDEN');
  });

  it('only the planner answers and reports progress', () => {
    for (const [from, event] of [
      ['requested', 'answer'],
      ['requested', 'decline'],
      ['answered', 'start'],
      ['in_production', 'finish'],
    ] as const)
      expect(refusal(m, from, event, as('sales_assistant'), {})).toBe('AUTH.FORBIDDEN');
  });

  it('scheduled work is cancelled with a short-closed order; declined, cancelled, in-stock ones are final', () => {
    for (const from of ['answered', 'in_production'] as const)
      expect(refusal(m, from, 'cancel', as('order_admin'), {})).toBeUndefined();
    expect(UNFINISHED).toEqual(['requested', 'answered', 'in_production']);
    for (const from of ['in_stock', 'declined', 'cancelled'] as const)
      expect(refusal(m, from, 'cancel', planner, {})).toBe('STATE.ILLEGAL_TRANSITION');
    for (const from of ['declined', 'cancelled', 'in_stock'] as const)
      expect(availableEvents(m, from, as('admin'))).toEqual([]);
    expect(refusal(m, 'requested', 'start', planner, {})).toBe('STATE.ILLEGAL_TRANSITION');
  });

  it('names its status sets: open requests wait for an answer, scheduled ones report progress', () => {
    expect(OPEN).toEqual(['requested']);
    expect(SCHEDULED).toEqual(['answered', 'in_production']);
  });
});
