import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { readXlsxRows } from '../helpers/xlsx';
import { defaultWorkingHours } from '../../src/lib/calendar/calendar';
import { localDate } from '../../src/lib/local-date';

// The shipment and complaint lists filtered, and their Excel exports holding exactly what the filter shows.

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let f: ReturnType<typeof fulfilmentFactories>;
let logistics: ReturnType<TestContext['as']>;
let service: ReturnType<TestContext['as']>;
const shipped: { customerId: string; orderId: string; shipmentId: string; number: string; day: string }[] = [];
let packedId: string;

type Listed = { id: string; number: string; orderNumber: string; status: string; customerName: string };
const get = async (url: string, lang = 'zh-CN') => {
  const res = await logistics({ method: 'GET', url, headers: { 'accept-language': lang } });
  expect(res.statusCode, res.body).toBe(200);
  return res;
};
const listed = async (url: string) => (await get(url)).json().items as Listed[];
const sheet = async (url: string, lang = 'zh-CN') => {
  const res = await get(url, lang);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  return Object.values(await readXlsxRows(res.rawPayload))[0];
};
const fieldsOf = async (url: string) => {
  const res = await logistics({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(400);
  return (res.json().error.fields as { path: string }[]).map((x) => x.path).join(' ');
};

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  f = fulfilmentFactories(t, a);
  logistics = t.as(await t.token('logistics'));
  service = t.as(await t.token('service'));
  const product = await productBySku(a.sales, 'B-01');
  for (const code of ['OPSX1', 'OPSX2']) {
    const customerId = await f.newCustomer(code);
    const order = await f.confirmedOrder(customerId, [{ productId: product.id, qty: 1 }]);
    const shipmentId = await f.packedShipment([order.id]);
    const ship = await a.warehouse({
      method: 'POST',
      url: `/api/shipments/${shipmentId}/ship`,
      payload: { carrier: code === 'OPSX1' ? '顺丰速运' : '德邦物流', trackingNo: `${code}-T1` },
    });
    expect(ship.statusCode, ship.body).toBe(200);
    const mine = await a.warehouse({ method: 'GET', url: `/api/shipments/search?customer=${customerId}` });
    const s = mine.json().items[0];
    // The day it was created, as the company's calendar reads it (what the date filter compares).
    const day = localDate(new Date(s.createdAt), defaultWorkingHours.timeZone);
    shipped.push({ customerId, orderId: order.id, shipmentId, number: s.number, day });
  }
  const third = await f.confirmedOrder(shipped[0].customerId, [{ productId: product.id, qty: 1 }]);
  packedId = await f.packedShipment([third.id]);
  for (const [i, s] of shipped.entries()) {
    const res = await service({
      method: 'POST',
      url: '/api/complaints',
      payload: { orderId: s.orderId, type: i === 0 ? 'damage' : 'late', description: `OPS complaint ${i}` },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});

describe('shipment list', () => {
  it('filters by customer, status and carrier, and the export holds exactly those rows', async () => {
    const [x1] = shipped;
    const byCustomer = await listed(`/api/shipments/search?customer=${x1.customerId}`);
    expect(byCustomer.map((s) => s.id).sort()).toEqual([x1.shipmentId, packedId].sort());
    const q = `customer=${x1.customerId}&status=shipped&carrier=${encodeURIComponent('顺丰')}`;
    const filtered = await listed(`/api/shipments/search?${q}`);
    expect(filtered.map((s) => s.number)).toEqual([x1.number]);
    const [header, ...rows] = await sheet(`/api/shipments/export.xlsx?${q}`);
    expect(header.slice(0, 2)).toEqual(['出库单号', '状态']);
    expect(rows.map((r) => r[0])).toEqual([x1.number]);
    expect(rows[0][1]).toBe('已发运');
    expect(rows[0][4]).toBe('顺丰速运');
    const all = await sheet(`/api/shipments/export.xlsx?customer=${x1.customerId}`);
    expect(all.slice(1).map((r) => r[0])).toEqual(byCustomer.map((s) => s.number));
  });

  it('filters by the day created, and exports in English to an English request', async () => {
    const { customerId, day, number } = shipped[1];
    expect((await listed(`/api/shipments/search?customer=${customerId}&from=${day}&to=${day}`)).length).toBe(1);
    expect(await listed(`/api/shipments/search?customer=${customerId}&from=2999-01-01`)).toEqual([]);
    const [header, ...rows] = await sheet(`/api/shipments/export.xlsx?customer=${customerId}&from=${day}`, 'en');
    expect(header.slice(0, 2)).toEqual(['Shipment', 'Status']);
    expect(rows).toEqual([expect.arrayContaining([number, 'Shipped', '德邦物流'])]);
    expect((await sheet(`/api/shipments/export.xlsx?customer=${customerId}&to=2000-01-01`)).length).toBe(1);
    // The page's language, when the download link names it, wins over the browser's.
    expect((await sheet(`/api/shipments/export.xlsx?customer=${customerId}&lang=en`, 'zh-CN'))[1][1]).toBe('Shipped');
  });

  it('refuses bad filters with 400 naming the field', async () => {
    expect(await fieldsOf('/api/shipments/search?status=lost')).toContain('status');
    expect(await fieldsOf('/api/shipments/export.xlsx?customer=abc')).toContain('customer');
    expect(await fieldsOf('/api/shipments/export.xlsx?from=2026-13-01')).toContain('from');
    expect(await fieldsOf('/api/shipments/search?from=2026-11-02&to=2026-11-01')).toContain('to');
  });
});

describe('complaint list', () => {
  it('filters by customer and status, and the export holds exactly those rows in the request language', async () => {
    const [x1, x2] = shipped;
    const mine = await listed(`/api/complaints/search?customer=${x1.customerId}`);
    expect(mine.map((c) => c.customerName)).toEqual(['OPSX1 公司']);
    const [header, ...rows] = await sheet(`/api/complaints/export.xlsx?customer=${x1.customerId}&status=open`);
    expect(header.slice(0, 4)).toEqual(['订单号', '客户编码', '客户', '投诉类型']);
    expect(rows.map((r) => r[0])).toEqual(mine.map((c) => c.orderNumber));
    expect(rows[0].slice(3, 6)).toEqual(['破损', 'OPS complaint 0', '待处理']);
    const en = await sheet(`/api/complaints/export.xlsx?customer=${x2.customerId}&from=${x2.day}&to=${x2.day}`, 'en');
    expect(en[0][3]).toBe('Type');
    expect(en.slice(1).map((r) => [r[3], r[5]])).toEqual([['Late', 'Open']]);
    expect(await listed(`/api/complaints/search?customer=${x1.customerId}&status=closed`)).toEqual([]);
    expect((await sheet(`/api/complaints/export.xlsx?customer=${x1.customerId}&status=closed`)).length).toBe(1);
  });

  it('refuses bad filters with 400 naming the field', async () => {
    expect(await fieldsOf('/api/complaints/search?status=lost')).toContain('status');
    expect(await fieldsOf('/api/complaints/export.xlsx?customer=1')).toContain('customer');
    expect(await fieldsOf('/api/complaints/export.xlsx?to=yesterday')).toContain('to');
    expect(await fieldsOf('/api/complaints/search?from=2026-11-02&to=2026-11-01')).toContain('to');
  });
});
