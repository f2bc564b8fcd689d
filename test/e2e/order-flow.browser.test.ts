import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, screenshotPath, chooseOption, submitDialog } from '../helpers/browser';
import { customerByShortCode, uploadQualification } from '../helpers/orders';

let t: TestContext;
let page: Page;
let base: string;
const session = browserSession();

beforeAll(async () => {
  t = await createTestContext();
  const sales = t.as(await t.token('sales'));
  await uploadQualification(sales, (await customerByShortCode(sales, 'ABC')).id);
  base = await session.start(t);
});

async function loginAs(username: string) {
  page = await session.loginAs(username);
}

const pickOption = (testId: string, text: string) =>
  chooseOption(page, page.getByTestId(testId).first(), text, { search: true });

const orderStatus = () => page.getByTestId('order-number').getByTestId('status-tag').innerText();

describe('order flow in Chromium', () => {
  let orderUrl = '';

  it('a sales assistant registers an order and submits it for review', async () => {
    await loginAs('sales');
    await page.goto(`${base}/orders/new`);
    await pickOption('order-customer', 'ABC');
    await page.getByTestId('order-delivery-date').fill('2026-12-24');
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
    await page.goto(orderUrl);
    await expect.poll(() => page.getByTestId('current-stage').innerText()).toContain('销售审核');
    await page.getByTestId('order-approve').click();
    await expect.poll(() => page.getByTestId('current-stage').innerText()).toContain('财务审核');
    await loginAs('finance');
    await page.goto(orderUrl);
    await page.getByTestId('order-approve').click();
    await expect.poll(orderStatus).toBe('待客户确认');
  });

  it('the sales assistant records the confirmation; the stock page shows the reservation', async () => {
    await loginAs('sales');
    await page.goto(orderUrl);
    await page.getByTestId('order-confirm').click();
    await submitDialog(page, 'confirm-ok');
    await expect.poll(orderStatus).toBe('已确认');
    await expect.poll(() => page.getByTestId('order-lines').locator('tbody tr').first().innerText()).toMatch(/2\s+0$/);
    await page.screenshot({ path: screenshotPath('order-confirmed.png'), fullPage: true });
    await page.getByTestId('main-menu').getByText('库存').click();
    // A-01 starts with 100 on hand in the demo data: 2 reserved, 98 available.
    const row = page.getByTestId('stock-table').locator('tbody tr').filter({ hasText: 'A-01' });
    await expect.poll(() => row.innerText()).toMatch(/100\s+2\s+98/);
    await page.screenshot({ path: screenshotPath('stock-reserved.png'), fullPage: true });
  });
});
