import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { multipart } from '../helpers/xlsx';
import { pdfText } from '../helpers/pdf-text';
import { unzipEntries } from '../helpers/zip';
import { archiveFinished } from '../../src/modules/archive/archive.service';
import { defaultWorkingHours } from '../../src/lib/calendar/calendar';
import { deliverShipment } from '../../src/modules/shipping/deliver-shipment';
import { orderBody } from '../helpers/orders';

// 订单归档: an order that went through a change, two shipments, a complaint and a return, completed and paid, is
// archived; its dossier holds every document, the zip every upload, and the order can no longer be changed.

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let service: ReturnType<TestContext['as']>;
let f: ReturnType<typeof fulfilmentFactories>;
let jacket: string;
let order: { id: string; number: string };
let shipments: string[] = [];
let changeNumber: string;
let returnNumber: string;
let pdf: string;
let pdfBytes: number;
let pdfMs: number;

type As = ReturnType<TestContext['as']>;
type Res = Awaited<ReturnType<TestContext['app']['inject']>>;
const ok = (res: Res, status = 200) => {
  if (res.statusCode !== status) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
};
const post = (as: As, url: string, payload: unknown = {}, status = 200) =>
  as({ method: 'POST', url, payload: payload as object }).then((r) => ok(r, status));
const get = (as: As, url: string) => as({ method: 'GET', url }).then((r) => ok(r));
// A 1×1 PNG: the customer's signed scan and the proof of delivery are pictures.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
const CUSTOMER = '杭州青禾档案商贸有限公司';

async function newProduct(warehouseId: string, sku: string, name: string, listPrice: string) {
  const p = ok(
    await a.admin({ method: 'POST', url: '/api/products', payload: { sku, name, listPrice, standardCost: '10.00' } }),
    201,
  );
  await post(
    a.warehouse,
    '/api/stock/receipts',
    { warehouseId, reference: `PO-${sku}`, lines: [{ productId: p.id, qty: 50 }] },
    201,
  );
  return p.id as string;
}

