import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { approveAllStages, customerByShortCode, orderActors, orderBody, uploadQualification } from '../helpers/orders';
import { buildXlsx, multipart, readXlsxRows } from '../helpers/xlsx';
import { pdfText } from '../helpers/pdf-text';
import { defaultWorkingHours } from '../../src/lib/calendar/calendar';
import type { Actor } from '../../src/modules/auth/auth.service';
import { deliverShipment } from '../../src/modules/shipping/deliver-shipment';
import { up as reasonCodesMigration } from '../../src/db/migrations/0015_reason_codes';
import { up as moneyReasonCodesMigration } from '../../src/db/migrations/0019_money_reason_codes';

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
    const invoices = (await a.finance({ method: 'GET', url: '/api/invoices' })).json().items;
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

  it('an order form and a statement of account leave the company as PDF with Chinese text', async () => {
    const customerId = (await a.sales({ method: 'GET', url: `/api/orders/${order.id}` })).json().customer.id;
    const form = await a.sales({
      method: 'GET',
      url: `/api/orders/${order.id}/forms/registration?format=pdf`,
      headers: zh,
    });
    expect(form.headers['content-type']).toBe('application/pdf');
    const formText = await pdfText(form.rawPayload);
    for (const s of ['销售订单登记表', order.number, '伍拾元整', '打印日期']) expect(formText).toContain(s);
    const url = `/api/customers/${customerId}/statement?from=2026-01-01&to=2027-12-31&format=pdf`;
    const statement = await a.finance({ method: 'GET', url, headers: zh });
    expect(statement.statusCode).toBe(200);
    const statementText = await pdfText(statement.rawPayload);
    expect(statementText).toContain('对账单');
    expect(statementText).toContain(order.number);
    expect(await pdfText((await a.finance({ method: 'GET', url, headers: en })).rawPayload)).toContain('Page 1 of');
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

describe('money reasons in the reader language', () => {
  let franchisee: { id: string; code: string };
  let reversalId: string;
  const ledger = async (headers: Record<string, string>) =>
    (await a.finance({ method: 'GET', url: `/api/franchisees/${franchisee.id}/ledger`, headers })).json();

  beforeAll(async () => {
    franchisee = await customerByShortCode(a.sales, 'DGHX');
    const sheet = await buildXlsx(['客户编码 Code', '资金 Funds', '信用 Credit'], [[franchisee.code, '300.00', '']]);
    const imported = await a.finance({
      method: 'POST',
      url: '/api/franchisees/import',
      ...multipart({ name: 'm.xlsx', data: sheet, type: 'application/octet-stream' }),
    });
    expect(imported.json()).toEqual({ imported: 1 });
    const customerId = franchisee.id;
    const paid = await a.finance({
      method: 'POST',
      url: '/api/receipts',
      payload: { customerId, amount: '10.00', receivedOn: '2026-11-20', method: 'cash', reference: 'R-1' },
    });
    expect(paid.statusCode, paid.body).toBe(201);
    const reversed = await a.finance({
      method: 'POST',
      url: `/api/receipts/${paid.json().id}/reverse`,
      payload: { reason: 'keyed twice' },
      headers: en,
    });
    expect(reversed.statusCode, reversed.body).toBe(201);
    expect(reversed.json().reference).toBe('Reversal: keyed twice');
    reversalId = reversed.json().id;
  });

  it('an imported balance is a coded ledger reason, named in English and in Chinese', async () => {
    const [enRows, zhRows] = [await ledger(en), await ledger(zh)];
    expect(enRows[enRows.length - 1]).toMatchObject({
      fundsDelta: '300.00',
      reasonCode: 'franchisee_import',
      reason: 'Excel import',
    });
    expect(zhRows[zhRows.length - 1]).toMatchObject({ reasonCode: 'franchisee_import', reason: 'Excel 导入' });
    const stored = await t.database.db
      .selectFrom('franchisee_ledger')
      .select('reason')
      .where('customer_id', '=', franchisee.id)
      .execute();
    expect(stored.map((r) => r.reason)).toContain('@franchisee_import');
    expect(stored.map((r) => r.reason).join()).not.toMatch(CJK);
  });

  it('a reversal names its reason in the reader language on screen and in the export', async () => {
    const get = (headers: Record<string, string>) =>
      a.finance({ method: 'GET', url: `/api/receipts/${reversalId}`, headers });
    expect((await get(en)).json().reference).toBe('Reversal: keyed twice');
    expect((await get(zh)).json().reference).toBe('冲销：keyed twice');
    const sheet = await a.finance({ method: 'GET', url: '/api/receipts/export.xlsx?lang=en' });
    const rows = Object.values(await readXlsxRows(sheet.rawPayload))[0];
    const row = rows.find((r) => r.includes('Reversal: keyed twice'));
    expect(row?.join()).toMatch(/Reversal$/);
  });

  it('the payment gate says what it waits for in the reader language, on screen and when it refuses', async () => {
    const customer = await a.finance({
      method: 'POST',
      url: '/api/customers',
      payload: {
        code: 'PREPAY',
        shortCode: 'PREPAY',
        name: 'Prepay Ltd',
        kind: 'ordinary',
        paymentMethod: 'prepaid',
        contacts: [{ name: 'Jane Roe', phone: '13800000001' }],
        addresses: [{ consignee: 'Jane Roe', address: '2 Harbour Road', region: 'Shanghai' }],
      },
    });
    expect(customer.statusCode, customer.body).toBe(201);
    await uploadQualification(a.sales, customer.json().id);
    const o = (
      await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(customer.json().id, [{ productId, qty: 2 }]),
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
    const gates = async (headers: Record<string, string>) =>
      (await a.sales({ method: 'GET', url: `/api/orders/${o.id}/payment`, headers })).json().gates;
    expect((await gates(en))[1]).toMatchObject({
      gate: 'ship',
      ok: false,
      waitsFor: 'Prepayment ¥25.00',
      waitsForCode: 'gate_prepayment',
      waitsForParams: { amount: '¥25.00' },
    });
    expect((await gates(zh))[1]).toMatchObject({ waitsFor: '预付款 ¥25.00', waitsForCode: 'gate_prepayment' });
    const s = await a.warehouse({ method: 'POST', url: '/api/shipments', payload: { orderIds: [o.id] } });
    expect(s.statusCode, s.body).toBe(201);
    for (const step of ['pick', 'recheck', 'pack'])
      expect((await a.warehouse({ method: 'POST', url: `/api/shipments/${s.json().id}/${step}` })).statusCode).toBe(
        200,
      );
    const ship = (headers: Record<string, string>) =>
      a.warehouse({ method: 'POST', url: `/api/shipments/${s.json().id}/ship`, headers });
    const refusedEn = await ship(en);
    expect(refusedEn.statusCode).toBe(409);
    expect(refusedEn.json().error.message).toBe('Payment condition not met: Prepayment ¥25.00');
    expect((await ship(zh)).json().error.message).toBe('付款条件未满足：预付款 ¥25.00');
  });

  it('migration 0019 turns ledger and reversal texts into codes and leaves typed text alone', async () => {
    const db = t.database.db;
    const [row] = await db
      .selectFrom('franchisee_ledger')
      .select('id')
      .where('customer_id', '=', franchisee.id)
      .execute();
    const amounts = await db.selectFrom('franchisee_ledger').select(['id', 'funds_delta', 'credit_delta']).execute();
    const migrated = async (reason: string) => {
      await db.updateTable('franchisee_ledger').set({ reason }).where('id', '=', row.id).execute();
      await moneyReasonCodesMigration(db);
      return (await db.selectFrom('franchisee_ledger').select('reason').where('id', '=', row.id).executeTakeFirst())
        ?.reason;
    };
    expect(await migrated('发货扣款 Shipment posted')).toBe('@shipment_deducted');
    expect(await migrated('导入 Excel import')).toBe('@franchisee_import');
    expect(await migrated('到账 导入 Excel import')).toBe('到账 导入 Excel import');
    expect(await db.selectFrom('franchisee_ledger').select(['id', 'funds_delta', 'credit_delta']).execute()).toEqual(
      amounts,
    );
    await db
      .updateTable('customer_receipts')
      .set({ reference: '冲销 Reversal: 重复录入' })
      .where('id', '=', reversalId)
      .execute();
    await moneyReasonCodesMigration(db);
    const reversal = await db
      .selectFrom('customer_receipts')
      .select('reference')
      .where('id', '=', reversalId)
      .executeTakeFirstOrThrow();
    expect(reversal.reference).toBe('@receipt_reversal {"note" : "重复录入"}');
    expect((await a.finance({ method: 'GET', url: `/api/receipts/${reversalId}`, headers: en })).json().reference).toBe(
      'Reversal: 重复录入',
    );
    const typed = await db.selectFrom('customer_receipts').select('reference').where('reference', '=', 'R-1').execute();
    expect(typed).toHaveLength(1);
  });
});
