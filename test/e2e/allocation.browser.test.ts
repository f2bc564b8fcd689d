import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, screenshotPath, chooseOption } from '../helpers/browser';
import { approveAllStages, customerByShortCode, orderActors, orderBody, uploadQualification } from '../helpers/orders';

let t: TestContext;
let page: Page;
let base: string;
let f2Id: string;
const session = browserSession();

beforeAll(async () => {
  t = await createTestContext();
  const a = await orderActors(t);
  const planner = t.as(await t.token('allocation'));
  const warehouseId = (await a.warehouse({ method: 'GET', url: '/api/warehouses?q=ZC' })).json().items[0].id;
  const productId = (
    await a.admin({
      method: 'POST',
      url: '/api/products',
      payload: { sku: 'WEB-FEN', name: '网页分货款', listPrice: '50.00', seasonal: false, allocated: true },
    })
  ).json().id;
  const f2 = await customerByShortCode(a.sales, 'DGHX');
  await uploadQualification(a.sales, f2.id);
  const o = (
    await a.sales({ method: 'POST', url: '/api/orders', payload: orderBody(f2.id, [{ productId, qty: 4 }]) })
  ).json();
  await a.sales({ method: 'POST', url: `/api/orders/${o.id}/submit` });
  await approveAllStages(t, a, o.id);
  await a.sales({ method: 'POST', url: `/api/orders/${o.id}/confirm`, payload: { method: 'electronic' } });
  const store = (
    await planner({
      method: 'POST',
      url: '/api/stores',
      payload: { code: 'WEB-S1', name: '网页门店', region: '上海', class: 'B', kind: 'joint' },
    })
  ).json();
  await planner({
    method: 'POST',
    url: '/api/allocation/demand',
    payload: { stores: [{ storeId: store.id, productId, qty: 3 }] },
  });
  await a.warehouse({
    method: 'POST',
    url: '/api/stock/receipts',
    payload: { warehouseId, reference: 'ASN-WEB', lines: [{ productId, qty: 10 }] },
  });
  f2Id = f2.id;
  base = await session.start(t);
});

describe('allocation in Chromium', () => {
  it('previews and commits the allocation of a receipt, then shows the pick list and the reservation', async () => {
    page = await session.loginAs('allocation');
    await page.getByTestId('main-menu').getByRole('link', { name: '分货', exact: true }).click();
    await chooseOption(page, page.getByTestId('alloc-receipt'), 'ASN-WEB');
    await page.getByTestId('alloc-preview').click();
    await expect.poll(() => page.getByTestId('alloc-franchisee').innerText()).toContain('锁定');
    expect(await page.getByTestId('alloc-franchisee').innerText()).toContain('F002 待付款，锁定 WEB-FEN 4 件');
    await page.getByTestId('alloc-commit').click();
    await expect.poll(() => page.getByText('已分货').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('allocation-committed.png'), fullPage: true });

    await page.getByTestId('main-menu').getByText('拣货单', { exact: true }).click();
    await expect.poll(() => page.getByTestId('pick-lists').innerText()).toContain('WEB-S1');
    await page.getByTestId('main-menu').getByText('预留', { exact: true }).click();
    await expect.poll(() => page.getByTestId('reservations').innerText()).toContain('F002');
    expect(await page.getByTestId('reservations').innerText()).toMatch(/WEB-FEN\s+4/);
    await page.screenshot({ path: screenshotPath('reservations.png'), fullPage: true });
  });

  it("the franchisee ledger names each entry's kind, never its code", async () => {
    const finance = t.as(await t.token('finance'));
    const paid = await finance({
      method: 'POST',
      url: `/api/franchisees/${f2Id}/money`,
      payload: { funds: '10.00', credit: '0.00', reason: '银行回单 WEB' },
    });
    expect(paid.statusCode, paid.body).toBe(200);
    page = await session.loginAs('finance');
    await page.getByTestId('main-menu').getByText('加盟商资金', { exact: true }).click();
    const row = page.getByTestId('franchisees').locator('tr', { hasText: 'F002' });
    await row.getByRole('button', { name: /^流\s*水$/ }).click();
    const drawer = page.getByRole('dialog');
    await expect.poll(() => drawer.innerText()).toContain('银行回单 WEB');
    expect(await drawer.innerText()).toContain('回款');
    expect(await drawer.innerText()).not.toMatch(/\b(payment|credit_limit|shipment|correction|import)\b/);
  });
});
