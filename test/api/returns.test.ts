import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { assertInvariants } from '../helpers/invariants';
import { multipart, readXlsxRows } from '../helpers/xlsx';
import { defaultWorkingHours } from '../../src/lib/calendar/calendar';
import { deliverShipment } from '../../src/modules/shipping/deliver-shipment';
import { returnLabels } from '../../src/modules/returns/return.labels';
import type { ReturnStatus } from '../../src/modules/returns/return.table';

// 退货单 from request to refund or exchange, against one shared database.

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let f: ReturnType<typeof fulfilmentFactories>;
let service: ReturnType<TestContext['as']>;
let jacket: string; // A-01, 120.00
let tee: string; // A-02, 59.90
let bag: string; // B-02, 45.00
let central: string;
let regional: string;

type As = ReturnType<TestContext['as']>;
const post = (as: As, url: string, payload: unknown = {}) => as({ method: 'POST', url, payload: payload as object });
const get = async (as: As, url: string) => (await as({ method: 'GET', url })).json();

/** An order shipped in full and delivered (now, unless told when). */
async function deliveredOrder(code: string, lines: { productId: string; qty: number }[], deliveredAt = new Date()) {
  const customerId = await f.newCustomer(code);
  const order = await f.confirmedOrder(customerId, lines);
  const shipmentId = await f.packedShipment([order.id]);
  const shipped = await post(a.warehouse, `/api/shipments/${shipmentId}/ship`);
  if (shipped.statusCode !== 200) throw new Error(shipped.body);
  const actor = await f.actorOf('warehouse', ['logistics']);
  await t.database.db.transaction().execute((trx) =>
    deliverShipment(trx, actor, { now: deliveredAt, workingHours: defaultWorkingHours }, shipmentId, {
      signedBy: '张三',
    }),
  );
  const o = await get(a.sales, `/api/orders/${order.id}`);
  return { orderId: order.id as string, customerId, total: o.total as string, lines: o.lines };
}

async function requestReturn(orderId: string, lines: { lineNo: number; qty: number; reason: string }[]) {
  const res = await post(service, '/api/returns', { orderId, lines });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
}

