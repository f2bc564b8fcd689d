import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';

// Complaints registered on any shipped order; special order types (赔货, 免费样机, 备货 · 备料).
let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let f: ReturnType<typeof fulfilmentFactories>;
let service: ReturnType<TestContext['as']>;
let warehouseId: string;
const products: Record<string, { id: string }> = {};

async function receive(productId: string, qty: number) {
  const r = await a.warehouse({
    method: 'POST',
    url: '/api/stock/receipts',
    payload: { warehouseId, lines: [{ productId, qty }], reference: 'SP-IN' },
  });
  if (r.statusCode !== 201) throw new Error(r.body);
}

const balance = async (productId: string) =>
  (await a.warehouse({ method: 'GET', url: `/api/stock?pageSize=500` }))
    .json()
    .items.find(
      (b: { productId: string; warehouseId: string }) => b.productId === productId && b.warehouseId === warehouseId,
    ) as { onHand: number; reserved: number; available: number };

async function shipEverything(orderId: string) {
  const id = await f.packedShipment([orderId]);
  const r = await a.warehouse({ method: 'POST', url: `/api/shipments/${id}/ship`, payload: {} });
  if (r.statusCode !== 200) throw new Error(r.body);
  return id;
}

async function newProduct(sku: string, listPrice: string, standardCost: string) {
  const p = await a.admin({
    method: 'POST',
    url: '/api/products',
    payload: { sku, name: sku, listPrice, standardCost },
  });
  if (p.statusCode !== 201) throw new Error(p.body);
  products[sku] = p.json();
  return p.json() as { id: string };
}

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  f = fulfilmentFactories(t, a);
  service = t.as(await t.token('service'));
  const w = (await a.admin({ method: 'GET', url: '/api/warehouses' })).json();
  warehouseId = (w.items ?? w).find((x: { kind: string }) => x.kind === 'central').id;
  await newProduct('SP-A', '100.00', '60.00');
  await newProduct('SP-B', '50.00', '30.00');
});
afterAll(() => t.close());

