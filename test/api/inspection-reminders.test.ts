import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { remindInspections } from '../../src/modules/export/inspections';

// 验货提醒: an export order shipping within 7 days with no inspection booked — its registrar is told once a day.

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let unbooked: { id: string; number: string };
let booked: { id: string; number: string };

const ok = async (p: Promise<{ statusCode: number; body: string }>, status = 200) => {
  const r = await p;
  if (r.statusCode !== status) throw new Error(`${r.statusCode} ${r.body}`);
  return r as unknown as { json: () => any };
};

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  const f = fulfilmentFactories(t, a);
  const product = await productBySku(a.sales, 'A-01');
  t.setNow(new Date('2026-12-01T02:00:00Z'));
  await ok(
    a.admin({
      method: 'POST',
      url: '/api/exchange-rates',
      payload: { currency: 'USD', rateDate: '2026-11-30', rate: '7.1234' },
    }),
    201,
  );
  const customer = await f.newCustomer('INSP', 'credit');
  const line = [{ productId: product.id, qty: 1, unitPrice: '100.00' }];
  const exportOrder = () =>
    f.confirmedOrder(customer, line, { currency: 'USD', tradeTerm: 'FOB', expectedDeliveryDate: '2026-12-05' });
  unbooked = await exportOrder();
  booked = await exportOrder();
  await ok(
    a.sales({ method: 'POST', url: '/api/inspections', payload: { orderId: booked.id, bookedFor: '2026-12-03' } }),
    201,
  );
}, 120_000);

afterAll(async () => {
  t.setNow(undefined);
  await t.close();
});

/** The registrar's inspection reminders, as the order numbers they name. */
async function reminders(): Promise<string[]> {
  const res = (await ok(a.sales({ method: 'GET', url: '/api/notifications?limit=100' }))).json();
  return res.items
    .filter((n: { kind: string }) => n.kind === 'inspection_not_booked')
    .map((n: { params: { number: string } }) => n.params.number);
}

describe('inspection reminders', () => {
  it('tells the registrar of an order with no inspection booked, once a day however often it runs', async () => {
    expect(await remindInspections(t.database.db, '2026-12-01')).toEqual([unbooked.number]);
    expect(await reminders()).toEqual([unbooked.number]);
    expect(await remindInspections(t.database.db, '2026-12-01')).toEqual([]);
    expect(await reminders()).toEqual([unbooked.number]);
    // The next day it is told again; the order with an inspection booked never.
    expect(await remindInspections(t.database.db, '2026-12-02')).toEqual([unbooked.number]);
    expect(await reminders()).toEqual([unbooked.number, unbooked.number]);
  });

  it('leaves out an order shipping later than 7 days ahead', async () => {
    expect(await remindInspections(t.database.db, '2026-11-27')).toEqual([]);
  });
});
