import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('Idempotency-Key', () => {
  it('a retried POST returns the first response and creates one record', async () => {
    const sales = t.as(await t.token('sales'));
    const body = { code: 'IDEM1', shortCode: 'IDM', name: '幂等客户', kind: 'ordinary' };
    const first = await sales({
      method: 'POST',
      url: '/api/customers',
      headers: { 'idempotency-key': 'k-1' },
      payload: body,
    });
    const retry = await sales({
      method: 'POST',
      url: '/api/customers',
      headers: { 'idempotency-key': 'k-1' },
      payload: body,
    });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json().id).toBe(first.json().id);
    expect(retry.headers['idempotent-replay']).toBe('true');
    expect((await sales({ method: 'GET', url: '/api/customers?q=IDEM1' })).json().total).toBe(1);
  });

  it('the same key with a different body is refused with 422', async () => {
    const sales = t.as(await t.token('sales'));
    const res = await sales({
      method: 'POST',
      url: '/api/customers',
      headers: { 'idempotency-key': 'k-1' },
      payload: { code: 'IDEM2', shortCode: 'IDN', name: '另一个', kind: 'ordinary' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect((await sales({ method: 'GET', url: '/api/customers?q=IDEM2' })).json().total).toBe(0);
  });

  it('concurrent retries of one receipt post it once', async () => {
    const wh = t.as(await t.token('warehouse'));
    const stock = (await wh({ method: 'GET', url: '/api/stock?pageSize=1' })).json().items[0];
    const payload = { warehouseId: stock.warehouseId, lines: [{ productId: stock.productId, qty: 7 }] };
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        wh({ method: 'POST', url: '/api/stock/receipts', headers: { 'idempotency-key': 'rcpt-1' }, payload }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201).length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
    const after = (
      await wh({ method: 'GET', url: `/api/stock?product=${stock.productId}&warehouse=${stock.warehouseId}` })
    ).json().items[0];
    expect(after.onHand).toBe(stock.onHand + 7);
  });
});
