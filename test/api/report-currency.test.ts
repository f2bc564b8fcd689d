import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';

// Reports and receivable totals add a USD order in RMB at the rate stored with it: one CNY and one USD order in
// June, both shipped and unpaid.

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
const RATE = '7.1234';
let cny: { id: string; customer: string; fen: number };
let usd: { id: string; customer: string; fen: number; rmbFen: number };

const at = (iso: string) => new Date(iso);
const fenOf = (money: string) => Math.round(Number(money) * 100);
/** fen × 7.1234, rounded half-up to the fen, in integers. */
const toRmbFen = (fen: number) => Number((BigInt(fen) * 71234n * 2n + 10000n) / 20000n);
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
  t.setNow(at('2026-06-10T02:00:00Z'));
  await ok(
    a.admin({
      method: 'POST',
      url: '/api/exchange-rates',
      payload: { currency: 'USD', rateDate: '2026-06-01', rate: RATE },
    }),
    201,
  );
  const cnyCustomer = await f.newCustomer('FXC', 'credit', { region: '华东' });
  const usdCustomer = await f.newCustomer('FXU', 'credit', { region: '华南' });
  const line = (unitPrice: string) => [{ productId: product.id, qty: 3, unitPrice }];
  const c = await f.confirmedOrder(cnyCustomer, line('500.00'), { expectedDeliveryDate: '2026-12-20' });
  const u = await f.confirmedOrder(usdCustomer, line('123.45'), {
    currency: 'USD',
    tradeTerm: 'FOB',
    expectedDeliveryDate: '2026-12-20',
  });
  const booked = await ok(
    a.sales({ method: 'POST', url: '/api/inspections', payload: { orderId: u.id, bookedFor: '2026-06-10' } }),
    201,
  );
  await ok(
    a.sales({
      method: 'POST',
      url: `/api/inspections/${booked.json().id}/result`,
      payload: { result: 'passed', note: 'ok' },
    }),
  );
  for (const o of [c, u]) {
    const s = await f.packedShipment([o.id]);
    await ok(a.warehouse({ method: 'POST', url: `/api/shipments/${s}/ship`, payload: {} }));
  }
  const cnyOrder = (await ok(a.finance({ method: 'GET', url: `/api/orders/${c.id}` }))).json();
  const usdOrder = (await ok(a.finance({ method: 'GET', url: `/api/orders/${u.id}` }))).json();
  expect(usdOrder).toMatchObject({ currency: 'USD', exchangeRate: '7.123400' });
  cny = { id: c.id, customer: cnyCustomer, fen: fenOf(cnyOrder.total) };
  usd = { id: u.id, customer: usdCustomer, fen: fenOf(usdOrder.total), rmbFen: toRmbFen(fenOf(usdOrder.total)) };
  expect(fenOf(usdOrder.rmbTotal)).toBe(usd.rmbFen);
  t.setNow(at('2026-12-01T02:00:00Z'));
}, 120_000);

afterAll(async () => {
  t.setNow(undefined);
  await t.close();
});

describe('reports and receivables in RMB', () => {
  it('the monthly report adds the USD order in RMB: amount, sales by customer and region, KPIs', async () => {
    // The figures of the two orders: 3 × 500.00 CNY, 3 × 123.45 USD at 7.1234.
    expect(usd.fen).toBe(37035);
    expect(usd.rmbFen).toBe(263815);
    const total = cny.fen + usd.rmbFen;
    const r = (await ok(a.orderadmin({ method: 'GET', url: '/api/reports/monthly?month=2026-06' }))).json();
    expect(r.figures.find((x: { key: string }) => x.key === 'orderAmount')).toMatchObject({ value: total });
    const amounts = (rows: { key: string; amountFen: number }[]) =>
      Object.fromEntries(rows.map((x) => [x.key, x.amountFen]));
    expect(amounts(r.sales.byCustomer)).toEqual({ [cny.customer]: cny.fen, [usd.customer]: usd.rmbFen });
    expect(amounts(r.sales.byRegion)).toEqual({ 华东: cny.fen, 华南: usd.rmbFen });
    expect(r.sales.byProduct.map((x: { amountFen: number }) => x.amountFen)).toEqual([total]);
    expect(r.sales.bySalesperson.map((x: { amountFen: number }) => x.amountFen)).toEqual([total]);
    expect(r.customers.abc.map((x: { amountFen: number }) => x.amountFen)).toEqual([usd.rmbFen, cny.fen]);
    const registrar = r.kpis.clerks.filter((x: { orderCount: number }) => x.orderCount > 0);
    expect(registrar.map((x: { amountFen: number }) => x.amountFen)).toEqual([total]);

    const kpis = (
      await ok(a.director({ method: 'GET', url: '/api/kpis?from=2026-06-01&to=2026-06-30&groupBy=customer' }))
    ).json();
    expect(amounts(kpis.rows)).toEqual({ [cny.customer]: cny.fen, [usd.customer]: usd.rmbFen });

    // A single order in the drill-down keeps its own amount and currency, with its RMB beside it.
    const drill = (
      await ok(a.orderadmin({ method: 'GET', url: '/api/reports/monthly/orders?month=2026-06&figure=orderAmount' }))
    ).json();
    const usdRow = drill.items.find((x: { id: string }) => x.id === usd.id);
    expect(usdRow).toMatchObject({ amountFen: usd.fen, currency: 'USD', amountRmbFen: usd.rmbFen });
    const cnyRow = drill.items.find((x: { id: string }) => x.id === cny.id);
    expect(cnyRow).toMatchObject({ amountFen: cny.fen, currency: 'CNY', amountRmbFen: cny.fen });
  });

  it('receivables keep their currency per row; aging and the overdue figure add them in RMB', async () => {
    const list = (await ok(a.finance({ method: 'GET', url: '/api/receivables?pageSize=50' }))).json();
    const row = (orderId: string) => list.items.find((x: { orderId: string }) => x.orderId === orderId);
    expect(row(usd.id)).toMatchObject({
      currency: 'USD',
      amount: (usd.fen / 100).toFixed(2),
      outstanding: (usd.fen / 100).toFixed(2),
      amountRmb: (usd.rmbFen / 100).toFixed(2),
      outstandingRmb: (usd.rmbFen / 100).toFixed(2),
    });
    expect(row(cny.id)).toMatchObject({
      currency: 'CNY',
      amount: (cny.fen / 100).toFixed(2),
      amountRmb: (cny.fen / 100).toFixed(2),
    });
    expect(row(usd.id).bucket).not.toBe('not_due');

    const aging = (await ok(a.finance({ method: 'GET', url: '/api/receivables/aging?pageSize=50' }))).json();
    const totalOf = (customerId: string) =>
      aging.items.find((x: { customerId: string }) => x.customerId === customerId).total;
    expect(totalOf(usd.customer)).toBe((usd.rmbFen / 100).toFixed(2));
    expect(totalOf(cny.customer)).toBe((cny.fen / 100).toFixed(2));

    const nov = (await ok(a.orderadmin({ method: 'GET', url: '/api/reports/monthly?month=2026-11' }))).json();
    const overdue = cny.fen + usd.rmbFen;
    expect(nov.figures.find((x: { key: string }) => x.key === 'overdueAmount')).toMatchObject({ value: overdue });
    const buckets = nov.agingBuckets as { amountFen: number }[];
    expect(buckets.reduce((n, b) => n + b.amountFen, 0)).toBe(overdue);
  });
});