async function shipAndDeliver(lines: { lineNo: number; qty: number }[], signedBy: string) {
  const s = await post(
    a.warehouse,
    '/api/shipments',
    { orderIds: [order.id], lines: lines.map((l) => ({ orderId: order.id, ...l })) },
    201,
  );
  for (const step of ['pick', 'recheck', 'pack', 'ship']) await post(a.warehouse, `/api/shipments/${s.id}/${step}`);
  await post(a.warehouse, `/api/shipments/${s.id}/deliver`, { signedBy });
  const proof = multipart({ name: `签收单-${s.number}.png`, data: PNG, type: 'image/png' });
  ok(await a.warehouse({ method: 'POST', url: `/api/shipments/${s.id}/proof`, ...proof }), 201);
  shipments.push(s.number);
  return s.id as string;
}

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  f = fulfilmentFactories(t, a);
  service = t.as(await t.token('service'));
  const warehouseId = (await get(a.warehouse, '/api/warehouses?q=ZC')).items[0].id;
  jacket = await newProduct(warehouseId, 'ARC-J', '青禾棉麻夹克', '120.00');
  const tee = await newProduct(warehouseId, 'ARC-T', '青禾纯棉T恤', '60.00');
  const customer = await f.newCustomer('ARC1', 'credit', { name: CUSTOMER });
  order = await f.confirmedOrder(customer, [
    { productId: jacket, qty: 3 },
    { productId: tee, qty: 2 },
  ]);
  const scan = multipart({ name: '客户签字确认.png', data: PNG, type: 'image/png' }, { kind: 'confirmation' });
  ok(await a.sales({ method: 'POST', url: `/api/orders/${order.id}/attachments`, ...scan }), 201);

  // 变更: two more T-shirts, approved, applied and confirmed by the customer.
  const change = await post(
    a.sales,
    `/api/orders/${order.id}/changes`,
    { actions: [{ type: 'change_qty', lineNo: 2, qty: 4 }], reason: '客户追加两件T恤', requestedBy: 'customer' },
    201,
  );
  changeNumber = change.number;
  await post(a.sales, `/api/change-requests/${change.id}/submit`);
  const stageUser: Record<string, As> = {
    sales: a.reviewer,
    finance: a.finance,
    warehouse: a.warehouse,
    production: a.planner,
    director: a.director,
    gm: a.gm,
  };
  for (const s of (await get(a.sales, `/api/change-requests/${change.id}`)).approvals)
    await post(stageUser[s.stage], `/api/change-requests/${change.id}/review`, { decision: 'approve' });
  await post(a.orderadmin, `/api/change-requests/${change.id}/apply`);
  await post(service, `/api/change-requests/${change.id}/confirm`, { method: 'electronic', note: '客户邮件确认' });

  // 分批发货: the jackets first, then the T-shirts.
  await shipAndDeliver([{ lineNo: 1, qty: 3 }], '张签收');
  await shipAndDeliver([{ lineNo: 2, qty: 4 }], '李签收');

  // 回访 finds a problem: a complaint, resolved with an allowance and closed.
  const callback = (await get(service, '/api/callbacks?status=open')).find(
    (c: { orderId: string }) => c.orderId === order.id,
  );
  const { complaint } = await post(service, `/api/callbacks/${callback.id}`, {
    outcome: 'problem',
    complaint: { type: 'damage', description: '外箱破损，一件夹克划伤' },
  });
  await post(service, `/api/complaints/${complaint.id}/resolve`, { resolution: 'allowance', amount: '10.00' });
  await post(service, `/api/complaints/${complaint.id}/close`, { result: '折让十元，客户认可', satisfaction: 'happy' });

  // 退货: one jacket back, inspected defective, refunded as a credit, closed.
  const ret = await post(
    service,
    '/api/returns',
    { orderId: order.id, lines: [{ lineNo: 1, qty: 1, reason: 'quality' }] },
    201,
  );
  returnNumber = ret.number;
  await post(a.orderadmin, `/api/returns/${ret.id}/review`, { decision: 'approve', reason: '夹克划伤属实' });
  await post(service, `/api/returns/${ret.id}/ship`, { method: 'pickup', carrier: '顺丰速运', trackingNo: 'SF-ARC-1' });
  await post(a.warehouse, `/api/returns/${ret.id}/receive`);
  await post(a.warehouse, `/api/returns/${ret.id}/inspect`, {
    warehouseId,
    lines: [{ lineNo: 1, good: 0, defective: 1 }],
  });
  await post(a.gm, `/api/returns/${ret.id}/refund/approve`, { reason: '同意' });
  await post(a.finance, `/api/returns/${ret.id}/refund`);
  await post(service, `/api/returns/${ret.id}/close`);
}, 300_000);
afterAll(() => t.close());