/** Approved, sent back, received and inspected. */
async function inspected(
  id: string,
  warehouseId: string,
  lines: { lineNo: number; good: number; defective: number }[],
) {
  for (const [as, url, body] of [
    [a.orderadmin, 'review', { decision: 'approve', reason: '质量问题属实' }],
    [service, 'ship', { method: 'pickup', carrier: '顺丰速运', trackingNo: 'SF100' }],
    [a.warehouse, 'receive', {}],
    [a.warehouse, 'inspect', { warehouseId, lines }],
  ] as const) {
    const res = await post(as, `/api/returns/${id}/${url}`, body);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.body}`);
  }
  return get(a.sales, `/api/returns/${id}`);
}

const balance = (warehouseId: string, productId: string) =>
  t.database.db
    .selectFrom('stock_balances')
    .select(['on_hand', 'reserved'])
    .where('company_id', '=', t.companyA)
    .where('warehouse_id', '=', warehouseId)
    .where('product_id', '=', productId)
    .executeTakeFirst();

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  f = fulfilmentFactories(t, a);
  service = t.as(await t.token('service'));
  jacket = (await productBySku(a.sales, 'A-01')).id;
  tee = (await productBySku(a.sales, 'A-02')).id;
  bag = (await productBySku(a.sales, 'B-02')).id;
  const warehouses = (await get(a.admin, '/api/warehouses')).items as { id: string; code: string }[];
  central = warehouses.find((w) => w.code === 'ZC')!.id;
  regional = warehouses.find((w) => w.code === 'SZ')!.id;
  const limit = await a.admin({
    method: 'PATCH',
    url: '/api/settings',
    payload: { returns: { financeRefundLimit: '100.00' } },
  });
  expect(limit.statusCode, limit.body).toBe(200);
});
afterAll(() => t.close());

let first: { orderId: string; customerId: string; total: string };
let firstReturn: string;
let paid: { orderId: string; customerId: string; total: string };
let paidReturn: string;
let waitingOrder: string; // confirmed in the regional warehouse with 1 jacket backordered

describe('requesting a return', () => {
  it('returns part of a shipped order, checked against the policy', async () => {
    first = await deliveredOrder('RT1', [
      { productId: jacket, qty: 3 },
      { productId: tee, qty: 2 },
    ]);
    const r = await requestReturn(first.orderId, [
      { lineNo: 1, qty: 2, reason: 'quality' },
      { lineNo: 2, qty: 1, reason: 'changed_mind' },
    ]);
    firstReturn = r.id;
    expect(r).toMatchObject({
      status: 'requested',
      orderId: first.orderId,
      number: expect.stringMatching(/^TH\d{8}-\d{3}$/),
      policy: {
        days: 30,
        daysSinceDelivery: 0,
        withinDays: true,
        inPolicy: true,
        lines: [
          { lineNo: 1, returnable: true, feePercent: '0' },
          { lineNo: 2, returnable: true, feePercent: '10' },
        ],
      },
      lines: [
        { lineNo: 1, qty: 2, reason: 'quality', unitPrice: '120.00' },
        { lineNo: 2, qty: 1, reason: 'changed_mind', unitPrice: '59.90' },
      ],
    });
    expect(r.actions).toEqual([]);
    expect((await get(a.orderadmin, `/api/returns/${r.id}`)).actions).toEqual(['approve', 'reject']);
    const list = await get(a.sales, `/api/returns?order=${first.orderId}`);
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([r.id]);
  });

  it('two requests racing for the same units: one gets them, the other is refused', async () => {
    const o = await deliveredOrder('RT7', [{ productId: bag, qty: 2 }]);
    const body = { orderId: o.orderId, lines: [{ lineNo: 1, qty: 2, reason: 'other' }] };
    const [x, y] = await Promise.all([post(service, '/api/returns', body), post(a.orderadmin, '/api/returns', body)]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([201, 400]);
    expect((await get(a.sales, `/api/returns?order=${o.orderId}`)).total).toBe(1);
  });

  it('refuses more than shipped minus returned or being returned, naming the line', async () => {
    const res = await post(service, '/api/returns', {
      orderId: first.orderId,
      lines: [{ lineNo: 1, qty: 2, reason: 'quality' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'RETURN.QTY_EXCEEDS',
      message: expect.stringContaining('第 1 行最多可退 1 件'),
    });
    expect(JSON.stringify(res.json().error)).toContain('lines.0.qty');
    const noLine = await post(service, '/api/returns', {
      orderId: first.orderId,
      lines: [{ lineNo: 9, qty: 1, reason: 'quality' }],
    });
    expect(noLine.statusCode).toBe(400);
    expect(JSON.stringify(noLine.json().error)).toContain('lines.0.lineNo');
    const bad = await post(service, '/api/returns', {
      orderId: first.orderId,
      lines: [{ lineNo: 1, qty: 1, reason: 'bored' }],
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('receiving and inspecting', () => {
  it('puts good units back in available stock; defective ones go to quarantine, which cannot be reserved', async () => {
    expect(await balance(regional, jacket)).toBeUndefined();
    const r = await inspected(firstReturn, regional, [
      { lineNo: 1, good: 1, defective: 1 },
      { lineNo: 2, good: 1, defective: 0 },
    ]);
    expect(r).toMatchObject({
      status: 'inspected',
      warehouseId: regional,
      lines: [
        { lineNo: 1, good: 1, defective: 1 },
        { lineNo: 2, good: 1, defective: 0 },
      ],
      // 2 × 120.00 + 59.90 less 10% of 59.90 (changed mind)
      refund: { value: '299.90', fee: '5.99', amount: '293.91', needsGm: true },
    });
    expect(await balance(regional, jacket)).toEqual({ on_hand: 1, reserved: 0 });
    expect(await get(a.warehouse, `/api/returns/quarantine?warehouse=${regional}`)).toEqual([
      { warehouseId: regional, warehouseCode: 'SZ', productId: jacket, sku: 'A-01', name: expect.any(String), qty: 1 },
    ]);
    const lines = await t.database.db
      .selectFrom('order_lines')
      .select(['line_no', 'shipped', 'returned'])
      .where('order_id', '=', first.orderId)
      .orderBy('line_no')
      .execute();
    expect(lines).toEqual([
      { line_no: 1, shipped: 3, returned: 2 },
      { line_no: 2, shipped: 2, returned: 1 },
    ]);
    // An order for 2 from the regional warehouse gets the 1 good unit; the defective one is not stock.
    const customerId = await f.newCustomer('RTRES');
    const o = await f.confirmedOrder(customerId, [{ productId: jacket, qty: 2 }], { warehouseId: regional });
    waitingOrder = o.id;
    const ordered = await get(a.sales, `/api/orders/${o.id}`);
    expect(ordered.lines[0]).toMatchObject({ reserved: 1, backordered: 1 });
    expect(await balance(regional, jacket)).toEqual({ on_hand: 1, reserved: 1 });
  });

  it('good units fill a waiting backorder in that warehouse, as a goods receipt does', async () => {
    const o = await deliveredOrder('RTBO', [{ productId: jacket, qty: 1 }]);
    const r = await requestReturn(o.orderId, [{ lineNo: 1, qty: 1, reason: 'quality' }]);
    await inspected(r.id, regional, [{ lineNo: 1, good: 1, defective: 0 }]);
    const waiting = await get(a.sales, `/api/orders/${waitingOrder}`);
    expect(waiting.lines[0]).toMatchObject({ reserved: 2, backordered: 0 });
    expect(await balance(regional, jacket)).toEqual({ on_hand: 2, reserved: 2 });
    await expect(assertInvariants(t.database.db)).resolves.toBeUndefined();
  });
});

describe('refunds', () => {
  it('needs the general manager at or above finance limit; finance alone is refused', async () => {
    const refused = await post(a.finance, `/api/returns/${firstReturn}/refund/approve`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('RETURN.REFUND_NEEDS_GM');
    expect((await get(a.finance, `/api/returns/${firstReturn}`)).actions).toEqual([]);
    expect((await get(a.gm, `/api/returns/${firstReturn}`)).actions).toEqual(['approve_refund']);
    const approved = await post(a.gm, `/api/returns/${firstReturn}/refund/approve`, { reason: '同意' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'refund_pending', refund: { approvedAt: expect.any(String) } });
    expect((await get(a.finance, `/api/returns/${firstReturn}`)).actions).toEqual(['refund']);
  });

  it('on an unpaid order, is a credit against the receivable (a negative receivable row)', async () => {
    const before = await get(a.finance, `/api/orders/${first.orderId}/payment`);
    expect(before).toMatchObject({ paid: '0.00', owed: first.total });
    const res = await post(a.finance, `/api/returns/${firstReturn}/refund`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'refunded',
      refund: { amount: '293.91', credit: '293.91', paid: '0.00', receiptId: null, redLetter: null },
    });
    const credits = await t.database.db
      .selectFrom('receivables')
      .select(['kind', 'amount'])
      .where('order_id', '=', first.orderId)
      .where('kind', '=', 'return_credit')
      .execute();
    expect(credits).toEqual([{ kind: 'return_credit', amount: '-293.91' }]);
    const after = await get(a.finance, `/api/orders/${first.orderId}/payment`);
    expect(after).toMatchObject({ paid: '0.00', allowances: '293.91' });
    expect(Number(after.owed)).toBeCloseTo(Number(first.total) - 293.91, 2);
    const closed = await post(service, `/api/returns/${firstReturn}/close`);
    expect(closed.json()).toMatchObject({ status: 'closed', actions: [] });
  });

  it('on a paid and invoiced order: a refund payment and a red-letter record against the invoice', async () => {
    paid = await deliveredOrder('RT2', [{ productId: jacket, qty: 2 }]);
    expect(paid.total).toBe('240.00');
    const receipt = await post(a.finance, '/api/receipts', {
      customerId: paid.customerId,
      amount: '240.00',
      receivedOn: '2026-11-20',
      method: 'bank_transfer',
      reference: 'BANK-RT2',
      applications: [{ orderId: paid.orderId, amount: '240.00' }],
    });
    expect(receipt.statusCode, receipt.body).toBe(201);
    const done = await post(a.finance, `/api/orders/${paid.orderId}/complete`, {
      number: 'INV-RT2',
      issuedOn: '2026-11-30',
      amount: '240.00',
      taxRate: '13',
      type: 'normal',
    });
    expect(done.statusCode, done.body).toBe(200);

    const r = await requestReturn(paid.orderId, [{ lineNo: 1, qty: 1, reason: 'damage' }]);
    paidReturn = r.id;
    await inspected(r.id, central, [{ lineNo: 1, good: 1, defective: 0 }]);
    expect((await post(a.gm, `/api/returns/${r.id}/refund/approve`)).statusCode).toBe(200);
    const noRedLetter = await post(a.finance, `/api/returns/${r.id}/refund`, { method: 'bank_transfer' });
    expect(noRedLetter.statusCode).toBe(400);
    expect(noRedLetter.json().error.code).toBe('RETURN.RED_LETTER_REQUIRED');
    expect(JSON.stringify(noRedLetter.json().error)).toContain('redLetterNumber');
    expect((await get(a.finance, `/api/returns/${r.id}`)).status).toBe('refund_pending');

    const res = await post(a.finance, `/api/returns/${r.id}/refund`, {
      method: 'bank_transfer',
      redLetterNumber: 'HZ4403001',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'refunded',
      refund: {
        amount: '120.00',
        credit: '120.00',
        paid: '120.00',
        receiptId: expect.any(String),
        redLetter: { number: 'HZ4403001', invoiceNumber: 'INV-RT2', amount: '-120.00' },
      },
    });
    const refund = await get(a.finance, `/api/receipts/${res.json().refund.receiptId}`);
    expect(refund).toMatchObject({ amount: '-120.00' });
    expect(await get(a.finance, `/api/orders/${paid.orderId}/payment`)).toMatchObject({
      paid: '120.00',
      allowances: '120.00',
      owed: '0.00',
    });
    const invoice = await t.database.db
      .selectFrom('invoices')
      .select(['number', 'amount'])
      .where('order_id', '=', paid.orderId)
      .execute();
    expect(invoice).toEqual([{ number: 'INV-RT2', amount: '240.00' }]);
  });

  it('finance approves a refund below its limit alone', async () => {
    const r = await requestReturn(paid.orderId, [{ lineNo: 1, qty: 1, reason: 'changed_mind' }]);
    const limit = (amount: string) =>
      a.admin({ method: 'PATCH', url: '/api/settings', payload: { returns: { financeRefundLimit: amount } } });
    expect((await limit('200.00')).statusCode).toBe(200);
    const done = await inspected(r.id, central, [{ lineNo: 1, good: 1, defective: 0 }]);
    // 120.00 less 10% (changed mind): 108.00, below the 200.00 limit
    expect(done.refund).toMatchObject({ amount: '108.00', fee: '12.00', needsGm: false });
    expect(done.actions).toEqual([]);
    expect((await get(a.finance, `/api/returns/${r.id}`)).actions).toEqual(['approve_refund']);
    const approved = await post(a.finance, `/api/returns/${r.id}/refund/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('refund_pending');
    expect((await limit('100.00')).statusCode).toBe(200);
    // The order was paid in full: the whole refund goes back to the customer, against the invoice again.
    const taken = await post(a.finance, `/api/returns/${r.id}/refund`, { redLetterNumber: 'HZ4403001' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('RETURN.RED_LETTER_TAKEN');
    const res = await post(a.finance, `/api/returns/${r.id}/refund`, { redLetterNumber: 'HZ4403002' });
    expect(res.json().refund).toMatchObject({ credit: '108.00', paid: '108.00', redLetter: { amount: '-108.00' } });
    expect(await get(a.finance, `/api/orders/${paid.orderId}/payment`)).toMatchObject({
      paid: '12.00',
      allowances: '228.00',
      owed: '0.00',
    });
  });
});

