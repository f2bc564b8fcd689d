import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { readXlsxRows } from '../helpers/xlsx';
import { pdfText } from '../helpers/pdf-text';
import { runMonthlyReports } from '../../src/modules/reports/monthly-report-job';

// 月度订单分析报表 against a June with known answers: 10 orders of one price, 7 completed (5 days after
// registration), 2 complaints (one wrong item), one review stage decided late, one delivery late, 3 of the 9
// shipped orders paid.

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
const orders: { id: string; number: string }[] = [];
let priceFen = 0;
let decidedStages = 0;

const at = (iso: string) => new Date(iso);
const T0 = '2026-06-10T02:00:00Z';
type As = ReturnType<TestContext['as']>;
const ok = async (p: Promise<{ statusCode: number; body: string }>, status = 200) => {
  const r = await p;
  if (r.statusCode !== status) throw new Error(`${r.statusCode} ${r.body}`);
  return r as unknown as { json: () => any };
};

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  const service = t.as(await t.token('service'));
  const logistics = t.as(await t.token('logistics'));
  const f = fulfilmentFactories(t, a);
  const product = await productBySku(a.sales, 'A-01');
  t.setNow(at(T0));
  const east = await f.newCustomer('RPE', 'credit', { region: '华东' });
  const south = await f.newCustomer('RPS', 'credit', { region: '华南' });
  const line = [{ productId: product.id, qty: 1 }];
  for (let i = 0; i < 10; i++) {
    const customer = i < 6 ? east : south;
    // o7 (index 6) is wanted the next day and delivered a day after that.
    const extra = { expectedDeliveryDate: i === 6 ? '2026-06-11' : '2026-12-20' };
    if (i < 9) orders.push(await f.confirmedOrder(customer, line, extra));
    else {
      const { orderBody } = await import('../helpers/orders');
      const o = (
        await ok(a.sales({ method: 'POST', url: '/api/orders', payload: orderBody(customer, line, extra) }), 201)
      ).json();
      await ok(a.sales({ method: 'POST', url: `/api/orders/${o.id}/submit` }));
      orders.push(o);
    }
  }
  // Orders store their registration time by the database clock, not the request clock the test moves: they are
  // put at T0, where the request clock registered them (their order date already says June).
  await sql`update orders set created_at = ${at(T0)}
            where company_id = ${t.companyA} and id = any(${orders.map((o) => o.id)}::uuid[])`.execute(t.database.db);
  // o10's stages are decided ten days later: the first stage is late, the ones after it start then.
  t.setNow(at('2026-06-20T02:00:00Z'));
  const { approveAllStages } = await import('../helpers/orders');
  await approveAllStages(t, a, orders[9].id);
  await ok(a.sales({ method: 'POST', url: `/api/orders/${orders[9].id}/confirm`, payload: { method: 'electronic' } }));
  t.setNow(at(T0));
  const shipments: string[] = [];
  for (const o of orders.slice(0, 9)) {
    const s = await f.packedShipment([o.id]);
    await ok(a.warehouse({ method: 'POST', url: `/api/shipments/${s}/ship`, payload: {} }));
    shipments.push(s);
  }
  const deliver = (s: string) =>
    ok(logistics({ method: 'POST', url: `/api/shipments/${s}/deliver`, payload: { signedBy: '张三' } }));
  for (const [i, s] of shipments.entries()) if (i !== 6) await deliver(s);
  t.setNow(at('2026-06-12T02:00:00Z'));
  await deliver(shipments[6]);
  const callbacks = (await service({ method: 'GET', url: '/api/callbacks?status=open' })).json();
  const callbackOf = (orderId: string) => callbacks.find((c: { orderId: string }) => c.orderId === orderId).id;
  for (const [i, o] of orders.slice(0, 9).entries()) {
    const payload =
      i < 7
        ? { outcome: 'ok' }
        : { outcome: 'problem', complaint: { type: i === 7 ? 'wrong_item' : 'damage', description: '问题' } };
    await ok(service({ method: 'POST', url: `/api/callbacks/${callbackOf(o.id)}`, payload }));
  }
  t.setNow(at('2026-06-15T02:00:00Z'));
  for (const [i, o] of orders.slice(0, 7).entries()) {
    const order = (await a.finance({ method: 'GET', url: `/api/orders/${o.id}` })).json();
    priceFen = Math.round(Number(order.total) * 100);
    await ok(
      a.finance({
        method: 'POST',
        url: `/api/orders/${o.id}/complete`,
        payload: { number: `RP-INV-${i}`, issuedOn: '2026-06-15', amount: order.total, taxRate: '13', type: 'digital' },
      }),
    );
  }
  const paid = (priceFen / 100).toFixed(2);
  await ok(
    a.finance({
      method: 'POST',
      url: '/api/receipts',
      payload: {
        customerId: east,
        amount: ((3 * priceFen) / 100).toFixed(2),
        receivedOn: '2026-06-18',
        method: 'bank_transfer',
        reference: 'RP-1',
        applications: orders.slice(0, 3).map((o) => ({ orderId: o.id, amount: paid })),
      },
    }),
    201,
  );
  const decided = await sql<{ n: number }>`
    select count(*)::int as n from review_stages
    where company_id = ${t.companyA} and order_id = any(${orders.map((o) => o.id)}::uuid[])
      and decided_at is not null`.execute(t.database.db);
  decidedStages = decided.rows[0].n;
  t.setNow(at('2026-07-02T02:00:00Z'));
}, 120_000);

