import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, screenshotPath, chooseOption, submitDialog } from '../helpers/browser';

let t: TestContext;
let page: Page;
let base: string;
const session = browserSession();

beforeAll(async () => {
  t = await createTestContext();
  base = await session.start(t);
});

describe('web app in Chromium', () => {
  it('logs in as admin, creates a customer, finds it, switches to English', async () => {
    page = await session.loginAs('admin');
    await page.getByTestId('main-menu').getByText('客户', { exact: true }).click();
    await page.getByTestId('customer-new').click();

    // Validation as you type: a lowercase short code is refused before saving.
    await page.getByTestId('customer-shortCode').fill('ab');
    await expect.poll(() => page.getByText('A-Z 0-9 (2–8)').count()).toBeGreaterThan(0);
    await page.getByTestId('customer-shortCode').fill('WEB');
    await page.getByTestId('customer-code').fill('WEB001');
    await page.getByTestId('customer-name').fill('浏览器测试客户');
    // Saved means the drawer closes; if it stays open, the failure names what the form or the server said.
    await submitDialog(page, 'customer-save');

    await page.getByTestId('customers-table').getByTestId('table-search').locator('input').fill('浏览器测试');
    await page.getByTestId('customers-table').getByTestId('table-search').locator('input').press('Enter');
    await expect
      .poll(() => page.getByTestId('customers-table').locator('tbody tr').filter({ hasText: 'WEB001' }).count())
      .toBe(1);

    const saved = await t.as(await t.token('admin'))({ method: 'GET', url: '/api/customers?q=WEB001' });
    expect(saved.json().items[0]).toMatchObject({ name: '浏览器测试客户', shortCode: 'WEB' });

    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByRole('heading', { name: 'Customers' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('main-menu').getByText('Stock', { exact: true }).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('customers-en.png'), fullPage: true });
    expect(fs.statSync(screenshotPath('customers-en.png')).size).toBeGreaterThan(10_000);
  });

  it('posts a goods receipt from the stock page and shows the new balance', async () => {
    await page.getByTestId('main-menu').getByText('Stock', { exact: true }).click();
    await page.getByTestId('stock-receipt').click();
    const form = page.getByTestId('posting-form');
    await chooseOption(page, form.getByTestId('posting-warehouse'), '总仓');
    await chooseOption(page, form.getByTestId('posting-product'), 'C-01');
    await form.getByTestId('posting-qty').locator('xpath=descendant-or-self::input').fill('25');
    await submitDialog(page, page.getByRole('button', { name: 'Save' }));
    // C-01 starts with 300 in the demo data.
    await expect
      .poll(() =>
        page
          .getByTestId('stock-table')
          .locator('tbody tr')
          .filter({ hasText: 'C-01' })
          .filter({ hasText: '325' })
          .count(),
      )
      .toBe(1);
    await page.screenshot({ path: screenshotPath('stock-en.png'), fullPage: true });
  });

  it('a one-time password leads to the password change page and nowhere else until it is changed', async () => {
    const admin = t.as(await t.token('admin'));
    const made = await admin({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'newbie', displayName: '新同事', password: 'one-time-123', roles: ['reviewer'] },
    });
    expect(made.statusCode).toBe(201);
    // As the first admin of a fresh installation gets it (src/modules/users/first-admin.ts).
    await t.database.db
      .updateTable('users')
      .set({ must_change_password: true })
      .where('username', '=', 'newbie')
      .execute();

    page = await session.loginForm();
    await page.getByTestId('login-username').fill('newbie');
    await page.getByTestId('login-password').fill('one-time-123');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('change-password').waitFor();
    expect(await page.getByTestId('main-menu').count()).toBe(0);
    await page.goto(`${base}/orders`);
    await page.getByTestId('change-password').waitFor();
    expect(await page.getByTestId('main-menu').count()).toBe(0);

    await page.getByTestId('change-password-current').fill('one-time-123');
    await page.getByTestId('change-password-new').fill('my-own-pass-1');
    await page.getByTestId('change-password-confirm').fill('my-own-pass-2');
    await page.getByTestId('change-password-submit').click();
    await expect.poll(() => page.getByText('两次输入的新密码不一致').count()).toBeGreaterThan(0);
    await page.getByTestId('change-password-confirm').fill('my-own-pass-1');
    await page.getByTestId('change-password-submit').click();
    await page.getByTestId('main-menu').waitFor();

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'newbie', password: 'my-own-pass-1' },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().passwordChangeRequired).toBeUndefined();
  });

  it('the header fits a phone (390 px): names in the avatar menu, nothing wraps or overflows', async () => {
    page = await session.loginAs('admin');
    await page.setViewportSize({ width: 390, height: 844 });
    const header = page.getByTestId('app-header');
    await page.getByTestId('user-menu').waitFor();
    expect(await page.getByTestId('lang-switch').count()).toBe(0);
    const fits = await header.evaluate((h) => ({
      scroll: h.scrollWidth,
      client: h.clientWidth,
      height: h.clientHeight,
    }));
    expect(fits.scroll).toBeLessThanOrEqual(fits.client);
    expect(fits.height).toBeLessThanOrEqual(64);
    await page.screenshot({ path: screenshotPath('phone-header.png') });
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).waitFor({ state: 'visible' });
    expect(await page.getByRole('menuitem', { name: '系统管理员' }).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('phone-user-menu.png') });
  });
});