describe('an order finished and paid is archived', () => {
  it('is archived once paid and past the return window, with a history line', async () => {
    const total = (await get(a.finance, `/api/orders/${order.id}`)).total as string;
    await post(a.finance, `/api/orders/${order.id}/complete`, {
      number: 'INV-ARC-1',
      issuedOn: '2026-11-30',
      amount: total,
      taxRate: '13',
      type: 'special',
    });
    const later = new Date(Date.now() + 31 * 24 * 3600 * 1000); // past the 30-day return policy
    // Money is still owed: not archived, even after the return window.
    expect(await archiveFinished(t.database.db, later, { orderIds: [order.id] })).toEqual([]);
    const owed = (await get(a.finance, `/api/orders/${order.id}/payment`)).owed as string;
    expect(Number(owed)).toBeGreaterThan(0);
    const customerId = (await get(a.sales, `/api/orders/${order.id}`)).customer.id;
    await post(
      a.finance,
      '/api/receipts',
      {
        customerId,
        amount: owed,
        receivedOn: '2026-11-30',
        method: 'bank_transfer',
        reference: 'BANK-ARC-1',
        applications: [{ orderId: order.id, amount: owed }],
      },
      201,
    );
    // Paid, but the customer may still return goods within 30 days of delivery: not archived yet.
    expect((await get(a.sales, `/api/orders/${order.id}`)).archivedAt).toBeNull();
    expect(await archiveFinished(t.database.db, new Date())).not.toContain(order.id);
    // The daily job after the return window archives it, once.
    expect(await archiveFinished(t.database.db, later)).toContain(order.id);
    expect(await archiveFinished(t.database.db, later, { orderIds: [order.id] })).toEqual([]);
    const archived = await get(a.sales, `/api/orders/${order.id}`);
    expect(new Date(archived.archivedAt).toISOString()).toBe(later.toISOString());
    expect(archived.actions).toEqual([]); // read-only: the order page offers nothing to do
    expect((await get(a.admin, `/api/orders/${order.id}`)).actions).toEqual([]);
    const history = await get(a.sales, `/api/orders/${order.id}/history`);
    expect(history.at(-1)).toMatchObject({ event: 'archive', to: 'completed', reasonCode: 'order_archived' });
  });

  it('a payment that settles an order delivered beyond the return window archives it at once', async () => {
    const customer = await f.newCustomer('ARC2');
    const late = await f.confirmedOrder(customer, [{ productId: jacket, qty: 1 }]);
    const shipmentId = await f.packedShipment([late.id]);
    await post(a.warehouse, `/api/shipments/${shipmentId}/ship`);
    const actor = await f.actorOf('warehouse', ['logistics']);
    const longAgo = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    await t.database.db.transaction().execute((trx) =>
      deliverShipment(trx, actor, { now: longAgo, workingHours: defaultWorkingHours }, shipmentId, {
        signedBy: '王',
      }),
    );
    await post(a.finance, `/api/orders/${late.id}/complete`, {
      number: 'INV-ARC-2',
      issuedOn: '2026-11-30',
      amount: '120.00',
      taxRate: '13',
      type: 'normal',
    });
    expect((await get(a.sales, `/api/orders/${late.id}`)).archivedAt).toBeNull(); // not paid yet
    await post(
      a.finance,
      '/api/receipts',
      {
        customerId: customer,
        amount: '120.00',
        receivedOn: '2026-11-30',
        method: 'bank_transfer',
        reference: 'BANK-ARC-2',
        applications: [{ orderId: late.id, amount: '120.00' }],
      },
      201,
    );
    expect((await get(a.sales, `/api/orders/${late.id}`)).archivedAt).not.toBeNull();

    // A cancelled order waits for the nightly run.
    const draft = ok(
      await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(customer, [{ productId: jacket, qty: 1 }]),
      }),
      201,
    );
    await post(a.admin, `/api/orders/${draft.id}/cancel`, { reason: '客户撤单' });
    expect((await get(a.sales, `/api/orders/${draft.id}`)).archivedAt).toBeNull();
    expect(await archiveFinished(t.database.db, new Date(), { orderIds: [draft.id] })).toEqual([draft.id]);
  });

  it('refuses every change to the archived order with ORDER.ARCHIVED', async () => {
    const attempts: [As, string, unknown][] = [
      [
        a.sales,
        `/api/orders/${order.id}/changes`,
        { actions: [{ type: 'change_qty', lineNo: 2, qty: 5 }], reason: '再加', requestedBy: 'customer' },
      ],
      [service, '/api/returns', { orderId: order.id, lines: [{ lineNo: 2, qty: 1, reason: 'quality' }] }],
      [a.admin, `/api/orders/${order.id}/hold`, { reason: '试试' }],
      // Checked under the order's lock by the use case itself (archiveGuard: 'locked').
      [a.sales, `/api/orders/${order.id}/submit`, undefined],
      [a.reviewer, `/api/orders/${order.id}/review`, { decision: 'approve' }],
      [a.sales, `/api/orders/${order.id}/confirm`, { method: 'electronic' }],
    ];
    for (const [as, url, payload] of attempts) {
      const res = await as({ method: 'POST', url, payload: payload as object });
      expect(res.statusCode, url).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'ORDER.ARCHIVED',
        message: expect.stringContaining(order.number),
      });
    }
    const upload = multipart({ name: 'late.pdf', data: Buffer.from('%PDF late'), type: 'application/pdf' });
    const res = await a.sales({ method: 'POST', url: `/api/orders/${order.id}/attachments`, ...upload });
    expect(res.json().error.code).toBe('ORDER.ARCHIVED');
    const en = await a.admin({
      method: 'POST',
      url: `/api/orders/${order.id}/hold`,
      payload: { reason: 'x' },
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.message).toBe(`Order ${order.number} is archived: it can be read but no longer changed`);
  });

  it('the dossier PDF holds every document of the order', async () => {
    const started = performance.now();
    const res = await a.sales({ method: 'GET', url: `/api/orders/${order.id}/dossier` });
    pdfMs = performance.now() - started;
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    pdfBytes = res.rawPayload.length;
    pdf = await pdfText(res.rawPayload);
    for (const s of [
      `订单档案 ${order.number}`,
      CUSTOMER,
      '销售订单登记表',
      '销售订单审核表',
      '订单确认书',
      '客户签字确认扫描件',
      changeNumber,
      '客户追加两件T恤',
      '订单变更确认书',
      '订单版本',
      ...shipments,
      '张签收',
      '李签收',
      '签收凭证',
      '外箱破损，一件夹克划伤',
      '折让十元，客户认可',
      returnNumber,
      '夹克划伤属实',
      'BANK-ARC-1',
      'INV-ARC-1',
      '完整历史',
      '客户确认',
      '归档',
      '第 1 /',
    ])
      expect(pdf, s).toContain(s);
    // Headings and states in the reader's language, never as codes.
    expect(pdf).not.toMatch(/\b(partially_shipped|customer_confirmed|refund_pending|delivery_proof)\b/);
    const english = await pdfText(
      (await a.sales({ method: 'GET', url: `/api/orders/${order.id}/dossier`, headers: { 'accept-language': 'en' } }))
        .rawPayload,
    );
    for (const s of [`Order dossier ${order.number}`, 'Complete history', 'Complaints', CUSTOMER])
      expect(english).toContain(s);
  });

  it('the zip holds the PDF and every original upload', async () => {
    const res = await a.sales({ method: 'GET', url: `/api/orders/${order.id}/dossier?format=zip` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const entries = unzipEntries(res.rawPayload);
    const names = [...entries.keys()];
    expect(names[0]).toBe(`${order.number}.pdf`);
    expect(entries.get(`${order.number}.pdf`)!.subarray(0, 5).toString()).toBe('%PDF-');
    expect(names).toContain('uploads/order/客户签字确认.png');
    for (const n of shipments) expect(names).toContain(`uploads/shipment-${n}/签收单-${n}.png`);
    expect(entries.get('uploads/order/客户签字确认.png')).toEqual(PNG);
  });

  it('the archive search finds it by Chinese customer name, product, number and finish day', async () => {
    const search = (q: string) => get(a.sales, `/api/archive?${q}`);
    const byCustomer = await search(`q=${encodeURIComponent('青禾档案')}`);
    expect(byCustomer.items.map((x: { number: string }) => x.number)).toEqual([order.number]);
    expect(byCustomer.items[0]).toMatchObject({
      customerName: CUSTOMER,
      status: 'completed',
      products: expect.stringContaining('青禾棉麻夹克'),
    });
    expect((await search(`q=${encodeURIComponent('纯棉T恤')}`)).total).toBe(1);
    expect((await search(`q=ARC-T`)).total).toBe(1);
    expect((await search(`q=${order.number}`)).total).toBe(1);
    const day = byCustomer.items[0].finishedOn as string;
    expect((await search(`from=${day}&to=${day}`)).items.map((x: { id: string }) => x.id)).toContain(order.id);
    expect((await search(`from=2999-01-01`)).total).toBe(0);
    expect((await search(`q=${encodeURIComponent('不存在的客户')}`)).total).toBe(0);
    const bad = await a.sales({ method: 'GET', url: '/api/archive?from=yesterday' });
    expect(bad.statusCode).toBe(400);
    // Measured for the record: a dossier of this order (two shipments, a change, a complaint, a return).
    console.info(`dossier PDF: ${pdfBytes} bytes in ${Math.round(pdfMs)} ms`);
  });
});
