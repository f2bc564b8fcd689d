import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { parseMoney } from '../../src/lib/money';
import { insertReceivable } from '../../src/modules/receivables/receivable.repository';
import { createReceivable, openReceivables } from '../../src/modules/receivables/receivable.service';
import { monthPeriod } from '../../src/modules/reports/report-period';
import { periodReceivableFigures, periodReceivables } from '../../src/modules/reports/report-receivables';

// The receivables a June report counts, computed in the database, against the receivables list's rule worked by
// hand: order A owes 100 due in May, 100 due 10 June and 100 due 25 June; 120 paid on it and a 30 allowance cover
// the May one and half of the 10 June one. Order B owes 200 due 1 March, unpaid; order C 80 due 30 June; order D
// 60 due 20 June, paid in full (its balance is not open, so it is counted collected without working the rule).
// Receivables of no order: 90 due 2 May, less a statement credit of 40 due 1 April before it, so 50 is overdue.

let t: TestContext;
let companyId: string;
const ids: Record<'A' | 'B' | 'C' | 'D', string> = { A: '', B: '', C: '', D: '' };

beforeAll(async () => {
  t = await createTestContext();
  const a = await orderActors(t);
  const f = fulfilmentFactories(t, a);
  const product = await productBySku(a.sales, 'A-01');
  const customer = await f.newCustomer('RRX');
  companyId = t.companyA;
  for (const k of ['A', 'B', 'C', 'D'] as const)
    ids[k] = (await f.confirmedOrder(customer, [{ productId: product.id, qty: 50 }])).id;
  const owes = (order: string, amount: string, dueDate: string, kind: 'shipment' | 'allowance' = 'shipment') =>
    createReceivable(t.database.db, companyId, { customerId: customer, orderId: order, kind, amount, dueDate });
  // Created out of due order: the rule covers them by due date, not by when they were recorded.
  await owes(ids.A, '100.00', '2026-06-25');
  await owes(ids.A, '100.00', '2026-05-10');
  await owes(ids.A, '100.00', '2026-06-10');
  await owes(ids.A, '-30.00', '2026-06-01', 'allowance');
  await owes(ids.B, '200.00', '2026-03-01');
  await owes(ids.C, '80.00', '2026-06-30');
  await owes(ids.D, '60.00', '2026-06-20');
  const ofNoOrder = (amount: string, dueDate: string) =>
    insertReceivable(t.database.db, {
      company_id: companyId,
      customer_id: customer,
      order_id: null,
      kind: 'statement',
      amount,
      due_date: dueDate,
    });
  await ofNoOrder('90.00', '2026-05-02');
  await ofNoOrder('-40.00', '2026-04-01');
  const pay = async (orderId: string, amount: string, reference: string) => {
    const paid = await a.finance({
      method: 'POST',
      url: '/api/receipts',
      payload: {
        customerId: customer,
        amount,
        receivedOn: '2026-06-15',
        method: 'bank_transfer',
        reference,
        applications: [{ orderId, amount }],
      },
    });
    if (paid.statusCode !== 201) throw new Error(paid.body);
  };
  await pay(ids.A, '120.00', 'RR-1');
  await pay(ids.D, '60.00', 'RR-2');
}, 120_000);

afterAll(async () => {
  await t.close();
});

const month = (m: string) => monthPeriod(companyId, m, 'Asia/Shanghai', new Date('2026-07-02T02:00:00Z'));
const june = () => month('2026-06');
/** This file's receivables: those of its orders and those of no order. */
const ours = <T extends { orderId: string | null }>(rows: T[]) =>
  rows
    .filter((r) => r.orderId === null || Object.values(ids).includes(r.orderId))
    .map((r) => JSON.stringify(r))
    .sort();

describe('receivables of a report period', () => {
  it('counts what is due in the month and what is overdue at its end, oldest due covered first', async () => {
    const r = await periodReceivables(t.database.db, june());
    expect(ours(r.due)).toEqual(
      [
        { orderId: ids.A, amountFen: 10000, collectedFen: 5000 },
        { orderId: ids.A, amountFen: 10000, collectedFen: 0 },
        { orderId: ids.C, amountFen: 8000, collectedFen: 0 },
        { orderId: ids.D, amountFen: 6000, collectedFen: 6000 },
      ]
        .map((x) => JSON.stringify(x))
        .sort(),
    );
    expect(ours(r.overdue)).toEqual(
      [
        { orderId: ids.A, outstandingFen: 5000, bucket: '1-30' },
        { orderId: ids.A, outstandingFen: 10000, bucket: '1-30' },
        { orderId: ids.B, outstandingFen: 20000, bucket: '90+' },
        { orderId: null, outstandingFen: 5000, bucket: '31-60' },
      ]
        .map((x) => JSON.stringify(x))
        .sort(),
    );
  });

  it.each(['2026-04', '2026-05', '2026-06'])('adds up for the report as the rows do in %s', async (m) => {
    const rows = await periodReceivables(t.database.db, month(m));
    const figures = await periodReceivableFigures(t.database.db, month(m));
    const all = (xs: object[]) => xs.map((x) => JSON.stringify(x)).sort();
    expect(all(figures.due)).toEqual(all(rows.due));
    const aging = ['1-30', '31-60', '61-90', '90+'].flatMap((bucket) => {
      const of = rows.overdue.filter((o) => o.bucket === bucket);
      return of.length ? [{ bucket, amountFen: of.reduce((n, o) => n + o.outstandingFen, 0), count: of.length }] : [];
    });
    expect(all(figures.aging)).toEqual(all(aging));
    expect(aging.length).toBeGreaterThan(0);
  });

  it.each([
    ['2026-04', '2026-04-01', '2026-04-30'],
    ['2026-05', '2026-05-01', '2026-05-31'],
    ['2026-06', '2026-06-01', '2026-06-30'],
  ])('agrees row by row with the receivables list on the last day of %s', async (m, first, last) => {
    const listed = (await openReceivables(t.database.db, companyId, last)).filter(
      (x) => x.orderId === null || Object.values(ids).includes(x.orderId),
    );
    const fen = (v: string) => Number(parseMoney(v));
    const bucket: Record<string, string> = { '0-30': '1-30', '31-60': '31-60', '61-90': '61-90', '>90': '90+' };
    const r = await periodReceivables(t.database.db, month(m));
    const due = listed
      .filter((x) => x.dueDate >= first && x.dueDate <= last && fen(x.amountRmb) > 0)
      .map((x) => ({
        orderId: x.orderId,
        amountFen: fen(x.amountRmb),
        collectedFen: fen(x.amountRmb) - fen(x.outstandingRmb),
      }));
    // Past due on the last day: the list counts a receivable due that day as not yet overdue (bucket 0-30, 0 days).
    const overdue = listed
      .filter((x) => bucket[x.bucket] && x.dueDate < last)
      .map((x) => ({ orderId: x.orderId, outstandingFen: fen(x.outstandingRmb), bucket: bucket[x.bucket] }));
    expect(due.length + overdue.length).toBeGreaterThan(0);
    expect(ours(r.due)).toEqual(ours(due));
    expect(ours(r.overdue)).toEqual(ours(overdue));
  });
});
