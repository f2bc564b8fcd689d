import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';

// 短结: a partly shipped order closed for the rest, with a reason.
let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let f: ReturnType<typeof fulfilmentFactories>;
let warehouseId: string;
let product: { id: string };

const balance = async () =>
  (await a.warehouse({ method: 'GET', url: `/api/stock?q=SC-01&pageSize=50` }))
    .json()
    .items.find(
      (b: { productId: string; warehouseId: string }) => b.productId === product.id && b.warehouseId === warehouseId,
    ) as {
    onHand: number;
    reserved: number;
  };

async function receive(qty: number) {
  const r = await a.warehouse({
    method: 'POST',
    url: '/api/stock/receipts',
    payload: { warehouseId, lines: [{ productId: product.id, qty }], reference: 'SC-IN' },
  });
  if (r.statusCode !== 201) throw new Error(r.body);
}

/** An order of 10 with 6 in stock (4 backordered), 4 of them shipped; optionally delivered. */
async function partlyShipped(code: string, deliver = false) {
  await receive(6);
  const customer = await f.newCustomer(code);
  const order = await f.confirmedOrder(customer, [{ productId: product.id, qty: 10 }]);
  const s = await a.warehouse({
    method: 'POST',
    url: '/api/shipments',
    payload: { orderIds: [order.id], lines: [{ orderId: order.id, lineNo: 1, qty: 4 }] },
  });
  if (s.statusCode !== 201) throw new Error(s.body);
  const id = s.json().id as string;
  for (const step of ['pick', 'recheck', 'pack', 'ship']) {
    const r = await a.warehouse({ method: 'POST', url: `/api/shipments/${id}/${step}`, payload: {} });
    if (r.statusCode !== 200) throw new Error(`${step}: ${r.body}`);
  }
  if (deliver) {
    const r = await a.warehouse({ method: 'POST', url: `/api/shipments/${id}/deliver`, payload: { signedBy: '甲' } });
    if (r.statusCode !== 200) throw new Error(r.body);
  }
  return { customer, order };
}

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  f = fulfilmentFactories(t, a);
  const w = (await a.admin({ method: 'GET', url: '/api/warehouses' })).json();
  warehouseId = (w.items ?? w).find((x: { kind: string }) => x.kind === 'central').id;
  const p = await a.admin({
    method: 'POST',
    url: '/api/products',
    payload: { sku: 'SC-01', name: '短结测试品', listPrice: '100.00', standardCost: '60.00' },
  });
  if (p.statusCode !== 201) throw new Error(p.body);
  product = p.json();
});
afterAll(() => t.close());

