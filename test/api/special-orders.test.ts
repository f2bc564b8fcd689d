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
    expect((await a.finance({ method: 'GET', url: `/api/receivables?customer=${customer}` })).json()).toEqual([]);

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
