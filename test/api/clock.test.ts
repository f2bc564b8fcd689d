import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let admin: ReturnType<TestContext['as']>;

beforeAll(async () => {
  t = await createTestContext();
  admin = t.as(await t.token('admin'));
});

afterAll(async () => {
  await t.close();
});

describe('the request clock', () => {
  it('a test moves time: an order registered at a set instant takes that local day and month', async () => {
    const customerId = (await admin({ method: 'GET', url: '/api/customers?pageSize=1' })).json().items[0].id;
    const productId = (await admin({ method: 'GET', url: '/api/products?pageSize=1' })).json().items[0].id;
    // 2026-01-31 17:00 UTC is already 1 February in Asia/Shanghai (a past instant: the session stays valid).
    t.setNow(new Date('2026-01-31T17:00:00Z'));
    const res = await admin({
      method: 'POST',
      url: '/api/orders',
      payload: { customerId, source: 'phone', lines: [{ productId, qty: 1 }] },
    });
    t.setNow(undefined);
    expect(res.statusCode).toBe(201);
    expect(res.json().orderDate).toBe('2026-02-01');
    expect(res.json().number).toContain('202602');
  });
});
