import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { shippedShipment } from '../helpers/portal';

// The tracking link of the shipping message opens the shipment's status without a login, until it expires.

let t: TestContext;
let url: string;
let shippedAt: Date;

beforeAll(async () => {
  t = await createTestContext();
  const a = await orderActors(t);
  const f = fulfilmentFactories(t, a);
  const customer = await f.newCustomer('PTK', 'credit', {
    addresses: [{ consignee: '欧阳明月', phone: '13912345678', address: '长安街 8 号', region: '北京' }],
  });
  const product = await productBySku(a.sales, 'A-01');
  const order = await f.confirmedOrder(customer, [{ productId: product.id, qty: 1 }]);
  shippedAt = new Date();
  const shipmentId = await shippedShipment(a, f, order.id);
  const message = await t.database.db
    .selectFrom('outbox_messages')
    .select(['params'])
    .where('customer_id', '=', customer)
    .where('kind', '=', 'shipped')
    .executeTakeFirstOrThrow();
  url = message.params.trackingUrl;
  expect(shipmentId).toBeTruthy();
});
afterAll(() => t.close());

describe('public tracking link', () => {
  it('is an absolute link that opens the status without a login, with the consignee masked', async () => {
    expect(url).toMatch(/^http:\/\/localhost:3000\/t\/[\w-]+\.[\w-]+$/);
    const path = new URL(url).pathname;
    const json = await t.app.inject({ method: 'GET', url: `${path}?format=json` });
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ status: 'shipped', carrier: '顺丰', consignee: '欧***' });
    expect(json.json().trackingNo).toMatch(/^SF/);
    expect(json.json().expectedArrival).toMatch(/^\d{4}-\d\d-\d\d$/);
    const html = await t.app.inject({ method: 'GET', url: path });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('欧***');
    for (const personal of ['欧阳明月', '13912345678', '长安街']) {
      expect(html.body).not.toContain(personal);
      expect(json.body).not.toContain(personal);
    }
  });

  it('a forged or garbled link is 404', async () => {
    const path = new URL(url).pathname;
    const forged = path.slice(0, -2) + (path.endsWith('AA') ? 'BB' : 'AA');
    expect((await t.app.inject({ method: 'GET', url: forged })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/t/not-a-token' })).statusCode).toBe(404);
  });

  it('stops working after it expires (30 days by default)', async () => {
    const path = new URL(url).pathname;
    t.setNow(new Date(shippedAt.getTime() + 29 * 86_400_000));
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(200);
    t.setNow(new Date(shippedAt.getTime() + 31 * 86_400_000));
    const expired = await t.app.inject({ method: 'GET', url: `${path}?format=json` });
    t.setNow(undefined);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('TRACKING.LINK_EXPIRED');
  });
});
