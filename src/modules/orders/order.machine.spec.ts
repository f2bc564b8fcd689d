import { describe, expect, it } from 'vitest';
import { availableEvents, refusal, validateMachine, type Actor } from '../../lib/state-machine';
import { noOpenComplaint, nothingShipped, orderMachine, somethingShipped } from './order.machine';

const as = (...roles: string[]): Actor => ({ userId: 'u1', companyId: 'c1', roles });

describe('order machine', () => {
  it('is valid', () => {
    expect(validateMachine(orderMachine)).toEqual([]);
  });

  it('holds a confirmed or fulfilling order and resumes it, for the order admin and the sales director', () => {
    for (const from of ['confirmed', 'in_fulfillment'] as const)
      expect(refusal(orderMachine, from, 'hold', as('order_admin'), { shippedUnits: 0 })).toBeUndefined();
    expect(refusal(orderMachine, 'partially_shipped', 'hold', as('order_admin'), { shippedUnits: 1 })).toBe(
      'STATE.ILLEGAL_TRANSITION',
    );
    expect(refusal(orderMachine, 'confirmed', 'hold', as('sales_assistant'), { shippedUnits: 0 })).toBe(
      'AUTH.FORBIDDEN',
    );
    expect(availableEvents(orderMachine, 'on_hold', as('sales_director'), { shippedUnits: 0 })).toEqual([
      'cancel',
      'resume',
    ]);
    expect(availableEvents(orderMachine, 'on_hold', as('order_admin'), { shippedUnits: 0 })).toEqual(['resume']);
    expect(refusal(orderMachine, 'on_hold', 'resume', as('order_admin'), { shippedUnits: 2 })).toBe(
      'ORDER.ALREADY_SHIPPED',
    );
  });

  it('completes a delivered order only when no complaint on it is open, and only when that was counted', () => {
    const finance = as('finance');
    expect(refusal(orderMachine, 'delivered', 'complete', finance, { shippedUnits: 3, openComplaints: 0 })).toBe(
      undefined,
    );
    expect(refusal(orderMachine, 'delivered', 'complete', finance, { shippedUnits: 3, openComplaints: 2 })).toEqual({
      code: 'ORDER.OPEN_COMPLAINT',
      params: { count: 2 },
    });
    expect(noOpenComplaint({ shippedUnits: 3, actor: finance })).toMatchObject({ code: 'ORDER.OPEN_COMPLAINT' });
    expect(availableEvents(orderMachine, 'delivered', finance, { shippedUnits: 3, openComplaints: 1 })).toEqual([]);
    expect(availableEvents(orderMachine, 'delivered', finance, { shippedUnits: 3, openComplaints: 0 })).toEqual([
      'complete',
    ]);
  });

  it('cancels only what has not shipped', () => {
    expect(nothingShipped({ shippedUnits: 0, actor: as('reviewer') })).toBeUndefined();
    expect(refusal(orderMachine, 'in_fulfillment', 'cancel', as('reviewer'), { shippedUnits: 1 })).toBe(
      'ORDER.ALREADY_SHIPPED',
    );
  });

  it('short-closes a partly shipped order to shipped while a shipment is on its way, for the order admin', () => {
    const admin = as('order_admin');
    const facts = { shippedUnits: 2, shipmentsInWarehouse: 0, undeliveredShipments: 1 };
    expect(refusal(orderMachine, 'partially_shipped', 'short_close', admin, facts)).toBeUndefined();
    expect(refusal(orderMachine, 'partially_shipped', 'short_close_delivered', admin, facts)).toBe(
      'STATE.ILLEGAL_TRANSITION',
    );
    expect(availableEvents(orderMachine, 'partially_shipped', admin, facts)).toEqual(['short_close']);
    expect(refusal(orderMachine, 'partially_shipped', 'short_close', as('warehouse'), facts)).toBe('AUTH.FORBIDDEN');
  });

  it('short-closes to delivered when every shipment has arrived, for the sales director', () => {
    const director = as('sales_director');
    const facts = { shippedUnits: 2, shipmentsInWarehouse: 0, undeliveredShipments: 0 };
    expect(refusal(orderMachine, 'partially_shipped', 'short_close_delivered', director, facts)).toBeUndefined();
    expect(refusal(orderMachine, 'partially_shipped', 'short_close', director, facts)).toBe('STATE.ILLEGAL_TRANSITION');
  });

  it('refuses a short-close with nothing shipped, with a shipment in the warehouse, or a second time', () => {
    const admin = as('order_admin');
    expect(somethingShipped({ shippedUnits: 0, actor: admin })).toBe('ORDER.NOTHING_SHIPPED');
    expect(refusal(orderMachine, 'confirmed', 'short_close_delivered', admin, { shippedUnits: 0 })).toBe(
      'ORDER.NOTHING_SHIPPED',
    );
    expect(
      refusal(orderMachine, 'partially_shipped', 'short_close', admin, {
        shippedUnits: 1,
        shipmentsInWarehouse: 1,
        undeliveredShipments: 1,
      }),
    ).toEqual({ code: 'ORDER.SHIPMENT_IN_WAREHOUSE', params: { count: 1 } });
    for (const from of ['shipped', 'delivered'] as const)
      expect(refusal(orderMachine, from, 'short_close', admin, { shippedUnits: 1 })).toBe('STATE.ILLEGAL_TRANSITION');
  });
});
