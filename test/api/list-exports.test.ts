import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors, orderBody, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { readXlsxRows } from '../helpers/xlsx';
import { createReceivable } from '../../src/modules/receivables/receivable.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let c1: string;
let c2: string;
let salesId: string;
let financeId: string;
const p: Record<string, { id: string }> = {};
const o: Record<string, { id: string; number: string }> = {};

async function register(customerId: string, lines: { productId: string; qty: number }[], extra = {}) {
  const res = await a.sales({ method: 'POST', url: '/api/orders', payload: orderBody(customerId, lines, extra) });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; number: string };
}

/** The rows of the export's only sheet: the header, then the data. */
async function sheet(url: string, lang?: string) {
  const res = await a.finance({ method: 'GET', url, headers: lang ? { 'accept-language': lang } : {} });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain(XLSX);
  const sheets = await readXlsxRows(res.rawPayload);
  const [name] = Object.keys(sheets);
  return { name, header: sheets[name][0], rows: sheets[name].slice(1) };
}

const numbers = async (url: string) =>
  (await a.finance({ method: 'GET', url }))
    .json()
    .items.map((x: { number: string }) => x.number)
    .sort();

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  const f = fulfilmentFactories(t, a);
  c1 = await f.newCustomer('LSTA');
  c2 = await f.newCustomer('LSTB');
  salesId = (await f.actorOf('sales')).userId;
  financeId = (await f.actorOf('finance')).userId;
  p.A1 = await productBySku(a.sales, 'A-01');
  p.B1 = await productBySku(a.sales, 'B-01');
  o.urgent = await register(c1, [{ productId: p.A1.id, qty: 1 }], { urgency: 'urgent', orderDate: '2026-10-05' });
  o.submitted = await register(c1, [{ productId: p.B1.id, qty: 1 }], { orderDate: '2026-10-20' });
  const submitted = await a.sales({ method: 'POST', url: `/api/orders/${o.submitted.id}/submit` });
  expect(submitted.statusCode, submitted.body).toBe(200);
  o.other = await register(
    c2,
    [
      { productId: p.A1.id, qty: 2 },
      { productId: p.B1.id, qty: 1 },
    ],
    { orderDate: '2026-11-02' },
  );
});
afterAll(() => t.close());

