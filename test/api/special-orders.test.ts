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
  it('opens a complaint on a shipped order without a call-back, and closes it with result and satisfaction', async () => {
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
