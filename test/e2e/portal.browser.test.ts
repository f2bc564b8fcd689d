import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, screenshotPath } from '../helpers/browser';
import { orderActors, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { orderAwaitingConfirmation, portalLogin } from '../helpers/portal';

// 客户门户 on a phone (390 × 844): a customer's contact logs in, finds its order and confirms it.

let t: TestContext;
let order: { id: string; number: string };
const session = browserSession();

beforeAll(async () => {
  t = await createTestContext();
  const a = await orderActors(t);
  const f = fulfilmentFactories(t, a);
  const customer = await f.newCustomer('PWB');
  const other = await f.newCustomer('PWC');
  const product = await productBySku(a.sales, 'A-01');
  order = await orderAwaitingConfirmation(t, a, customer, [{ productId: product.id, qty: 1 }]);
  await orderAwaitingConfirmation(t, a, other, [{ productId: product.id, qty: 1 }]);
  await portalLogin(t, a.sales, customer, 'pwb.buyer');
  await f.newCustomer('PWD');
  await session.start(t);
});

async function expectNoSidewaysScroll(page: Page, step: string) {
  const w = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(w.scroll, `${step}: ${w.scroll} > ${w.client}`).toBeLessThanOrEqual(w.client);
}

describe('the customer portal on a phone', () => {
  it('the customer logs in, sees only its order, confirms it and sees it proceed', async () => {
    const page = await session.loginForm();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('login-username').fill('pwb.buyer');
    await page.getByTestId('login-password').fill('portal-secret-1');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('portal-title').waitFor();
    expect(new URL(page.url()).pathname).toBe('/portal');
    expect(await page.getByTestId('main-menu').count()).toBe(0);

    const cards = page.getByTestId('portal-order-card');
    await expect.poll(() => cards.count()).toBe(1);
    expect(await cards.first().innerText()).toContain(order.number);
    expect(await cards.first().innerText()).toContain('待客户确认');
    await expectNoSidewaysScroll(page, 'orders');

    await cards.first().click();
    await page.getByTestId('portal-confirm').click();
    await expect.poll(() => page.getByTestId('portal-order-status').innerText()).toBe('已确认');
    await expect.poll(() => page.getByTestId('portal-timeline').innerText()).toContain('已确认');
    expect(await page.getByTestId('portal-confirm').count()).toBe(0);
    await expectNoSidewaysScroll(page, 'order');
    await page.screenshot({ path: screenshotPath('portal-phone-zh.png'), fullPage: true });

    const staff = await t.as(await t.token('sales'))({ method: 'GET', url: `/api/orders/${order.id}` });
    expect(staff.json().status).toBe('confirmed');
  });

  it('sales invite a contact, who changes the first password and lands in the portal', async () => {
    const staff = await session.loginAs('sales');
    await staff.getByTestId('main-menu').getByText('客户', { exact: true }).click();
    const search = staff.getByTestId('customers-table').getByTestId('table-search').locator('input');
    await search.fill('PWD');
    await search.press('Enter');
    const row = staff.getByTestId('customers-table').locator('tbody tr').filter({ hasText: 'PWD' });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByTestId('portal-invite').click();
    const form = staff.getByTestId('portal-invite-form');
    await form.getByLabel('登录名').fill('pwd.buyer');
    await form.getByLabel('姓名').fill('周采购');
    await staff
      .getByRole('button', { name: '保 存' })
      .or(staff.getByRole('button', { name: '保存' }))
      .click();
    const done = staff.getByTestId('portal-invite-done');
    await expect.poll(() => done.innerText()).toContain('初始密码');
    const password = /初始密码：(\S+?)（/.exec(await done.innerText())![1];

    const page = await session.loginForm();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('login-username').fill('pwd.buyer');
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('change-password-current').fill(password);
    await page.getByTestId('change-password-new').fill('new-portal-pass-1');
    await page.getByTestId('change-password-confirm').fill('new-portal-pass-1');
    await page.getByTestId('change-password-submit').click();
    await page.getByTestId('portal-title').waitFor();
    expect(new URL(page.url()).pathname).toBe('/portal');
    await expectNoSidewaysScroll(page, 'first login');
  });
});