describe('complaints registered on any shipped or delivered order', () => {
  it('opens a complaint on a shipped order without a call-back; closes it with result and satisfaction', async () => {
    await receive(products['SP-A'].id, 2);
    const customer = await f.newCustomer('CP1');
    const order = await f.confirmedOrder(customer, [{ productId: products['SP-A'].id, qty: 2 }]);
    const before = (await service({ method: 'GET', url: `/api/orders/${order.id}` })).json();
    expect(before.actions).not.toContain('complain');
    const early = await service({
      method: 'POST',
      url: '/api/complaints',
      payload: { orderId: order.id, type: 'late', description: '还没发货' },
    });
    expect(early.statusCode).toBe(409);

    await shipEverything(order.id);
    const shipped = (await service({ method: 'GET', url: `/api/orders/${order.id}` })).json();
    expect(shipped.status).toBe('shipped');
    expect(shipped.actions).toContain('complain');
    expect((await a.sales({ method: 'GET', url: `/api/orders/${order.id}` })).json().actions).not.toContain('complain');

    const res = await service({
      method: 'POST',
      url: '/api/complaints',
      payload: { orderId: order.id, type: 'damage', description: '外箱破损' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      orderId: order.id,
      type: 'damage',
      status: 'open',
      actions: ['resolve', 'close'],
    });
    expect(
      (
        await a.sales({
          method: 'POST',
          url: '/api/complaints',
          payload: { orderId: order.id, type: 'damage', description: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    const bad = await service({ method: 'POST', url: '/api/complaints', payload: { orderId: order.id, type: 'x' } });
    expect(bad.statusCode).toBe(400);

    const closed = await service({
      method: 'POST',
      url: `/api/complaints/${res.json().id}/close`,
      payload: { result: '补发外箱，客户认可', satisfaction: 5 },
    });
    expect(closed.json()).toMatchObject({ status: 'closed', closeResult: '补发外箱，客户认可', satisfaction: 5 });
  });
});

describe('replacement orders (赔货)', () => {
  it('a replacement without its fault or reason is a 400 naming the field', async () => {
    const customer = await f.newCustomer('RP0');
    const base = { customerId: customer, source: 'email', orderType: 'replacement' };
    const lines = [{ productId: products['SP-A'].id, qty: 1 }];
    const none = await a.sales({ method: 'POST', url: '/api/orders', payload: { ...base, lines } });
    expect(none.statusCode).toBe(400);
    expect(JSON.stringify(none.json().error)).toContain('replacement');
    const noReason = await a.sales({
      method: 'POST',
      url: '/api/orders',
      payload: { ...base, lines, replacement: { faultParty: 'company', costBearer: 'company' } },
    });
    expect(noReason.statusCode).toBe(400);
    expect(JSON.stringify(noReason.json().error)).toContain('replacement.reason');
    const noFault = await a.sales({
      method: 'POST',
      url: '/api/orders',
      payload: { ...base, lines, replacement: { costBearer: 'company', reason: '破损补发' } },
    });
    expect(noFault.statusCode).toBe(400);
    expect(JSON.stringify(noFault.json().error)).toContain('replacement.faultParty');
  });

  it('our fault: zero profit (priced at cost), never below; the GM stage always, seeing fault and reason', async () => {
    await receive(products['SP-A'].id, 5);
    const customer = await f.newCustomer('RP1');
    const original = await f.confirmedOrder(customer, [{ productId: products['SP-A'].id, qty: 1 }]);
    const replacement = {
      faultParty: 'company',
      costBearer: 'company',
      reason: '发错型号，补发',
      replacesOrderId: original.id,
    };
    const below = await a.sales({
      method: 'POST',
      url: '/api/orders',
      payload: {
        customerId: customer,
        source: 'email',
        expectedDeliveryDate: '2026-12-20',
        orderType: 'replacement',
        replacement,
        lines: [{ productId: products['SP-A'].id, qty: 1, unitPrice: '10.00' }],
      },
    });
    expect(below.statusCode).toBe(400);
    expect(below.json().error.code).toBe('ORDER.REPLACEMENT_MARGIN');

    const res = await a.sales({
      method: 'POST',
      url: '/api/orders',
      payload: {
        customerId: customer,
        source: 'email',
        expectedDeliveryDate: '2026-12-20',
        orderType: 'replacement',
        replacement,
        lines: [{ productId: products['SP-A'].id, qty: 2 }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      total: '120.00',
      costTotal: '120.00',
      margin: '0.00',
      replacement: {
        faultParty: 'company',
        costBearer: 'company',
        reason: '发错型号，补发',
        replacesOrderId: original.id,
      },
    });
    const id = res.json().id;
    const submitted = await a.sales({ method: 'POST', url: `/api/orders/${id}/submit` });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const review = (await a.gm({ method: 'GET', url: `/api/orders/${id}/review` })).json();
    expect(review.stages.map((s: { stage: string }) => s.stage)).toContain('gm');
    expect((await a.gm({ method: 'GET', url: `/api/orders/${id}` })).json().replacement.reason).toBe('发错型号，补发');
  });

  it("the carrier's or customer's fault may be negative profit", async () => {
    const customer = await f.newCustomer('RP2');
    const res = await a.sales({
      method: 'POST',
      url: '/api/orders',
      payload: {
        customerId: customer,
        source: 'email',
        expectedDeliveryDate: '2026-12-20',
        orderType: 'replacement',
        replacement: { faultParty: 'carrier', costBearer: 'company', reason: '运输破损，承运商拒赔' },
        lines: [{ productId: products['SP-A'].id, qty: 1, unitPrice: '0.00' }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ total: '0.00', margin: '-60.00', replacement: { faultParty: 'carrier' } });
    const other = await a.sales({
      method: 'POST',
      url: '/api/orders',
      payload: {
        customerId: await f.newCustomer('RP3'),
        source: 'email',
        expectedDeliveryDate: '2026-12-20',
        orderType: 'replacement',
        replacement: { faultParty: 'customer', costBearer: 'customer', reason: 'x', replacesOrderId: res.json().id },
        lines: [{ productId: products['SP-A'].id, qty: 1 }],
      },
    });
    expect(other.statusCode).toBe(400);
    expect(JSON.stringify(other.json().error)).toContain('replacement.replacesOrderId');
  });
});

describe('free samples (免费样机)', () => {
  it('free, via finance and the GM; no receivable; each shipped line out until returned or written off', async () => {
    await receive(products['SP-A'].id, 1);
    await receive(products['SP-B'].id, 2);
    const customer = await f.newCustomer('SM1');
    const res = await a.sales({
      method: 'POST',
      url: '/api/orders',
      payload: {
        customerId: customer,
        source: 'email',
        expectedDeliveryDate: '2026-12-20',
        orderType: 'sample',
        lines: [
          { productId: products['SP-A'].id, qty: 1, unitPrice: '100.00' },
          { productId: products['SP-B'].id, qty: 2 },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ total: '0.00', costTotal: '120.00' });
    const id = res.json().id as string;
    const submitted = await a.sales({ method: 'POST', url: `/api/orders/${id}/submit` });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const stages = (await a.gm({ method: 'GET', url: `/api/orders/${id}/review` })).json().stages;
    expect(stages.map((s: { stage: string }) => s.stage)).toEqual(expect.arrayContaining(['finance', 'gm']));
    const { approveAllStages } = await import('../helpers/orders');
    await approveAllStages(t, a, id);
    const confirmed = await a.sales({
      method: 'POST',
      url: `/api/orders/${id}/confirm`,
      payload: { method: 'electronic' },
    });
    expect(confirmed.json().order.status).toBe('confirmed');
    const stockB = await balance(products['SP-B'].id);
    await shipEverything(id);
    expect(await balance(products['SP-B'].id)).toMatchObject({ onHand: stockB.onHand - 2 });
    expect((await a.finance({ method: 'GET', url: `/api/receivables?customer=${customer}` })).json().items).toEqual([]);

    const loans = (await a.warehouse({ method: 'GET', url: `/api/samples?customer=${customer}` })).json();
    expect(loans).toHaveLength(2);
    const loanA = loans.find((l: { productId: string }) => l.productId === products['SP-A'].id);
    const loanB = loans.find((l: { productId: string }) => l.productId === products['SP-B'].id);
    expect(loanB).toMatchObject({ qty: 2, status: 'out', orderId: id, actions: ['return'] });

    const returned = await a.warehouse({ method: 'POST', url: `/api/samples/${loanB.id}/return`, payload: {} });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', actions: [] });
    expect(await balance(products['SP-B'].id)).toMatchObject({ onHand: stockB.onHand });
    const movements = (await a.warehouse({ method: 'GET', url: `/api/stock/movements?pageSize=5` })).json().items;
    expect(movements[0]).toMatchObject({ kind: 'return', onHandDelta: 2, productId: products['SP-B'].id });
    expect(
      (await a.warehouse({ method: 'POST', url: `/api/samples/${loanB.id}/return`, payload: {} })).statusCode,
    ).toBe(409);

    const noReason = await a.finance({ method: 'POST', url: `/api/samples/${loanA.id}/write-off`, payload: {} });
    expect(noReason.statusCode).toBe(400);
    expect(
      (await a.warehouse({ method: 'POST', url: `/api/samples/${loanA.id}/write-off`, payload: { reason: 'x' } }))
        .statusCode,
    ).toBe(403);
    const writtenOff = await a.finance({
      method: 'POST',
      url: `/api/samples/${loanA.id}/write-off`,
      payload: { reason: '客户留用，作市场推广' },
    });
    expect(writtenOff.json()).toMatchObject({ status: 'written_off', reason: '客户留用，作市场推广' });
    expect((await a.finance({ method: 'GET', url: '/api/samples?status=out' })).json()).toEqual([]);
  });
});

describe('stock and material prep without a sales order (备货 · 备料)', () => {
  const prep = (customerId: string | undefined, productId: string, qty: number, kind = 'stock') =>
    a.sales({
      method: 'POST',
      url: '/api/prep-requests',
      payload: {
        kind,
        customerId,
        forecastNote: '旺季预测',
        expectedDate: '2026-12-31',
        lines: [{ productId, qty }],
      },
    });

  async function produce(prepId: string) {
    const detail = (await a.planner({ method: 'GET', url: `/api/prep-requests/${prepId}` })).json();
    for (const r of detail.productionRequests) {
      for (const [url, payload] of [
        [`/api/production-requests/${r.id}/answer`, { decision: 'answer', completionDate: '2026-12-20' }],
        [`/api/production-requests/${r.id}/progress`, { event: 'start' }],
        [`/api/production-requests/${r.id}/progress`, { event: 'finish' }],
      ] as const) {
        const res = await a.planner({ method: 'POST', url, payload });
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.body}`);
      }
    }
  }

  it('director approves; produced goods are earmarked for the customer, whose order takes them first', async () => {
    const sku = await newProduct('SP-C', '80.00', '40.00');
    const owner = await f.newCustomer('PX1');
    const other = await f.newCustomer('PY1');
    const raised = await prep(owner, sku.id, 5);
    expect(raised.statusCode, raised.body).toBe(201);
    expect(raised.json()).toMatchObject({ status: 'pending_director', amount: '200.00', kind: 'stock', actions: [] });
    const id = raised.json().id as string;
    expect((await a.director({ method: 'GET', url: `/api/prep-requests/${id}` })).json().actions).toEqual([
      'approve_director',
      'reject',
    ]);
    const noReason = await a.director({
      method: 'POST',
      url: `/api/prep-requests/${id}/review`,
      payload: { decision: 'reject' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(JSON.stringify(noReason.json().error)).toContain('reason');
    const approved = await a.director({
      method: 'POST',
      url: `/api/prep-requests/${id}/review`,
      payload: { decision: 'approve' },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved' });
    expect(approved.json().productionRequests).toMatchObject([
      { productId: sku.id, qty: 5, status: 'requested', prepRequestId: id, orderNumber: raised.json().number },
    ]);

    await produce(id);
    const prepared = (await a.sales({ method: 'GET', url: `/api/prep-requests/${id}` })).json();
    expect(prepared.status).toBe('prepared');
    expect(prepared.earmarks).toMatchObject([{ productId: sku.id, customerId: owner, qty: 5, remaining: 5 }]);
    await receive(sku.id, 5);

    // Another customer's order cannot take the earmarked units: it is backordered whole.
    const theirs = await f.confirmedOrder(other, [{ productId: sku.id, qty: 3 }]);
    const theirLine = (await a.sales({ method: 'GET', url: `/api/orders/${theirs.id}` })).json().lines[0];
    expect(theirLine).toMatchObject({ reserved: 0, backordered: 3 });
    const checks = (await a.sales({ method: 'GET', url: `/api/orders/${theirs.id}/checks` })).json();
    expect(checks.stock.lines[0]).toMatchObject({ available: 0, shortage: 3 });

    // The owner's order takes them first.
    const mine = await f.confirmedOrder(owner, [{ productId: sku.id, qty: 3 }]);
    const myLine = (await a.sales({ method: 'GET', url: `/api/orders/${mine.id}` })).json().lines[0];
    expect(myLine).toMatchObject({ reserved: 3, backordered: 0 });
    const after = (await a.sales({ method: 'GET', url: `/api/prep-requests/${id}` })).json();
    expect(after.earmarks[0]).toMatchObject({ qty: 5, remaining: 2 });
    expect(await balance(sku.id)).toMatchObject({ onHand: 5, reserved: 3 });

    // New general stock goes to the waiting order of the other customer, not into the earmark.
    await receive(sku.id, 3);
    expect((await a.sales({ method: 'GET', url: `/api/orders/${theirs.id}` })).json().lines[0]).toMatchObject({
      reserved: 3,
      backordered: 0,
    });
    expect((await a.sales({ method: 'GET', url: `/api/prep-requests/${id}` })).json().earmarks[0].remaining).toBe(2);
  });

  it('at or above the amount threshold the general manager approves too; nobody decides their own', async () => {
    const big = await newProduct('SP-D', '90000.00', '60000.00');
    const raised = await prep(undefined, big.id, 2, 'material');
    expect(raised.json()).toMatchObject({ amount: '120000.00', kind: 'material', customer: null });
    const id = raised.json().id as string;
    const passed = await a.director({
      method: 'POST',
      url: `/api/prep-requests/${id}/review`,
      payload: { decision: 'approve', reason: '同意，转总经理' },
    });
    expect(passed.json()).toMatchObject({ status: 'pending_gm', productionRequests: [] });
    expect(
      (await a.director({ method: 'POST', url: `/api/prep-requests/${id}/review`, payload: { decision: 'approve' } }))
        .statusCode,
    ).toBe(403);
    const approved = await a.gm({
      method: 'POST',
      url: `/api/prep-requests/${id}/review`,
      payload: { decision: 'approve' },
    });
    expect(approved.json()).toMatchObject({ status: 'approved', productionRequests: [{ qty: 2 }] });
    const history = await t.database.db
      .selectFrom('state_history')
      .select(['event', 'to_state'])
      .where('entity_type', '=', 'prep_request')
      .where('entity_id', '=', id)
      .orderBy('at')
      .execute();
    expect(history.map((h) => h.event)).toEqual(['escalate_gm', 'approve_gm']);

    const own = await a.director({
      method: 'POST',
      url: '/api/prep-requests',
      payload: { kind: 'stock', expectedDate: '2026-12-31', lines: [{ productId: big.id, qty: 1 }] },
    });
    const refused = await a.director({
      method: 'POST',
      url: `/api/prep-requests/${own.json().id}/review`,
      payload: { decision: 'approve' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('PREP.OWN_REQUEST');
    const rejected = await a.gm({
      method: 'POST',
      url: `/api/prep-requests/${own.json().id}/review`,
      payload: { decision: 'reject', reason: 'x' },
    });
    expect(rejected.statusCode).toBe(403);
  });

  it('earmarked stock unused after the configured days is flagged to the director once', async () => {
    const { flagIdleEarmarkedStock } = await import('../../src/jobs/earmark-idle');
    const sku = await newProduct('SP-E', '10.00', '5.00');
    const owner = await f.newCustomer('PX2');
    const id = (await prep(owner, sku.id, 4)).json().id as string;
    await a.director({ method: 'POST', url: `/api/prep-requests/${id}/review`, payload: { decision: 'approve' } });
    await produce(id);
    const earmark = (await a.sales({ method: 'GET', url: `/api/prep-requests/${id}` })).json().earmarks[0];
    const createdAt = new Date(earmark.createdAt).getTime();
    const db = t.database.db;
    expect(await flagIdleEarmarkedStock(db, new Date(createdAt + 89 * 86_400_000))).toBe(0);
    expect(await flagIdleEarmarkedStock(db, new Date(createdAt + 91 * 86_400_000))).toBeGreaterThanOrEqual(1);
    expect(await flagIdleEarmarkedStock(db, new Date(createdAt + 92 * 86_400_000))).toBe(0);
    const flagged = (await a.sales({ method: 'GET', url: `/api/prep-requests/${id}` })).json().earmarks[0];
    expect(flagged.idleFlaggedAt).not.toBeNull();
    const notices = (await a.director({ method: 'GET', url: '/api/notifications' })).json();
    const list = notices.items ?? notices;
    expect(
      list.some((n: { kind: string; params: { days: number } }) => n.kind === 'earmark_idle' && n.params.days === 90),
    ).toBe(true);
  });
});