describe('short-closing an order after a partial shipment', () => {
  it('releases exactly the rest, records the closed quantity and bills only what shipped', async () => {
    const { customer, order } = await partlyShipped('SC1');
    const before = await a.orderadmin({ method: 'GET', url: `/api/orders/${order.id}` });
    expect(before.json()).toMatchObject({ status: 'partially_shipped', total: '1000.00' });
    expect(before.json().lines[0]).toMatchObject({ qty: 10, reserved: 2, backordered: 4, shipped: 4, closedQty: 0 });
    expect(before.json().actions).toContain('short_close');
    const stockBefore = await balance();

    const res = await a.orderadmin({
      method: 'POST',
      url: `/api/orders/${order.id}/short-close`,
      payload: { reason: '客户不再需要余下的货' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const closed = res.json();
    expect(closed).toMatchObject({
      status: 'shipped',
      total: '400.00',
      costTotal: '240.00',
      closedAmount: '600.00',
      shortCloseReason: '客户不再需要余下的货',
    });
    expect(closed.lines[0]).toMatchObject({ qty: 10, reserved: 0, backordered: 0, shipped: 4, closedQty: 6 });
    expect(closed.actions).not.toContain('short_close');

    const stockAfter = await balance();
    expect(stockAfter).toMatchObject({ onHand: stockBefore.onHand, reserved: stockBefore.reserved - 2 });

    // The receivable is the shipment's 4 units; what the order owes follows what shipped.
    const receivables = (await a.finance({ method: 'GET', url: `/api/receivables?customer=${customer}` })).json().items;
    expect(receivables.map((r: { amount: string }) => r.amount)).toEqual(['400.00']);
    const payment = (await a.finance({ method: 'GET', url: `/api/orders/${order.id}/payment` })).json();
    expect(payment).toMatchObject({ total: '400.00', owed: '400.00' });

    // A later receipt no longer fills the closed backorder.
    await receive(4);
    const after = (await a.orderadmin({ method: 'GET', url: `/api/orders/${order.id}` })).json();
    expect(after.lines[0]).toMatchObject({ reserved: 0, backordered: 0 });

    const history = (await a.orderadmin({ method: 'GET', url: `/api/orders/${order.id}/history` })).json();
    expect(history.at(-1)).toMatchObject({
      event: 'short_close',
      from: 'partially_shipped',
      to: 'shipped',
      reason: '客户不再需要余下的货',
    });
  });

  it('refuses a second short-close with 409', async () => {
    const { order } = await partlyShipped('SC2');
    const first = await a.director({
      method: 'POST',
      url: `/api/orders/${order.id}/short-close`,
      payload: { reason: '停产' },
    });
    expect(first.statusCode, first.body).toBe(200);
    const again = await a.director({
      method: 'POST',
      url: `/api/orders/${order.id}/short-close`,
      payload: { reason: '停产' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('STATE.ILLEGAL_TRANSITION');
  });

  it('ends delivered when every shipment has arrived', async () => {
    const { order } = await partlyShipped('SC3', true);
    const res = await a.orderadmin({
      method: 'POST',
      url: `/api/orders/${order.id}/short-close`,
      payload: { reason: '余量取消' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('delivered');
    const history = (await a.orderadmin({ method: 'GET', url: `/api/orders/${order.id}/history` })).json();
    expect(history.at(-1)).toMatchObject({ event: 'short_close_delivered', to: 'delivered' });
  });

  it('is not for an unshipped order (cancel it instead): 409, nothing released', async () => {
    await receive(3);
    const customer = await f.newCustomer('SC4');
    const order = await f.confirmedOrder(customer, [{ productId: product.id, qty: 3 }]);
    const stockBefore = await balance();
    const res = await a.orderadmin({
      method: 'POST',
      url: `/api/orders/${order.id}/short-close`,
      payload: { reason: '不要了' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ORDER.NOTHING_SHIPPED');
    expect(await balance()).toEqual(stockBefore);
    const o = (await a.orderadmin({ method: 'GET', url: `/api/orders/${order.id}` })).json();
    expect(o.status).toBe('confirmed');
    expect(o.actions).not.toContain('short_close');
  });

  it('is refused while an outbound order is still in the warehouse, and to the warehouse role', async () => {
    await receive(6);
    const customer = await f.newCustomer('SC5');
    const order = await f.confirmedOrder(customer, [{ productId: product.id, qty: 6 }]);
    const first = await a.warehouse({
      method: 'POST',
      url: '/api/shipments',
      payload: { orderIds: [order.id], lines: [{ orderId: order.id, lineNo: 1, qty: 2 }] },
    });
    const id = first.json().id as string;
    for (const step of ['pick', 'recheck', 'pack', 'ship'])
      await a.warehouse({ method: 'POST', url: `/api/shipments/${id}/${step}`, payload: {} });
    await f.packedShipment([order.id]);
    const res = await a.orderadmin({
      method: 'POST',
      url: `/api/orders/${order.id}/short-close`,
      payload: { reason: '不要了' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ORDER.SHIPMENT_IN_WAREHOUSE');
    const forbidden = await a.warehouse({
      method: 'POST',
      url: `/api/orders/${order.id}/short-close`,
      payload: { reason: '不要了' },
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it('is refused while more is paid on the order than shipped: the excess goes to the balance first', async () => {
    const { customer, order } = await partlyShipped('SC6');
    const before = (await a.orderadmin({ method: 'GET', url: `/api/orders/${order.id}` })).json();
    const paid = await a.finance({
      method: 'POST',
      url: '/api/receipts',
      payload: {
        customerId: customer,
        amount: '1000.00',
        receivedOn: '2026-11-20',
        method: 'bank_transfer',
        reference: 'SC6-PAY',
        applications: [{ orderId: order.id, amount: '1000.00' }],
      },
    });
    expect(paid.statusCode, paid.body).toBe(201);
    const res = await a.orderadmin({
      method: 'POST',
      url: `/api/orders/${order.id}/short-close`,
      payload: { reason: '不要了' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'ORDER.PAID_BEYOND_SHIPPED' });
    const o = (await a.orderadmin({ method: 'GET', url: `/api/orders/${order.id}` })).json();
    expect(o).toMatchObject({ status: 'partially_shipped', total: '1000.00' });
    expect(o.lines).toEqual(before.lines);
    expect(o.lines[0].closedQty).toBe(0);
  });

  it('needs a reason (400 naming it)', async () => {
    const res = await a.orderadmin({
      method: 'POST',
      url: `/api/orders/00000000-0000-4000-8000-000000000000/short-close`,
      payload: { reason: '' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('reason');
  });
});
