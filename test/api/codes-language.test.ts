import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { approveAllStages, orderActors, orderBody, uploadQualification } from '../helpers/orders';
import { readXlsxRows } from '../helpers/xlsx';
import { defaultWorkingHours } from '../../src/lib/calendar/calendar';
import type { Actor } from '../../src/modules/auth/auth.service';
import { deliverShipment } from '../../src/modules/shipping/deliver-shipment';
import { up as reasonCodesMigration } from '../../src/db/migrations/0015_reason_codes';

// System reasons and invoice types travel as codes and are named in the reader's language; printed forms speak
// the request's language and carry the company and the print date.

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let order: { id: string; number: string };
let productId: string;
let shipmentId: string;
const CJK = /[\u4e00-\u9fff]/;
const en = { 'accept-language': 'en' };
const zh = { 'accept-language': 'zh-CN' };

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  const customer = await a.finance({
    method: 'POST',
    url: '/api/customers',
    payload: {
      code: 'ACME',
      shortCode: 'ACME',
      name: 'Acme Trading Ltd',
      kind: 'ordinary',
      paymentMethod: 'credit',
      paymentDays: 30,
      creditLimit: '1000000.00',
      contacts: [{ name: 'John Smith', phone: '13800000000' }],
      addresses: [{ consignee: 'John Smith', address: '1 Harbour Road', region: 'Shanghai' }],
    },
  });
  expect(customer.statusCode, customer.body).toBe(201);
  await uploadQualification(a.sales, customer.json().id);
  const product = await a.admin({
    method: 'POST',
    url: '/api/products',
    payload: { sku: 'EN-BRACKET', name: 'Steel bracket', spec: 'M8', unit: 'pcs', listPrice: '12.50' },
  });
  expect(product.statusCode, product.body).toBe(201);
  productId = product.json().id;
  const central = (await a.warehouse({ method: 'GET', url: '/api/warehouses' }))
    .json()
    .items.find((w: { code: string }) => w.code === 'ZC');
  const receipt = await a.warehouse({
    method: 'POST',
    url: '/api/stock/receipts',
    payload: { warehouseId: central.id, reference: 'PO-EN', reason: 'First delivery', lines: [{ productId, qty: 50 }] },
  });
  expect(receipt.statusCode, receipt.body).toBe(201);

  const o = (
    await a.sales({
      method: 'POST',
      url: '/api/orders',
      payload: orderBody(customer.json().id, [{ productId, qty: 4 }], { customerPo: 'PO-ACME-7' }),
    })
  ).json();
  expect((await a.sales({ method: 'POST', url: `/api/orders/${o.id}/submit` })).statusCode).toBe(200);
  await approveAllStages(t, a, o.id);
  const confirmed = await a.sales({
    method: 'POST',
    url: `/api/orders/${o.id}/confirm`,
    payload: { method: 'electronic' },
  });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  order = { id: o.id, number: o.number };
  const s = await a.warehouse({ method: 'POST', url: '/api/shipments', payload: { orderIds: [o.id] } });
  expect(s.statusCode, s.body).toBe(201);
  shipmentId = s.json().id;
  for (const step of ['pick', 'recheck', 'pack', 'ship'])
    expect((await a.warehouse({ method: 'POST', url: `/api/shipments/${shipmentId}/${step}` })).statusCode).toBe(200);
  const logistics = (await t.as(await t.token('logistics'))({ method: 'GET', url: '/api/auth/me' })).json();
  const actor = { userId: logistics.user.id, companyId: t.companyA, roles: ['logistics'] } as unknown as Actor;
  await t.database.db.transaction().execute((trx) =>
    deliverShipment(trx, actor, { now: new Date(), workingHours: defaultWorkingHours }, shipmentId, {
      signedBy: 'John Smith',
    }),
  );
  const done = await a.finance({
    method: 'POST',
    url: `/api/orders/${order.id}/complete`,
    payload: { number: 'INV-EN-1', issuedOn: '2026-11-30', amount: '50.00', taxRate: '13', type: 'special' },
  });
  expect(done.statusCode, done.body).toBe(200);
});
afterAll(() => t.close());

const movements = async (headers: Record<string, string>) =>
  (await a.warehouse({ method: 'GET', url: `/api/stock/movements?product=${productId}`, headers })).json().items;

