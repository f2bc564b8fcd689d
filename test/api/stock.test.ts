import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { ledgerMismatches } from '../../src/modules/stock/stock.repository';

let t: TestContext;
let wh: ReturnType<TestContext['as']>;
let warehouseId: string;
let productId: string;

beforeAll(async () => {
  t = await createTestContext();
  wh = t.as(await t.token('warehouse'));
  const admin = t.as(await t.token('admin'));
  warehouseId = (
    await wh({ method: 'POST', url: '/api/warehouses', payload: { code: 'T1', name: '测试仓', kind: 'central' } })
  ).json().id;
  productId = (
    await admin({
      method: 'POST',
      url: '/api/products',
      payload: { sku: 'STK-1', name: '库存测试品', listPrice: '10.00' },
    })
  ).json().id;
});
afterAll(() => t.close());

const stockOf = async (pid: string) =>
  (await wh({ method: 'GET', url: `/api/stock?product=${pid}&warehouse=${warehouseId}` })).json().items[0];

describe('stock ledger', () => {
  it('a receipt raises on hand and writes a movement', async () => {
    const res = await wh({
      method: 'POST',
      url: '/api/stock/receipts',
      payload: { warehouseId, reference: 'PO-1', lines: [{ productId, qty: 30 }] },
    });
    expect(res.statusCode).toBe(201);
    expect(await stockOf(productId)).toMatchObject({ onHand: 30, reserved: 0, available: 30, sku: 'STK-1' });
    const moves = (await wh({ method: 'GET', url: `/api/stock/movements?product=${productId}` })).json();
    expect(moves.items[0]).toMatchObject({ kind: 'receipt', onHandDelta: 30, reference: 'PO-1', actorName: '郑仓库' });
  });

  it('an adjustment needs a reason and cannot take more than is available', async () => {
    const noReason = await wh({
      method: 'POST',
      url: '/api/stock/adjustments',
      payload: { warehouseId, lines: [{ productId, delta: -1 }] },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.map((f: { path: string }) => f.path)).toContain('reason');
    const tooMuch = await wh({
      method: 'POST',
      url: '/api/stock/adjustments',
      payload: { warehouseId, reason: '盘亏', lines: [{ productId, delta: -31 }] },
    });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().error).toMatchObject({ code: 'STOCK.INSUFFICIENT', message: 'STK-1 可用库存 30，不足 31' });
    const ok = await wh({
      method: 'POST',
      url: '/api/stock/adjustments',
      payload: { warehouseId, reason: '盘亏', lines: [{ productId, delta: -5 }] },
    });
    expect(ok.statusCode).toBe(201);
    expect(await stockOf(productId)).toMatchObject({ onHand: 25, available: 25 });
  });

  it('refuses the whole receipt when one line names an unknown product, writing nothing', async () => {
    const res = await wh({
      method: 'POST',
      url: '/api/stock/receipts',
      payload: {
        warehouseId,
        lines: [
          { productId, qty: 1 },
          { productId: '00000000-0000-4000-8000-000000000000', qty: 1 },
        ],
      },
    });
    expect(res.statusCode).toBe(404);
    expect(await stockOf(productId)).toMatchObject({ onHand: 25 });
  });

  it(
    '32 concurrent receipts and takes never leave available negative, ' + 'and the balance equals the sum of movements',
    async () => {
      const racer = (
        await t.as(await t.token('admin'))({
          method: 'POST',
          url: '/api/products',
          payload: { sku: 'RACE-1', name: '并发测试品', listPrice: '1.00' },
        })
      ).json().id;
      await wh({
        method: 'POST',
        url: '/api/stock/receipts',
        payload: { warehouseId, lines: [{ productId: racer, qty: 10 }] },
      });
      const ops = Array.from({ length: 32 }, (_, i) =>
        i % 4 === 0
          ? wh({
              method: 'POST',
              url: '/api/stock/receipts',
              payload: { warehouseId, lines: [{ productId: racer, qty: 2 }] },
            })
          : wh({
              method: 'POST',
              url: '/api/stock/adjustments',
              payload: { warehouseId, reason: '出库测试', lines: [{ productId: racer, delta: -3 }] },
            }),
      );
      const results = await Promise.all(ops);
      expect(results.every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
      const receipts = results.filter((r, i) => i % 4 === 0 && r.statusCode === 201).length;
      const takes = results.filter((r, i) => i % 4 !== 0 && r.statusCode === 201).length;
      const final = await stockOf(racer);
      expect(final.available).toBeGreaterThanOrEqual(0);
      expect(final.onHand).toBe(10 + receipts * 2 - takes * 3);
      expect(await ledgerMismatches(t.database.db, t.companyA)).toEqual([]);
    },
  );

  it('exports balances and movements to xlsx', async () => {
    const res = await wh({ method: 'GET', url: '/api/stock/export.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
