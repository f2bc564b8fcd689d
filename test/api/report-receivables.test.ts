import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { parseMoney } from '../../src/lib/money';
import { createReceivable, openReceivables } from '../../src/modules/receivables/receivable.service';
import { monthPeriod } from '../../src/modules/reports/report-period';
import { periodReceivables } from '../../src/modules/reports/report-receivables';

// The receivables a June report counts, computed in the database, against the receivables list's rule worked by
// hand: order A owes 100 due in May, 100 due 10 June and 100 due 25 June; 120 paid on it and a 30 allowance cover
// the May one and half of the 10 June one. Order B owes 200 due 1 March, unpaid; order C 80 due 30 June.

let t: TestContext;
let companyId: string;
const ids: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };

beforeAll(async () => {
  t = await createTestContext();
  const a = await orderActors(t);
  const f = fulfilmentFactories(t, a);
  const product = await productBySku(a.sales, 'A-01');
  const customer = await f.newCustomer('RRX');
  companyId = t.companyA;
  for (const k of ['A', 'B', 'C'] as const)
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
  const paid = await a.finance({
    method: 'POST',
    url: '/api/receipts',
    payload: {
      customerId: customer,
      amount: '120.00',
      receivedOn: '2026-06-15',
      method: 'bank_transfer',
      reference: 'RR-1',
      applications: [{ orderId: ids.A, amount: '120.00' }],
    },
  });
  if (paid.statusCode !== 201) throw new Error(paid.body);
}, 120_000);

afterAll(async () => {
  await t.close();
});

const june = () => monthPeriod(companyId, '2026-06', 'Asia/Shanghai', new Date('2026-07-02T02:00:00Z'));
const ours = <T extends { orderId: string | null }>(rows: T[]) =>
  rows
    .filter((r) => Object.values(ids).includes(r.orderId ?? ''))
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
      ]
        .map((x) => JSON.stringify(x))
        .sort(),
    );
    expect(ours(r.overdue)).toEqual(
      [
        { orderId: ids.A, outstandingFen: 5000, bucket: '1-30' },
        { orderId: ids.A, outstandingFen: 10000, bucket: '1-30' },
        { orderId: ids.B, outstandingFen: 20000, bucket: '90+' },
      ]
        .map((x) => JSON.stringify(x))
        .sort(),
    );
  });

  it('agrees row by row with the receivables list on the last day of the month', async () => {
    const listed = (await openReceivables(t.database.db, companyId, '2026-06-30')).filter((x) =>
      Object.values(ids).includes(x.orderId ?? ''),
    );
    const fen = (m: string) => Number(parseMoney(m));
    const bucket: Record<string, string> = { '0-30': '1-30', '31-60': '31-60', '61-90': '61-90', '>90': '90+' };
    const r = await periodReceivables(t.database.db, june());
    expect(ours(r.due)).toEqual(
      ours(
        listed
          .filter((x) => x.dueDate >= '2026-06-01' && x.dueDate <= '2026-06-30')
          .map((x) => ({
            orderId: x.orderId,
            amountFen: fen(x.amountRmb),
            collectedFen: fen(x.amountRmb) - fen(x.outstandingRmb),
          })),
      ),
    );
    expect(ours(r.overdue)).toEqual(
      ours(
        listed
          .filter((x) => bucket[x.bucket])
          .map((x) => ({ orderId: x.orderId, outstandingFen: fen(x.outstandingRmb), bucket: bucket[x.bucket] })),
      ),
    );
  });
});
