import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, screenshotPath, submitDialog } from '../helpers/browser';

let t: TestContext;
let page: Page;
const session = browserSession();

beforeAll(async () => {
  t = await createTestContext();
  await session.start(t);
});

async function openCustomer(code: string) {
  await page.getByTestId('main-menu').getByText('客户', { exact: true }).click();
  const search = page.getByTestId('customers-table').getByTestId('table-search').locator('input');
  await search.fill(code);
  await search.press('Enter');
  const row = page.getByTestId('customers-table').locator('tbody tr').filter({ hasText: code });
  await expect.poll(() => row.count()).toBe(1);
  await row.locator('button').first().click();
  await page.getByTestId('customer-credit').waitFor();
}

describe('credit terms in the web app', () => {
  it('a new customer: sales cannot set credit terms (the form says finance does), finance can', async () => {
    page = await session.loginAs('sales');
    await page.getByTestId('main-menu').getByText('客户', { exact: true }).click();
    await page.getByTestId('customer-new').click();
    await page.getByTestId('customer-form').waitFor();
    await expect.poll(() => page.getByTestId('customer-creditLimit').isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId('customer-credit-hint').isVisible()).toBe(true);

    page = await session.loginAs('finance');
    await page.getByTestId('main-menu').getByText('客户', { exact: true }).click();
    await page.getByTestId('customer-new').click();
    await page.getByTestId('customer-form').waitFor();
    await expect.poll(() => page.getByTestId('customer-creditLimit').isDisabled()).toBe(false);
    expect(await page.getByTestId('customer-credit-hint').count()).toBe(0);
  });

  it('sales request a credit change; finance approves; the customer shows the history', async () => {
    page = await session.loginAs('sales');
    await openCustomer('ABC');
    await expect.poll(() => page.getByTestId('customer-creditLimit').isDisabled()).toBe(true);
    await page.getByTestId('credit-request').click();
    await page.getByTestId('credit-request-limit').fill('654321.00');
    await page.getByTestId('credit-request-reason').fill('旺季备货');
    await submitDialog(page, 'credit-request-ok');
    await expect
      .poll(() => page.getByTestId('credit-requests').locator('tbody tr').filter({ hasText: '旺季备货' }).count())
      .toBe(1);
    // Sales see the request but no approve button: the server gives them no such action.
    expect(await page.getByTestId('credit-approve').count()).toBe(0);

    page = await session.loginAs('finance');
    await page.getByTestId('main-menu').getByRole('link', { name: '财务', exact: true }).click();
    await page.getByRole('tab', { name: /待审批信用变更/ }).click();
    const row = page.getByTestId('credit-requests').locator('tbody tr').filter({ hasText: '旺季备货' });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByTestId('credit-approve').click();
    await submitDialog(page, 'credit-approve-ok');
    await expect.poll(() => row.count()).toBe(0);

    const sales = t.as(await t.token('sales'));
    const customer = (await sales({ method: 'GET', url: '/api/customers?q=ABC' })).json().items[0];
    expect(customer.creditLimit).toBe('654321.00');

    await openCustomer('ABC');
    const history = page.getByTestId('credit-history').locator('tbody tr').filter({ hasText: '旺季备货' });
    await expect.poll(() => history.count()).toBe(1);
    expect(await history.innerText()).toContain('¥654,321.00');
    expect(await history.innerText()).toContain('孙财务');
    await page.screenshot({ path: screenshotPath('customer-credit-history.png'), fullPage: true });
  });
});