describe('codes rendered in the reader language', () => {
  it('a stock movement reason comes back as a code, named in English and in Chinese', async () => {
    const [enItems, zhItems] = [await movements(en), await movements(zh)];
    const reserve = (items: { kind: string }[]) => items.find((m) => m.kind === 'reserve');
    expect(reserve(enItems)).toMatchObject({
      reasonCode: 'reserved_at_confirmation',
      reason: 'Reserved at confirmation',
    });
    expect(reserve(zhItems)).toMatchObject({ reasonCode: 'reserved_at_confirmation', reason: '客户确认预留' });
    expect(enItems.find((m: { kind: string }) => m.kind === 'issue')).toMatchObject({
      reasonCode: 'shipped',
      reason: 'Shipped',
    });
    // What a user typed is kept as typed, with no code.
    expect(enItems.find((m: { kind: string }) => m.kind === 'receipt')).toMatchObject({
      reasonCode: null,
      reason: 'First delivery',
    });
    const rows = await t.database.db
      .selectFrom('stock_movements')
      .select('reason')
      .where('product_id', '=', productId)
      .execute();
    expect(rows.map((r) => r.reason)).toContain('@reserved_at_confirmation');
    expect(rows.some((r) => CJK.test(r.reason))).toBe(false);
  });

  it('the stock workbook names reasons, kinds and headers in the reader language', async () => {
    const book = async (headers: Record<string, string>) =>
      JSON.stringify(
        await readXlsxRows((await a.warehouse({ method: 'GET', url: '/api/stock/export.xlsx', headers })).rawPayload),
      );
    const english = await book(en);
    expect(english).toContain('Reserved at confirmation');
    expect(english).toContain('Reason');
    expect(english).not.toContain('客户确认预留');
    const chinese = await book(zh);
    expect(chinese).toContain('客户确认预留');
    expect(chinese).toContain('原因');
  });

  it('a history reason and the invoice type come back as codes and are named on the printed form', async () => {
    const history = async (headers: Record<string, string>) =>
      (await a.sales({ method: 'GET', url: `/api/orders/${order.id}/history`, headers }))
        .json()
        .find((h: { event: string }) => h.event === 'complete');
    expect(await history(en)).toMatchObject({
      reasonCode: 'invoice',
      reasonParams: { number: 'INV-EN-1', invoiceType: 'special' },
      reason: 'Invoice INV-EN-1 (Special VAT invoice)',
    });
    expect((await history(zh)).reason).toBe('发票 INV-EN-1（专票）');
    const stored = await t.database.db
      .selectFrom('state_history')
      .select('reason')
      .where('entity_id', '=', order.id)
      .where('event', '=', 'complete')
      .executeTakeFirstOrThrow();
    expect(stored.reason).toBe('@invoice {"number":"INV-EN-1","invoiceType":"special"}');
    const invoices = (await a.finance({ method: 'GET', url: '/api/invoices' })).json();
    expect(invoices.find((i: { number: string }) => i.number === 'INV-EN-1')).toMatchObject({ type: 'special' });

    const form = (headers: Record<string, string>) =>
      a.sales({ method: 'GET', url: `/api/orders/${order.id}/forms/registration`, headers });
    expect((await form(en)).body).toContain('INV-EN-1 Special VAT invoice ¥50.00');
    expect((await form(zh)).body).toContain('INV-EN-1 专票 ¥50.00');
    const xlsx = (headers: Record<string, string>) =>
      a.sales({ method: 'GET', url: `/api/orders/${order.id}/forms/registration?format=xlsx`, headers });
    expect(JSON.stringify(await readXlsxRows((await xlsx(en)).rawPayload))).toContain('Special VAT invoice');
    expect(JSON.stringify(await readXlsxRows((await xlsx(zh)).rawPayload))).toContain('专票');
  });

  it('a printed order form in English has no Chinese but data, and carries the company and print date', async () => {
    const me = (await a.sales({ method: 'GET', url: '/api/auth/me' })).json();
    const company = (await a.sales({ method: 'GET', url: '/api/companies' }))
      .json()
      .find((c: { id: string }) => c.id === t.companyA).name;
    // 17:00 UTC is already the next day in the company's time zone (Asia/Shanghai).
    t.setNow(new Date('2026-11-30T17:00:00Z'));
    try {
      for (const name of ['registration', 'review', 'confirmation']) {
        const html = (await a.sales({ method: 'GET', url: `/api/orders/${order.id}/forms/${name}`, headers: en })).body;
        expect(html).toContain('<html lang="en">');
        expect(html).toContain(company);
        expect(html).toContain('Printed on: 2026-12-01');
        // Data typed by users (the company's and the people's names) may be Chinese; nothing else may.
        const reviewers = ['李审核', '孙财务', '周计划', '赵总监', '钱总经理'];
        const chrome = [company, me.user.displayName, ...reviewers].reduce((s, d) => s.split(d).join(''), html);
        expect(chrome.match(/[\u4e00-\u9fff]+/g), name).toBeNull();
        const xlsx = await a.sales({
          method: 'GET',
          url: `/api/orders/${order.id}/forms/${name}?format=xlsx`,
          headers: en,
        });
        const sheet = JSON.stringify(await readXlsxRows(xlsx.rawPayload));
        expect(sheet).toContain(company);
        expect(sheet).toContain('2026-12-01');
        const sheetChrome = [company, me.user.displayName, ...reviewers].reduce((s, d) => s.split(d).join(''), sheet);
        expect(sheetChrome.match(/[\u4e00-\u9fff]+/g), name).toBeNull();
      }
      const chinese = (await a.sales({ method: 'GET', url: `/api/orders/${order.id}/forms/registration`, headers: zh }))
        .body;
      expect(chinese).toContain('打印日期: 2026-12-01');
      expect(chinese).toContain('销售订单登记表');
      expect(chinese).toContain('伍拾元整');
    } finally {
      t.setNow(undefined);
    }
  });

  it('every printed form carries the company and print date', async () => {
    const company = (await a.sales({ method: 'GET', url: '/api/companies' }))
      .json()
      .find((c: { id: string }) => c.id === t.companyA).name;
    const customerId = (await a.sales({ method: 'GET', url: `/api/orders/${order.id}` })).json().customer.id;
    const urls = [
      `/api/shipments/${shipmentId}/delivery-note`,
      `/api/shipments/${shipmentId}/outbound-order`,
      `/api/customers/${customerId}/statement?from=2026-01-01&to=2027-12-31&format=html`,
    ];
    const shipment = (await a.warehouse({ method: 'GET', url: `/api/shipments/${shipmentId}` })).json();
    const data = [company, shipment.carrier as string, shipment.warehouseName as string];
    expect(data.every(Boolean)).toBe(true);
    t.setNow(new Date('2026-11-30T17:00:00Z'));
    try {
      for (const url of urls) {
        const res = await a.finance({ method: 'GET', url, headers: en });
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).toContain(company);
        expect(res.body, url).toContain('Printed on: 2026-12-01');
        // The carrier and warehouse names are data too (顺丰速运, 总仓 in the demo).
        const chrome = data.reduce((b, d) => b.split(d).join(''), res.body);
        expect(chrome.match(/[\u4e00-\u9fff]+/g), url).toBeNull();
      }
    } finally {
      t.setNow(undefined);
    }
  });

  it('names the state and the action of an illegal move in the reader language', async () => {
    const move = (headers: Record<string, string>) =>
      a.sales({ method: 'POST', url: `/api/orders/${order.id}/submit`, headers });
    const english = await move(en);
    expect(english.statusCode).toBe(409);
    expect(english.json().error).toMatchObject({
      code: 'STATE.ILLEGAL_TRANSITION',
      message: 'Cannot submit while "Completed"',
    });
    expect(english.json().error.message).not.toMatch(CJK);
    expect((await move(zh)).json().error.message).toBe('当前状态“已完成”不允许“提交审核”');
  });

  it('migration 0015 turns reasons stored as Chinese text into codes and leaves typed text alone', async () => {
    const db = t.database.db;
    const ids = (await db.selectFrom('state_history').select('id').where('entity_id', '=', order.id).execute()).map(
      (r) => r.id,
    );
    const [first, second, third] = ids;
    const set = (id: string, reason: string) =>
      db.updateTable('state_history').set({ reason }).where('id', '=', id).execute();
    await set(first, '订单取消 Order cancelled');
    await set(second, '订单变更 CR-9: 行已删除 line removed, 单价已变更 price changed');
    await set(third, '客户撤单');
    await reasonCodesMigration(db);
    const reasons = await db
      .selectFrom('state_history')
      .select(['id', 'reason'])
      .where('id', 'in', [first, second, third])
      .orderBy('id')
      .execute();
    expect(reasons.map((r) => r.reason)).toEqual([
      '@order_cancelled',
      '@change_stopped_shipment {"number" : "CR-9", "impacts" : ["line_removed", "price_changed"]}',
      '客户撤单',
    ]);
  });
});
