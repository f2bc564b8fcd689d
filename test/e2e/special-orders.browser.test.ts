import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, chooseOption, submitDialog } from '../helpers/browser';
import { orderActors } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';

// One user path in Chromium: the order admin short-closes a partly shipped order with its reason, then customer
// service registers a complaint on it from the order page.

let t: TestContext;
let page: Page;
let base: string;
const session = browserSession();
let order: { id: string; number: string };

beforeAll(async () => {
  t = await createTestContext();
  const a = await orderActors(t);
  const f = fulfilmentFactories(t, a);
  const w = (await a.admin({ method: 'GET', url: '/api/warehouses' })).json();
  const warehouseId = (w.items ?? w).find((x: { kind: string }) => x.kind === 'central').id;
  const product = (
    await a.admin({
      method: 'POST',
      url: '/api/products',
      payload: { sku: 'SCB-01', name: '短结浏览器测试品', listPrice: '100.00', standardCost: '60.00' },
    })
  ).json();
  await a.warehouse({
    method: 'POST',
    url: '/api/stock/receipts',
    payload: { warehouseId, lines: [{ productId: product.id, qty: 2 }] },
  });
  order = await f.confirmedOrder(await f.newCustomer('SCB'), [{ productId: product.id, qty: 5 }]);
  const s = await a.warehouse({
    method: 'POST',
    url: '/api/shipments',
    payload: { orderIds: [order.id], lines: [{ orderId: order.id, lineNo: 1, qty: 1 }] },
  });
  for (const step of ['pick', 'recheck', 'pack', 'ship'])
    await a.warehouse({ method: 'POST', url: `/api/shipments/${s.json().id}/${step}`, payload: {} });
  base = await session.start(t);
});

const orderStatus = () => page.getByTestId('order-number').getByTestId('status-tag').innerText();

describe('short-closing and registering a complaint from the order page', () => {
  it('the order admin short-closes the rest with a reason; customer service registers a complaint', async () => {
    page = await session.loginAs('orderadmin', `/orders/${order.id}`);
    await expect.poll(orderStatus).toBe('部分发货');
    await page.getByTestId('order-short-close').click();
    await page.getByTestId('reason-input').fill('客户不再需要余下的货');
    await submitDialog(page, 'reason-ok');
    await expect.poll(orderStatus).toBe('已发货');
    await expect.poll(() => page.getByTestId('short-closed').innerText()).toContain('¥400.00');
    expect(await page.getByTestId('order-short-close').count()).toBe(0);
    await expect.poll(() => page.getByTestId('order-history').innerText()).toContain('短结');

    page = await session.loginAs('service', `/orders/${order.id}`);
    await page.getByTestId('order-complain').click();
    await chooseOption(page, page.getByTestId('complaint-type'), '破损');
    await page.getByTestId('complaint-description').fill('外箱破损');
    await submitDialog(page, 'complain-ok');
    const service = t.as(await t.token('service'));
    const complaints = (await service({ method: 'GET', url: `/api/complaints?order=${order.id}` })).json();
    expect(complaints).toMatchObject([{ type: 'damage', description: '外箱破损', status: 'open' }]);
  });
});