describe('order list filters', () => {
  it('each filter narrows the list: status list, customer, date range, product, salesperson, urgency', async () => {
    const all = [o.urgent.number, o.submitted.number].sort();
    expect(await numbers(`/api/orders?customer=${c1}`)).toEqual(all);
    expect(await numbers(`/api/orders?customer=${c1}&status=draft`)).toEqual([o.urgent.number]);
    expect(await numbers(`/api/orders?customer=${c1}&status=draft,in_review`)).toEqual(all);
    expect(await numbers(`/api/orders?customer=${c1}&status=confirmed,completed`)).toEqual([]);
    expect(await numbers(`/api/orders?customer=${c1}&from=2026-10-10&to=2026-10-31`)).toEqual([o.submitted.number]);
    expect(await numbers(`/api/orders?customer=${c1}&urgency=urgent`)).toEqual([o.urgent.number]);
    expect(await numbers(`/api/orders?customer=${c1}&product=${p.B1.id}`)).toEqual([o.submitted.number]);
    expect(await numbers(`/api/orders?product=${p.B1.id}&from=2026-10-01&to=2026-11-30`)).toEqual(
      [o.submitted.number, o.other.number].sort(),
    );
    expect(await numbers(`/api/orders?customer=${c1}&salesperson=${salesId}`)).toEqual(all);
    expect(await numbers(`/api/orders?customer=${c1}&salesperson=${financeId}`)).toEqual([]);
  });

  it('a 工作台 link with one status still works', async () => {
    const res = await a.sales({ method: 'GET', url: '/api/orders?status=draft&mine=true' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.every((x: { status: string }) => x.status === 'draft')).toBe(true);
  });

  it('a bad filter value is refused with 400 naming the field', async () => {
    for (const [query, field] of [
      ['status=draft,shipped_twice', 'status'],
      ['customer=abc', 'customer'],
      ['from=2026-13-01', 'from'],
      ['product=1', 'product'],
      ['salesperson=x', 'salesperson'],
      ['urgency=very', 'urgency'],
    ]) {
      for (const url of [`/api/orders?${query}`, `/api/orders/export.xlsx?${query}`]) {
        const res = await a.sales({ method: 'GET', url });
        expect(res.statusCode, url).toBe(400);
        expect(res.body, url).toContain(field);
      }
    }
  });
});

describe('order export', () => {
  it('holds exactly the filtered orders, headers and statuses in Chinese', async () => {
    const x = await sheet(`/api/orders/export.xlsx?customer=${c1}&status=draft,in_review`);
    expect(x.name).toBe('订单');
    expect(x.header).toEqual(expect.arrayContaining(['订单号', '客户', '下单日期', '金额', '状态', '紧急程度']));
    const col = (h: string) => x.header.indexOf(h);
    expect(x.rows.map((r) => r[col('订单号')]).sort()).toEqual([o.urgent.number, o.submitted.number].sort());
    expect(x.rows.map((r) => r[col('状态')]).sort()).toEqual(['审核中', '草稿'].sort());
    const urgent = x.rows.find((r) => r[col('订单号')] === o.urgent.number)!;
    expect(urgent[col('紧急程度')]).toBe('加急');
    expect(urgent[col('下单日期')]).toBe('2026-10-05');
  });

  it('speaks English to an English request, and narrows by date and product as the list does', async () => {
    const x = await sheet(`/api/orders/export.xlsx?product=${p.A1.id}&from=2026-11-01&to=2026-11-30`, 'en');
    expect(x.name).toBe('Orders');
    expect(x.header).toEqual(expect.arrayContaining(['Order', 'Customer', 'Order date', 'Amount', 'Status']));
    const listed = await numbers(`/api/orders?product=${p.A1.id}&from=2026-11-01&to=2026-11-30`);
    expect(x.rows.map((r) => r[x.header.indexOf('Order')]).sort()).toEqual(listed);
    expect(listed).toContain(o.other.number);
    expect(x.rows.find((r) => r[0] === o.other.number)![x.header.indexOf('Status')]).toBe('Draft');
  });
});

describe('finance exports', () => {
  beforeAll(async () => {
    const receipt = (customerId: string, amount: string, receivedOn: string, method: string) =>
      a.finance({
        method: 'POST',
        url: '/api/receipts',
        payload: { customerId, amount, receivedOn, method, reference: `R-${amount}` },
      });
    for (const r of [
      await receipt(c1, '100.00', '2026-10-02', 'cash'),
      await receipt(c1, '250.50', '2026-10-25', 'bank_transfer'),
      await receipt(c2, '75.00', '2026-10-26', 'cheque'),
    ])
      expect(r.statusCode, r.body).toBe(201);
    const db = t.database.db;
    const by = (await fulfilmentFactories(t, a).actorOf('finance')).userId;
    await db
      .insertInto('invoices')
      .values([
        { ...invoice(o.urgent.id, 'LST-INV-1', '2026-10-06', 'special'), created_by: by },
        { ...invoice(o.submitted.id, 'LST-INV-2', '2026-10-21', 'normal'), created_by: by },
        { ...invoice(o.other.id, 'LST-INV-3', '2026-11-03', 'digital'), created_by: by },
      ])
      .execute();
    await createReceivable(db, t.companyA, {
      customerId: c1,
      orderId: o.urgent.id,
      kind: 'shipment',
      amount: '500.00',
      dueDate: '2020-01-10',
    });
    await createReceivable(db, t.companyA, {
      customerId: c2,
      orderId: o.other.id,
      kind: 'shipment',
      amount: '300.00',
      dueDate: '2099-01-10',
    });
  });
  const invoice = (orderId: string, number: string, issuedOn: string, type: 'normal' | 'special' | 'digital') => ({
    company_id: t.companyA,
    order_id: orderId,
    number,
    issued_on: issuedOn,
    amount: '10.00',
    tax_rate: '13',
    type,
    outbound_voucher: '',
  });

  it('receipts: customer, date range and method narrow the list and the export alike', async () => {
    const list = (q: string) => a.finance({ method: 'GET', url: `/api/receipts?${q}` }).then((r) => r.json().items);
    expect((await list(`customer=${c1}`)).map((r: { amount: string }) => r.amount).sort()).toEqual([
      '100.00',
      '250.50',
    ]);
    expect(await list(`customer=${c1}&from=2026-10-10&to=2026-10-31`)).toHaveLength(1);
    expect(await list(`customer=${c1}&method=cash`)).toHaveLength(1);
    const zh = await sheet(`/api/receipts/export.xlsx?customer=${c1}&from=2026-10-10&to=2026-10-31`);
    expect(zh.name).toBe('收款');
    expect(zh.header).toEqual(expect.arrayContaining(['收款日期', '客户', '金额', '收款方式']));
    expect(zh.rows).toHaveLength(1);
    expect(zh.rows[0][zh.header.indexOf('金额')]).toBe('250.50');
    expect(zh.rows[0][zh.header.indexOf('收款方式')]).toBe('银行转账');
    const en = await sheet(`/api/receipts/export.xlsx?customer=${c1}&method=cash`, 'en');
    expect(en.header).toEqual(expect.arrayContaining(['Received on', 'Customer', 'Amount', 'Method']));
    expect(en.rows.map((r) => r[en.header.indexOf('Method')])).toEqual(['Cash']);
  });

  it('invoices: customer, date range and type narrow the list and the export alike', async () => {
    const list = (q: string) => a.finance({ method: 'GET', url: `/api/invoices?${q}` }).then((r) => r.json().items);
    expect((await list(`customer=${c1}`)).map((i: { number: string }) => i.number).sort()).toEqual([
      'LST-INV-1',
      'LST-INV-2',
    ]);
    expect((await list(`customer=${c1}&type=special`)).map((i: { number: string }) => i.number)).toEqual(['LST-INV-1']);
    const zh = await sheet(`/api/invoices/export.xlsx?from=2026-10-15&to=2026-11-30&customer=${c2}`);
    expect(zh.header).toEqual(expect.arrayContaining(['发票号', '客户', '开票日期', '金额', '发票类型']));
    expect(zh.rows.map((r) => r[0])).toEqual(['LST-INV-3']);
    expect(zh.rows[0][zh.header.indexOf('发票类型')]).toBe('数电票');
    const en = await sheet(`/api/invoices/export.xlsx?customer=${c1}&type=special`, 'en');
    expect(en.name).toBe('Invoices');
    expect(en.rows.map((r) => [r[0], r[en.header.indexOf('Invoice type')]])).toEqual([
      ['LST-INV-1', 'Special VAT invoice'],
    ]);
  });

  it('receivables and aging: the customer filter narrows both exports; buckets are named', async () => {
    const aging = await a.finance({ method: 'GET', url: `/api/receivables/aging?customer=${c1}` });
    expect(aging.json().items.map((r: { customerId: string }) => r.customerId)).toEqual([c1]);
    const zh = await sheet(`/api/receivables/aging/export.xlsx?customer=${c1}`);
    expect(zh.name).toBe('账龄');
    expect(zh.header).toEqual(['客户', '未到期', '逾期0-30天', '逾期31-60天', '逾期61-90天', '逾期90天以上', '合计']);
    expect(zh.rows).toHaveLength(1);
    expect(zh.rows[0][zh.header.indexOf('逾期90天以上')]).toBe('500.00');
    const recv = await sheet(`/api/receivables/export.xlsx?customer=${c2}&open=true`, 'en');
    expect(recv.header).toEqual(expect.arrayContaining(['Customer', 'Outstanding', 'Due date', 'Aging']));
    expect(recv.rows.map((r) => r[recv.header.indexOf('Aging')])).toEqual(['Not due']);
    const overdue = await a.finance({ method: 'GET', url: `/api/receivables?bucket=>90&customer=${c2}` });
    expect(overdue.json().items).toEqual([]);
  });

  it('a bad filter value is refused with 400 naming the field', async () => {
    for (const [url, field] of [
      ['/api/receipts/export.xlsx?method=gold', 'method'],
      ['/api/receipts?from=yesterday', 'from'],
      ['/api/invoices/export.xlsx?type=red', 'type'],
      ['/api/invoices?customer=nobody', 'customer'],
      ['/api/receivables/export.xlsx?bucket=old', 'bucket'],
      ['/api/receivables/aging/export.xlsx?customer=1', 'customer'],
      ['/api/returns/export.xlsx?to=2026-02-30', 'to'],
      ['/api/returns?customer=x', 'customer'],
    ]) {
      const res = await a.finance({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.body, url).toContain(field);
    }
  });
});

describe('finance lists page', () => {
  const N = 23;
  let c3: string;

  beforeAll(async () => {
    const f = fulfilmentFactories(t, a);
    c3 = await f.newCustomer('LSTC');
    const order = await register(c3, [{ productId: p.A1.id, qty: 1 }]);
    for (let i = 0; i < N; i++) {
      const r = await a.finance({
        method: 'POST',
        url: '/api/receipts',
        payload: { customerId: c3, amount: `${i + 1}.00`, receivedOn: '2026-10-05', method: 'cash', reference: 'P' },
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const db = t.database.db;
    const by = (await f.actorOf('finance')).userId;
    // One statement: every invoice has the same created_at, so only the tie-break keeps pages apart.
    await db
      .insertInto('invoices')
      .values(
        Array.from({ length: N }, (_, i) => ({
          company_id: t.companyA,
          order_id: order.id,
          number: `PG-INV-${i}`,
          issued_on: '2026-10-06',
          amount: '10.00',
          tax_rate: '13',
          type: 'normal' as const,
          outbound_voucher: '',
          created_by: by,
        })),
      )
      .execute();
    for (let i = 0; i < N; i++)
      await createReceivable(db, t.companyA, {
        customerId: c3,
        orderId: order.id,
        kind: 'shipment',
        amount: '1.00',
        dueDate: '2099-01-10',
      });
  });

  /** Every page of a list at a page size, and the total it announces. */
  async function pages(url: string, pageSize: number) {
    const ids: string[] = [];
    let total = 0;
    for (let page = 1; ; page++) {
      const res = await a.finance({ method: 'GET', url: `${url}&page=${page}&pageSize=${pageSize}` });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.items.length).toBeLessThanOrEqual(pageSize);
      total = body.total;
      ids.push(...body.items.map((x: { id?: string; customerId: string }) => x.id ?? x.customerId));
      if (page * pageSize >= total) break;
    }
    return { ids, total };
  }

  it('receipts, invoices and receivables come in complete, disjoint pages', async () => {
    for (const url of [
      `/api/receipts?customer=${c3}`,
      `/api/invoices?customer=${c3}`,
      `/api/receivables?customer=${c3}`,
    ]) {
      const { ids, total } = await pages(url, 10);
      expect(total, url).toBe(N);
      expect(ids, url).toHaveLength(N);
      expect(new Set(ids).size, url).toBe(N);
    }
    const aging = await pages('/api/receivables/aging?q=', 1);
    expect(aging.total).toBeGreaterThanOrEqual(2);
    expect(new Set(aging.ids).size).toBe(aging.total);
    expect(aging.ids).toContain(c3);
  });

  it('a list is newest first, and the export holds every row the filter shows, not one page', async () => {
    const first = (await a.finance({ method: 'GET', url: `/api/receipts?customer=${c3}&pageSize=1` })).json();
    expect(first.items[0].amount).toBe(`${N}.00`);
    const x = await sheet(`/api/receipts/export.xlsx?customer=${c3}`);
    expect(x.rows).toHaveLength(N);
    expect((await sheet(`/api/invoices/export.xlsx?customer=${c3}`)).rows).toHaveLength(N);
    expect((await sheet(`/api/receivables/export.xlsx?customer=${c3}`)).rows).toHaveLength(N);
  });

  it('the search narrows the list and its export alike', async () => {
    const list = (await a.finance({ method: 'GET', url: `/api/invoices?customer=${c3}&q=PG-INV-1` })).json();
    // PG-INV-1 and PG-INV-10 … PG-INV-19
    expect(list.total).toBe(11);
    expect((await sheet(`/api/invoices/export.xlsx?customer=${c3}&q=PG-INV-1`)).rows).toHaveLength(11);
  });
});
