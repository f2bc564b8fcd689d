import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { approveAllStages, customerByShortCode, orderActors, orderBody, uploadQualification } from '../helpers/orders';
import { portalLogin } from '../helpers/portal';

// 客户门户 · 加盟商: a franchisee sees what allocation gave it and why, its held units with the days left, and its
// funds and credit with their ledger; never another franchisee's rows.

let t: TestContext;
let paid: ReturnType<TestContext['as']>;
let unpaid: ReturnType<TestContext['as']>;
const codes = { paid: '', unpaid: '' };

beforeAll(async () => {
  t = await createTestContext();
  const a = await orderActors(t);
  const planner = t.as(await t.token('allocation'));
  const warehouse = (await a.warehouse({ method: 'GET', url: '/api/warehouses?q=ZC' })).json().items[0].id;
  const product = (
    await a.admin({
      method: 'POST',
      url: '/api/products',
      payload: {
        sku: 'FEN-P',
        name: '门户分货款',
        listPrice: '100.00',
        seasonal: true,
        launchPriority: 1,
        allocated: true,
      },
    })
  ).json().id;
  const f1 = await customerByShortCode(a.sales, 'SZJM');
  const f2 = await customerByShortCode(a.sales, 'DGHX');
  codes.paid = f1.code;
  codes.unpaid = f2.code;
  for (const [f, qty] of [
    [f1, 20],
    [f2, 10],
  ] as const) {
    await uploadQualification(a.sales, f.id);
    const o = (
      await a.sales({ method: 'POST', url: '/api/orders', payload: orderBody(f.id, [{ productId: product, qty }]) })
    ).json();
    await a.sales({ method: 'POST', url: `/api/orders/${o.id}/submit` });
    await approveAllStages(t, a, o.id);
    await a.sales({ method: 'POST', url: `/api/orders/${o.id}/confirm`, payload: { method: 'electronic' } });
  }
  await a.finance({
    method: 'POST',
    url: `/api/franchisees/${f1.id}/money`,
    payload: { funds: '1000.00', credit: '200.00', reason: '到账' },
  });
  const receipt = (
    await a.warehouse({
      method: 'POST',
      url: '/api/stock/receipts',
      payload: { warehouseId: warehouse, reference: 'ASN-P', lines: [{ productId: product, qty: 40 }] },
    })
  ).json();
  const run = await planner({ method: 'POST', url: '/api/allocation/runs', payload: { receiptId: receipt.receiptId } });
  if (run.statusCode !== 201) throw new Error(run.body);
  paid = t.as(await portalLogin(t, a.sales, f1.id, 'szjm.buyer'));
  unpaid = t.as(await portalLogin(t, a.sales, f2.id, 'dghx.buyer'));
});
afterAll(() => t.close());

describe('franchisee portal', () => {
  it('a paid franchisee sees its shipped allocation with the rule and the sentence, and its money ledger', async () => {
    const res = (await paid({ method: 'GET', url: '/api/portal/allocations' })).json();
    expect(res.franchisee).toBe(true);
    // Its money covers 12 of the 20 it ordered; the other 8 are held until it pays.
    expect(res.allocations.map((r: { rule: string; qty: number }) => [r.rule, r.qty])).toEqual([
      ['6.4.2.4', 12],
      ['6.4.2.5', 8],
    ]);
    expect(res.allocations[0].explanation).toBe(
      `${codes.paid} 有款加盟商，按上市计划发货 FEN-P 12 件；资金不足，余 8 件未分（资金 ¥1000.00，信用 ¥200.00）`,
    );
    expect(res.money.ledger.map((l: { kind: string }) => l.kind)).toContain('payment');
    expect(JSON.stringify(res)).not.toContain(codes.unpaid);
  });

  it('an unpaid franchisee sees its held units with the days left to pay, in English when asked', async () => {
    const res = (
      await unpaid({ method: 'GET', url: '/api/portal/allocations', headers: { 'accept-language': 'en' } })
    ).json();
    expect(res.allocations).toHaveLength(1);
    expect(res.allocations[0]).toMatchObject({ rule: '6.4.2.5', status: 'reserved' });
    expect(res.allocations[0].explanation).toContain('has not paid');
    expect(res.reservations).toHaveLength(1);
    expect(res.reservations[0]).toMatchObject({ sku: 'FEN-P', status: 'held' });
    expect(res.reservations[0].daysLeft).toBeGreaterThan(0);
    expect(JSON.stringify(res)).not.toContain(codes.paid);
  });
});
