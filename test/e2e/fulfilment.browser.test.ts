import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, screenshotPath, submitDialog } from '../helpers/browser';
import {
  approveAllStages,
  customerByShortCode,
  orderActors,
  orderBody,
  productBySku,
  uploadQualification,
} from '../helpers/orders';

let t: TestContext;
let page: Page;
let base: string;
const session = browserSession();
let order: { id: string; number: string; total: string };
const sameAddress: { id: string; number: string }[] = [];

beforeAll(async () => {
  t = await createTestContext();
  const a = await orderActors(t);
  const abc = await customerByShortCode(a.sales, 'ABC');
  await uploadQualification(a.sales, abc.id);
  const product = await productBySku(a.sales, 'B-01');
  const o = (
    await a.sales({
      method: 'POST',
      url: '/api/orders',
      payload: orderBody(abc.id, [{ productId: product.id, qty: 2 }]),
    })
  ).json();
  await a.sales({ method: 'POST', url: `/api/orders/${o.id}/submit` });
  await approveAllStages(t, a, o.id);
  order = (
    await a.sales({ method: 'POST', url: `/api/orders/${o.id}/confirm`, payload: { method: 'electronic' } })
  ).json().order;
  // Two more orders to the same consignee and address, to travel as one shipment.
  for (const sku of ['A-01', 'C-01']) {
    const x = (
      await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(abc.id, [{ productId: (await productBySku(a.sales, sku)).id, qty: 1 }]),
      })
    ).json();
    await a.sales({ method: 'POST', url: `/api/orders/${x.id}/submit` });
    await approveAllStages(t, a, x.id);
    sameAddress.push(
      (await a.sales({ method: 'POST', url: `/api/orders/${x.id}/confirm`, payload: { method: 'electronic' } })).json()
        .order,
    );
  }
  base = await session.start(t);
});

async function loginAs(username: string, path?: string) {
  page = await session.loginAs(username, path);
}
const orderStatus = () => page.getByTestId('order-number').getByTestId('status-tag').innerText();
const shipmentRow = () => page.getByTestId('shipments').locator('tbody tr').filter({ hasText: 'SH' }).first();

describe('fulfilment in Chromium', () => {
  it('the warehouse picks, rechecks, packs and ships with a tracking number, then records delivery', async () => {
    await loginAs('warehouse', `/orders/${order.id}`);
    await page.getByTestId('create-shipment').click();
    await expect.poll(orderStatus).toBe('执行中');
    await page.getByTestId('main-menu').getByText('仓库作业', { exact: true }).click();
    await expect.poll(() => page.getByTestId('queue-warehouse').innerText()).not.toContain(order.number);
    for (const [tab, step] of [
      ['待拣货', 'pick'],
      ['已拣货', 'recheck'],
      ['已复核', 'pack'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await shipmentRow().getByTestId(`shipment-${step}`).click();
      await expect
        .poll(() => page.getByTestId('shipments').locator('tbody tr').filter({ hasText: 'SH' }).count())
        .toBe(0);
    }
    await page.getByRole('tab', { name: '已打包' }).click();
    await shipmentRow().getByTestId('shipment-ship').click();
    await page.getByTestId('tracking-input').fill('SF1234567890');
    await submitDialog(page, 'dialog-ok');
    await page.getByRole('tab', { name: '已发货' }).click();
    await expect.poll(() => shipmentRow().innerText()).toContain('SF1234567890');
    await shipmentRow().getByTestId('shipment-deliver').click();
    await page.getByTestId('signed-by').fill('张伟');
    await page.getByTestId('signed-at').fill('2026-11-23T10:30');
    await submitDialog(page, 'dialog-ok');
    await page.getByRole('tab', { name: '已签收' }).click();
    await expect.poll(() => page.getByTestId('shipments').innerText()).toContain('SF1234567890');
    const [delivered] = (
      await t.as(await t.token('warehouse'))({ method: 'GET', url: '/api/shipments?status=delivered' })
    ).json();
    // Read in the browser's (this machine's) time zone.
    expect(new Date(delivered.deliveredAt).toISOString()).toBe(new Date('2026-11-23T10:30').toISOString());
    await page.screenshot({ path: screenshotPath('warehouse-delivered.png'), fullPage: true });
  });

  it('customer service calls back; finance records the receipt and completes the order with its invoice', async () => {
    await loginAs('service');
    await page.getByTestId('main-menu').getByText('客服回访', { exact: true }).click();
    await page
      .getByTestId('callbacks')
      .locator('tbody tr')
      .filter({ hasText: order.number })
      .getByTestId('callback-record')
      .click();
    await submitDialog(page, 'callback-ok');
    await expect
      .poll(() => page.getByTestId('callbacks').locator('tbody tr').filter({ hasText: order.number }).count())
      .toBe(0);

    await loginAs('finance', `/orders/${order.id}`);
    await expect.poll(orderStatus).toBe('已签收');
    await page.getByTestId('complete-order').click();
    await page.getByTestId('invoice-number').fill('25440000000000000001');
    await submitDialog(page, 'fulfilment-ok');
    await expect.poll(orderStatus).toBe('已完成');
    const res = await t.as(await t.token('finance'))({
      method: 'POST',
      url: '/api/receipts',
      payload: {
        customerId: (await t.as(await t.token('finance'))({ method: 'GET', url: `/api/orders/${order.id}` })).json()
          .customer.id,
        amount: order.total,
        receivedOn: '2026-11-23',
        method: 'bank_transfer',
        applications: [{ orderId: order.id, amount: order.total }],
      },
    });
    expect(res.statusCode).toBe(201);
    await page.reload();
    await expect
      .poll(() => page.getByTestId('order-payment').innerText())
      .toContain(`¥${order.total} / ¥${order.total}`);
    await page.screenshot({ path: screenshotPath('order-completed.png'), fullPage: true });
  });

  it('the warehouse merges two orders to the same address into one outbound order', async () => {
    await loginAs('warehouse');
    await page.getByTestId('main-menu').getByText('仓库作业', { exact: true }).click();
    for (const o of sameAddress)
      await page
        .getByTestId('queue-warehouse')
        .locator('tbody tr')
        .filter({ hasText: o.number })
        .locator('input[type=checkbox]')
        .check();
    await page.getByTestId('merge-shipment').click();
    await expect.poll(() => page.getByTestId('queue-warehouse').innerText()).not.toContain(sameAddress[0].number);
    await page.getByRole('tab', { name: '待拣货' }).click();
    await shipmentRow().locator('a').first().click();
    for (const o of sameAddress) await expect.poll(() => page.locator('.ant-drawer').innerText()).toContain(o.number);
  });
});