describe('refund to the balance', () => {
  it("leaves what was paid as the customer's balance when asked, instead of paying it out", async () => {
    const o = await deliveredOrder('RT6', [{ productId: jacket, qty: 1 }]);
    const receipt = await post(a.finance, '/api/receipts', {
      customerId: o.customerId,
      amount: '120.00',
      receivedOn: '2026-11-20',
      method: 'bank_transfer',
      reference: 'BANK-RT6',
      applications: [{ orderId: o.orderId, amount: '120.00' }],
    });
    expect(receipt.statusCode, receipt.body).toBe(201);
    const r = await requestReturn(o.orderId, [{ lineNo: 1, qty: 1, reason: 'quality' }]);
    await inspected(r.id, central, [{ lineNo: 1, good: 0, defective: 1 }]);
    expect((await post(a.gm, `/api/returns/${r.id}/refund/approve`)).statusCode).toBe(200);
    const res = await post(a.finance, `/api/returns/${r.id}/refund`, { refundTo: 'balance' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().refund).toMatchObject({ credit: '120.00', paid: '120.00', paidTo: 'balance', receiptId: null });
    expect(await get(a.finance, `/api/customers/${o.customerId}/balance`)).toMatchObject({ balance: '120.00' });
    expect(await get(a.finance, `/api/orders/${o.orderId}/payment`)).toMatchObject({
      paid: '0.00',
      allowances: '120.00',
      owed: '0.00',
    });
    // Everything came back: nothing more can be returned.
    const again = await post(service, '/api/returns', {
      orderId: o.orderId,
      lines: [{ lineNo: 1, qty: 1, reason: 'quality' }],
    });
    expect(again.json().error).toMatchObject({ code: 'RETURN.QTY_EXCEEDS' });
  });
});

describe('exchange', () => {
  it('creates a zero-price replacement order, linked both ways', async () => {
    const r = await requestReturn(first.orderId, [{ lineNo: 2, qty: 1, reason: 'wrong_item' }]);
    await inspected(r.id, central, [{ lineNo: 2, good: 1, defective: 0 }]);
    const res = await post(a.orderadmin, `/api/returns/${r.id}/exchange`, { reason: '换同款白色 L 码' });
    expect(res.statusCode, res.body).toBe(200);
    const ex = res.json();
    expect(ex).toMatchObject({ status: 'exchange', replacementOrderId: expect.any(String), actions: ['close'] });
    const order = await get(a.sales, `/api/orders/${ex.replacementOrderId}`);
    expect(order).toMatchObject({ orderType: 'replacement', total: '0.00', status: 'draft' });
    expect(order.lines).toMatchObject([{ productId: tee, qty: 1, unitPrice: '0.00' }]);
    expect(ex.replacementOrderNumber).toBe(order.number);
    const back = await get(a.sales, `/api/returns?order=${ex.replacementOrderId}`);
    expect(back.items.map((x: { id: string }) => x.id)).toEqual([r.id]);
    expect((await post(a.orderadmin, `/api/returns/${r.id}/close`)).json().status).toBe('closed');
    // The order's timeline shows the moves of both its returns, oldest first.
    const timeline = await get(a.sales, `/api/returns/history?order=${first.orderId}`);
    expect(timeline.map((h: { returnId: string; event: string }) => [h.returnId === r.id, h.event])).toEqual([
      ...['approve', 'ship', 'receive', 'inspect', 'approve_refund', 'refund', 'close'].map((e) => [false, e]),
      ...['approve', 'ship', 'receive', 'inspect', 'exchange', 'close'].map((e) => [true, e]),
    ]);
  });
});

describe('lifecycle rules', () => {
  it('refuses every illegal move with 409', async () => {
    const o = await deliveredOrder('RT3', [{ productId: bag, qty: 2 }]);
    const r = await requestReturn(o.orderId, [{ lineNo: 1, qty: 1, reason: 'other' }]);
    const moves: [As, string, unknown][] = [
      [a.warehouse, 'receive', {}],
      [a.warehouse, 'inspect', { warehouseId: central, lines: [] }],
      [a.gm, 'refund/approve', {}],
      [a.finance, 'refund', {}],
      [a.orderadmin, 'exchange', {}],
      [a.orderadmin, 'close', {}],
      [service, 'ship', { method: 'pickup', carrier: '顺丰', trackingNo: 'SF1' }],
    ];
    for (const [as, url, body] of moves) {
      const res = await post(as, `/api/returns/${r.id}/${url}`, body);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(409);
      expect(res.json().error.code).toBe('STATE.ILLEGAL_TRANSITION');
    }
    expect(
      (await post(a.warehouse, `/api/returns/${r.id}/review`, { decision: 'approve', reason: 'x' })).statusCode,
    ).toBe(403);
    const rejected = await post(a.orderadmin, `/api/returns/${r.id}/review`, { decision: 'reject', reason: '已超期' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', actions: ['close'] });
    for (const [as, url, body] of [
      [a.orderadmin, 'review', { decision: 'approve', reason: 'x' }],
      [service, 'ship', { method: 'pickup', carrier: '顺丰', trackingNo: 'SF1' }],
      [a.warehouse, 'receive', {}],
    ] as const) {
      const res = await post(as, `/api/returns/${r.id}/${url}`, body);
      expect(res.statusCode, url).toBe(409);
    }
    const history = await t.database.db
      .selectFrom('state_history')
      .select(['from_state', 'to_state', 'event', 'reason'])
      .where('entity_type', '=', 'return_request')
      .where('entity_id', '=', r.id)
      .execute();
    expect(history).toEqual([{ from_state: 'requested', to_state: 'rejected', event: 'reject', reason: '已超期' }]);
    // The rejected request no longer holds its unit: both may be asked for again.
    expect(
      (await post(service, '/api/returns', { orderId: o.orderId, lines: [{ lineNo: 1, qty: 2, reason: 'other' }] }))
        .statusCode,
    ).toBe(201);
  });

  it('out of policy (late, or a product not returnable): the sales director approves with a reason', async () => {
    const o = await deliveredOrder('RT4', [{ productId: bag, qty: 1 }], new Date(Date.now() - 40 * 86_400_000));
    // The product is marked not returnable through the product API, as an order admin would.
    const markReturnable = (returnable: boolean) =>
      a.orderadmin({ method: 'PATCH', url: `/api/products/${bag}`, payload: { returnable } });
    expect((await markReturnable(false)).json()).toMatchObject({ returnable: false });
    const r = await requestReturn(o.orderId, [{ lineNo: 1, qty: 1, reason: 'changed_mind' }]);
    expect((await markReturnable(true)).json()).toMatchObject({ returnable: true });
    expect(r.policy).toMatchObject({
      withinDays: false,
      daysSinceDelivery: 40,
      inPolicy: false,
      lines: [{ lineNo: 1, returnable: false }],
    });
    expect((await get(a.orderadmin, `/api/returns/${r.id}`)).actions).toEqual(['reject']);
    const refused = await post(a.orderadmin, `/api/returns/${r.id}/review`, { decision: 'approve', reason: '老客户' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('RETURN.OUT_OF_POLICY');
    const ok = await post(a.director, `/api/returns/${r.id}/review`, { decision: 'approve', reason: '老客户，特批' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', review: { reason: '老客户，特批' } });
  });

  it('a complaint resolved as a return opens a real return, linked to the complaint', async () => {
    const o = await deliveredOrder('RT5', [{ productId: tee, qty: 2 }]);
    const cb = (await get(service, '/api/callbacks')).find((c: { orderId: string }) => c.orderId === o.orderId);
    const { complaint } = (
      await post(service, `/api/callbacks/${cb.id}`, {
        outcome: 'problem',
        complaint: { type: 'quality', description: '开线' },
      })
    ).json();
    const resolved = await post(service, `/api/complaints/${complaint.id}/resolve`, { resolution: 'return' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const r = await get(a.sales, `/api/returns/${resolved.json().returnRequestId}`);
    expect(r).toMatchObject({
      status: 'requested',
      orderId: o.orderId,
      complaintId: complaint.id,
      lines: [{ lineNo: 1, qty: 2, reason: 'quality' }],
    });
  });

  it('prints the 退货单 as HTML and xlsx, photos attached', async () => {
    const photo = await service({
      method: 'POST',
      url: `/api/returns/${paidReturn}/photos`,
      ...multipart({ name: 'box.jpg', data: Buffer.from('JPEG photo'), type: 'image/jpeg' }),
    });
    expect(photo.statusCode, photo.body).toBe(201);
    expect((await get(a.sales, `/api/returns/${paidReturn}`)).photos).toMatchObject([
      { filename: 'box.jpg', kind: 'photo', ownerType: 'return' },
    ]);
    const html = await a.sales({ method: 'GET', url: `/api/returns/${paidReturn}/form?format=html` });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('退货单');
    expect(html.body).toContain('HZ4403001');
    expect(html.body).toContain('¥120.00');
    const xlsx = await a.sales({ method: 'GET', url: `/api/returns/${paidReturn}/form?format=xlsx` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('the books still hold: balances equal the sums of their rows', async () => {
    await expect(assertInvariants(t.database.db)).resolves.toBeUndefined();
    const q = await t.database.db.selectFrom('quarantine_movements').select(['qty_delta', 'reference']).execute();
    expect(q).toHaveLength(2);
  });
});

describe('the returns list', () => {
  it('is filtered by status and searched by order number or customer, and exports what the filter shows', async () => {
    const order = await get(a.sales, `/api/orders/${first.orderId}`);
    const customer = await get(a.sales, `/api/customers/${first.customerId}`);
    const status = (await get(a.sales, `/api/returns/${firstReturn}`)).status as string;
    const list = async (query: string) =>
      ((await get(a.sales, `/api/returns?${query}`)).items as { id: string; number: string; status: string }[]).map(
        (r) => r.id,
      );
    const byOrder = await list(`q=${encodeURIComponent(order.number)}`);
    expect(byOrder).toContain(firstReturn);
    expect(byOrder).not.toContain(paidReturn);
    expect(await list(`q=${encodeURIComponent(customer.code)}`)).toEqual(byOrder);
    expect(await list(`q=${encodeURIComponent(order.number)}&status=${status}`)).toContain(firstReturn);
    const other = status === 'closed' ? 'requested' : 'closed';
    expect(await list(`q=${encodeURIComponent(order.number)}&status=${other}`)).not.toContain(firstReturn);
    expect(await list('q=no-such-return')).toEqual([]);

    const res = await a.sales({ method: 'GET', url: `/api/returns/export.xlsx?q=${encodeURIComponent(order.number)}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const [header, ...rows] = (await readXlsxRows(res.rawPayload))['退货单'];
    expect(header.slice(0, 2)).toEqual(['退货单号', '订单号']);
    const shown = (await get(a.sales, `/api/returns?q=${encodeURIComponent(order.number)}`)).items as {
      number: string;
    }[];
    expect(rows.map((r) => r[0])).toEqual(shown.map((r) => r.number));
    expect(rows.every((r) => r[1] === order.number)).toBe(true);
    // Statuses in words, never codes.
    const firstNumber = (await get(a.sales, `/api/returns/${firstReturn}`)).number;
    expect(rows.find((r) => r[0] === firstNumber)?.[4]).toBe(returnLabels.states[status as ReturnStatus].zh);
    const english = await a.sales({
      method: 'GET',
      url: `/api/returns/export.xlsx?q=${encodeURIComponent(order.number)}&lang=en`,
    });
    const [enHeader, ...enRows] = (await readXlsxRows(english.rawPayload)).Returns;
    expect(enHeader.slice(0, 2)).toEqual(['Return', 'Order']);
    expect(enRows.find((r) => r[0] === firstNumber)?.[4]).toBe(returnLabels.states[status as ReturnStatus].en);
    const none = await a.sales({ method: 'GET', url: `/api/returns/export.xlsx?status=${other}&q=no-such-return` });
    expect((await readXlsxRows(none.rawPayload))['退货单']).toHaveLength(1);
    const bad = await a.sales({ method: 'GET', url: '/api/returns/export.xlsx?status=lost' });
    expect(bad.statusCode).toBe(400);
  });
});