afterAll(async () => {
  t.setNow(undefined);
  await t.close();
});

const figure = (report: any, key: string) => report.figures.find((f: { key: string }) => f.key === key);
const numbers = (idx: number[]) => idx.map((i) => orders[i].number).sort();
async function drill(as: As, key: string): Promise<string[]> {
  const page = (
    await as({ method: 'GET', url: `/api/reports/monthly/orders?month=2026-06&figure=${key}&pageSize=50` })
  ).json();
  expect(page.total).toBe(page.items.length);
  return page.items.map((o: { number: string }) => o.number).sort();
}

describe('monthly order analysis (模板4)', () => {
  it('counts the month exactly as defined, and drills down to the orders behind each figure', async () => {
    const res = await a.orderadmin({ method: 'GET', url: '/api/reports/monthly?month=2026-06' });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.month).toBe('2026-06');
    expect(figure(r, 'orderCount')).toMatchObject({ value: 10, unit: 'count', drill: true });
    expect(figure(r, 'orderAmount')).toMatchObject({ value: 10 * priceFen, unit: 'fen' });
    expect(figure(r, 'completionRate')).toMatchObject({ value: 0.7, numerator: 7, denominator: 10, unit: 'rate' });
    expect(figure(r, 'avgCycleHours')).toMatchObject({ value: 120, unit: 'hours' });
    expect(figure(r, 'onTimeProcessingRate')).toMatchObject({
      numerator: decidedStages - 1,
      denominator: decidedStages,
      value: (decidedStages - 1) / decidedStages,
    });
    expect(figure(r, 'onTimeDeliveryRate')).toMatchObject({ numerator: 8, denominator: 9 });
    expect(figure(r, 'accuracyRate')).toMatchObject({ value: 0.9, numerator: 9, denominator: 10 });
    expect(figure(r, 'complaintRate')).toMatchObject({ value: 0.2, numerator: 2, denominator: 10 });
    expect(figure(r, 'returnRate')).toMatchObject({ value: 0, numerator: 0, denominator: 10 });
    expect(figure(r, 'collectionRate')).toMatchObject({ numerator: 3 * priceFen, denominator: 9 * priceFen });
    expect(figure(r, 'collectionRate').value).toBeCloseTo(1 / 3, 10);
    expect(figure(r, 'overdueAmount')).toMatchObject({ value: 6 * priceFen, unit: 'fen' });
    expect(figure(r, 'allocationFillRate')).toMatchObject({ value: null, denominator: 0 });
    expect(r.agingBuckets).toEqual([
      { bucket: '1-30', amountFen: 6 * priceFen, count: 6 },
      { bucket: '31-60', amountFen: 0, count: 0 },
      { bucket: '61-90', amountFen: 0, count: 0 },
      { bucket: '90+', amountFen: 0, count: 0 },
    ]);
    expect(r.complaintReasons).toEqual([
      { reason: 'damage', count: 1 },
      { reason: 'wrong_item', count: 1 },
    ]);
    expect(r.stageCycles.reduce((n: number, s: { count: number }) => n + s.count, 0)).toBe(decidedStages);
    expect(r.sales.byRegion).toEqual([
      { key: '华东', name: '华东', orderCount: 6, amountFen: 6 * priceFen },
      { key: '华南', name: '华南', orderCount: 4, amountFen: 4 * priceFen },
    ]);
    expect(r.sales.byProduct).toMatchObject([{ orderCount: 10, amountFen: 10 * priceFen }]);
    // 60% and 40% of the amount: the second customer still reaches into the first 70%, so both are A.
    expect(
      r.customers.abc.map((c: { amountFen: number; amountClass: string }) => [c.amountFen, c.amountClass]),
    ).toEqual([
      [6 * priceFen, 'A'],
      [4 * priceFen, 'A'],
    ]);
    expect(r.customers.byRegion.map((g: { key: string; customerCount: number }) => [g.key, g.customerCount])).toEqual([
      ['华东', 1],
      ['华南', 1],
    ]);

    const sales = r.kpis.clerks.find((k: { orderCount: number }) => k.orderCount === 10);
    expect(sales).toMatchObject({ accuracyRate: 0.9, completionRate: 0.7 });
    expect(sales.satisfaction).toBeCloseTo(7 / 9, 10);
    expect(sales.collectionRate).toBeCloseTo(1 / 3, 10);
    const lateClerks = r.kpis.clerks.filter(
      (k: { onTimeProcessingRate: number | null }) => k.onTimeProcessingRate !== null && k.onTimeProcessingRate < 1,
    );
    expect(lateClerks).toHaveLength(1);

    expect(await drill(a.orderadmin, 'orderCount')).toEqual(numbers([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(await drill(a.orderadmin, 'completionRate')).toEqual(numbers([0, 1, 2, 3, 4, 5, 6]));
    expect(await drill(a.orderadmin, 'complaintRate')).toEqual(numbers([7, 8]));
    expect(await drill(a.orderadmin, 'accuracyRate')).toEqual(numbers([7]));
    expect(await drill(a.orderadmin, 'onTimeProcessingRate')).toEqual(numbers([9]));
    expect(await drill(a.orderadmin, 'onTimeDeliveryRate')).toEqual(numbers([6]));
    expect(await drill(a.orderadmin, 'collectionRate')).toEqual(numbers([0, 1, 2, 3, 4, 5, 6, 7, 8]));
    expect(await drill(a.orderadmin, 'overdueAmount')).toEqual(numbers([3, 4, 5, 6, 7, 8]));
  });

  it('KPIs of any period by customer; the snapshot is kept until rebuilt by a manager', async () => {
    const k = (
      await a.director({ method: 'GET', url: '/api/kpis?from=2026-06-01&to=2026-06-30&groupBy=customer' })
    ).json();
    expect(k).toMatchObject({ from: '2026-06-01', to: '2026-06-30', groupBy: 'customer' });
    expect(k.rows.map((r: { name: string; orderCount: number }) => [r.name, r.orderCount])).toEqual([
      ['RPE 公司', 6],
      ['RPS 公司', 4],
    ]);
    expect(k.rows[0].collectionRate).toBe(0.5);
    expect(k.rows[1].collectionRate).toBe(0);
    const bad = await a.director({ method: 'GET', url: '/api/kpis?from=2026-06-30&to=2026-06-01&groupBy=clerk' });
    expect(bad.json().error.fields[0].path).toBe('query.from');
    const badMonth = await a.director({ method: 'GET', url: '/api/reports/monthly?month=0000-13' });
    expect(badMonth.statusCode).toBe(400);
    expect(JSON.stringify(badMonth.json().error)).toContain('month');

    const stored = (await a.director({ method: 'GET', url: '/api/reports/monthly?month=2026-06' })).json();
    expect(stored.builtAt).toBe('2026-07-02T02:00:00.000Z');
    expect(
      (await a.sales({ method: 'POST', url: '/api/reports/monthly/rebuild', payload: { month: '2026-06' } }))
        .statusCode,
    ).toBe(403);
    const open = await a.director({
      method: 'POST',
      url: '/api/reports/monthly/rebuild',
      payload: { month: '2026-07' },
    });
    expect(open.json().error.code).toBe('REPORT.MONTH_OPEN');
    t.setNow(at('2026-07-03T02:00:00Z'));
    const rebuilt = await a.director({
      method: 'POST',
      url: '/api/reports/monthly/rebuild',
      payload: { month: '2026-06' },
    });
    expect(rebuilt.json().builtAt).toBe('2026-07-03T02:00:00.000Z');
    expect((await a.orderadmin({ method: 'GET', url: '/api/reports/monthly?month=2026-06' })).json().builtAt).toBe(
      '2026-07-03T02:00:00.000Z',
    );
  });

  it('the workbook and the PDF list every figure with its definition', async () => {
    const xlsx = await a.orderadmin({ method: 'GET', url: '/api/reports/monthly?month=2026-06&format=xlsx' });
    const sheets = await readXlsxRows(xlsx.rawPayload);
    const figures = sheets['指标'];
    expect(figures[0]).toEqual(['指标', '数值', '分子 / 分母', '定义']);
    expect(figures.find((row) => row[0] === '订单完成率')?.slice(1, 3)).toEqual(['70.0%', '7 / 10']);
    expect(figures.find((row) => row[0] === '投诉率')?.[3]).toContain('有投诉的本月订单数');
    expect(Object.keys(sheets)).toContain('人员考核');

    const pdf = await a.orderadmin({ method: 'GET', url: '/api/reports/monthly?month=2026-06&format=pdf&lang=en' });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Completion rate');
    expect(text).toContain('70.0%');
    expect(text).toContain('completed when the report is built');
    expect(text).toContain('Of the quotations made in the month and sent to the customer');
    const zh = (
      await pdfText(
        (await a.orderadmin({ method: 'GET', url: '/api/reports/monthly?month=2026-06&format=pdf' })).rawPayload,
      )
    ).replace(/\s+/g, '');
    expect(zh).toContain('订单完成率');
    expect(zh).toContain('本月订单中在报表生成时已完成的订单数');
  });

  it('the monthly job builds a month once and tells each director and general manager once', async () => {
    const now = at('2026-08-01T22:00:00Z'); // 06:00 on 2 August in Shanghai
    const runs = await Promise.all([
      runMonthlyReports(t.database.db, 'Asia/Shanghai', now),
      runMonthlyReports(t.database.db, 'Asia/Shanghai', now),
    ]);
    await runMonthlyReports(t.database.db, 'Asia/Shanghai', at('2026-08-02T22:00:00Z'));
    const outcomes = runs.flat().filter((o) => o.companyId === t.companyA);
    expect(outcomes.filter((o) => o.built)).toHaveLength(1);
    const rows = await sql<{ n: number }>`
      select count(*)::int as n from monthly_reports where month = '2026-07' and data is not null`.execute(
      t.database.db,
    );
    expect(rows.rows[0].n).toBe(2);
    const notes = await sql<{ user_id: string; n: number }>`
      select user_id, count(*)::int as n from notifications
      where company_id = ${t.companyA} and kind = 'monthly_report_ready' and params->>'month' = '2026-07'
      group by user_id`.execute(t.database.db);
    expect(notes.rows.length).toBeGreaterThanOrEqual(2);
    expect(notes.rows.every((r) => r.n === 1)).toBe(true);
    const director = (await a.director({ method: 'GET', url: '/api/notifications' })).json();
    expect(director.items.find((n: { kind: string }) => n.kind === 'monthly_report_ready').params).toEqual({
      month: '2026-07',
      link: '/api/reports/monthly?month=2026-07&format=pdf',
    });
  });
});
