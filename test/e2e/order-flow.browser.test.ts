import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, screenshotPath, chooseOption, submitDialog, openInApp } from '../helpers/browser';
import { orderBody, productBySku } from '../helpers/orders';

let t: TestContext;
let page: Page;
let base: string;
const session = browserSession();

beforeAll(async () => {
  // The demo's customers have their licences on file: the path below touches no customer.
  t = await createTestContext();
  base = await session.start(t);
});

async function loginAs(username: string, path?: string) {
  page = await session.loginAs(username, path);
}

const pickOption = (testId: string, text: string) =>
  chooseOption(page, page.getByTestId(testId).first(), text, { search: true });

const orderStatus = () => page.getByTestId('order-number').getByTestId('status-tag').innerText();

describe('order flow in Chromium', () => {
  let orderUrl = '';

  it('a sales assistant registers an order and submits it for review', async () => {
    await loginAs('sales', '/orders/new');
    await pickOption('order-customer', 'ABC');
    const date = page.getByTestId('order-delivery-date').locator('xpath=descendant-or-self::input').first();
    await date.fill('2026-12-24');
    await date.press('Enter');
    await pickOption('order-line-product', 'A-01');
    await page.getByTestId('order-line-qty').locator('xpath=descendant-or-self::input').fill('2');
    await page.getByTestId('order-save').click();
    await page.getByTestId('order-number').waitFor();
    orderUrl = page.url();
    await expect.poll(() => page.getByTestId('order-number').innerText()).toMatch(/-ABC-\d{3}/);
    await expect.poll(() => page.getByTestId('order-total').innerText()).toBe('¥240.00');
    await page.getByTestId('order-submit').click();
    await expect.poll(orderStatus).toBe('审核中');
  });

  it('the reviewer and finance approve their stages', async () => {
    await loginAs('reviewer');
    await page.getByTestId('notification-bell').click();
    await expect.poll(() => page.getByTestId('notifications').innerText()).toContain('等待您的销售审核');
    await openInApp(page, orderUrl);
    await expect.poll(() => page.getByTestId('current-stage').innerText()).toContain('销售审核');
    await page.getByTestId('order-approve').click();
    // An approval asks first and takes an optional comment.
    await page.getByTestId('reason-input').fill('价格与交期已核对');
    await submitDialog(page, 'reason-ok');
    await expect.poll(() => page.getByTestId('current-stage').innerText()).toContain('财务审核');
    await loginAs('finance', new URL(orderUrl).pathname);
    await page.getByTestId('order-approve').click();
    await submitDialog(page, 'reason-ok');
    await expect.poll(orderStatus).toBe('待客户确认');
  });

  it('the sales assistant records the confirmation; the stock page shows the reservation', async () => {
    await loginAs('sales', new URL(orderUrl).pathname);
    await page.getByTestId('order-confirm').click();
    await submitDialog(page, 'confirm-ok');
    await expect.poll(orderStatus).toBe('已确认');
    await expect
      .poll(() => page.getByTestId('order-lines').locator('tbody tr.ant-table-row').first().innerText())
      .toMatch(/2\s+0\s+0\s+2$/);
    await page.screenshot({ path: screenshotPath('order-confirmed.png'), fullPage: true });
    await page.getByTestId('main-menu').getByText('库存', { exact: true }).click();
    // A-01 starts with 100 on hand in the demo data: 2 reserved, 98 available.
    const row = page.getByTestId('stock-table').locator('tbody tr').filter({ hasText: 'A-01' });
    await expect.poll(() => row.innerText()).toMatch(/100\s+2\s+98/);
    await page.screenshot({ path: screenshotPath('stock-reserved.png'), fullPage: true });
  });

  it("a new customer's missing licence is uploaded from the order page, and the review goes on", async () => {
    const sales = t.as(await t.token('sales'));
    const customer = await sales({
      method: 'POST',
      url: '/api/customers',
      payload: {
        code: 'NEW9',
        shortCode: 'NEW9',
        name: '杭州新客户有限公司',
        kind: 'ordinary',
        contacts: [{ name: '赵六' }],
        addresses: [{ consignee: '赵六', address: '杭州市西湖区 1 号' }],
      },
    });
    expect(customer.statusCode).toBe(201);
    const product = await productBySku(sales, 'A-01');
    const order = (
      await sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(customer.json().id, [{ productId: product.id, qty: 1 }]),
      })
    ).json();
    expect((await sales({ method: 'POST', url: `/api/orders/${order.id}/submit` })).statusCode).toBe(200);

    // The reviewer sees what is missing; the sales assistant uploads it from the same page.
    await loginAs('reviewer', `/orders/${order.id}`);
    const check = () => page.getByTestId('check-qualification');
    await expect.poll(() => check().innerText()).toContain('(0)');
    expect(await page.getByTestId('upload-qualification').count()).toBe(0);
    await loginAs('sales', `/orders/${order.id}`);
    await check()
      .locator('input[type=file]')
      .setInputFiles({
        name: '营业执照.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4 licence'),
      });
    await expect.poll(() => check().innerText()).toContain('(1)');
    expect(await page.getByTestId('upload-qualification').count()).toBe(0);
    await loginAs('reviewer', `/orders/${order.id}`);
    await page.getByTestId('order-approve').click();
    await submitDialog(page, 'reason-ok');
    await expect.poll(() => page.getByTestId('current-stage').innerText()).toContain('财务审核');
  });
});
