import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, screenshotPath } from '../helpers/browser';
import { customerByShortCode, orderBody, productBySku } from '../helpers/orders';

// 工作台: each role opens the app on its own to-dos; a card opens its list already filtered.

let t: TestContext;
let page: Page;
const session = browserSession();

beforeAll(async () => {
  t = await createTestContext();
  await session.start(t);
});

describe('workbench in the web app', () => {
  it("sales see their drafts and open them filtered; the director sees the month's figures", async () => {
    const sales = t.as(await t.token('sales'));
    const customer = await customerByShortCode(sales, 'ABC');
    const product = await productBySku(sales, 'A-01');
    for (let i = 0; i < 2; i++)
      await sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(customer.id, [{ productId: product.id, qty: 1 }]),
      });
    const drafts = (await sales({ method: 'GET', url: '/api/orders?status=draft&mine=true' })).json().total;

    page = await session.loginAs('sales');
    const card = page.getByTestId('todo-myDrafts');
    await expect.poll(() => card.innerText()).toContain(String(drafts));
    expect(await card.innerText()).toContain('我的草稿');
    expect(await page.getByTestId('todo-toPick').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('workbench-sales.png'), fullPage: true });
    await card.click();
    await page.waitForURL(/\/orders\?status=draft&mine=true/);
    const tags = page.getByTestId('orders-table').getByTestId('status-tag');
    await expect.poll(() => tags.count()).toBe(Math.min(drafts, 20));
    expect(new Set(await tags.allInnerTexts())).toEqual(new Set(['草稿']));

    page = await session.loginAs('director');
    const month = page.getByTestId('month');
    await month.waitFor();
    expect(await month.innerText()).toMatch(/¥[\d,]+\.\d{2}/);
    await expect.poll(() => page.getByTestId('todo-toReview').count()).toBe(1);
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => month.innerText()).toContain('This month');
    await page.screenshot({ path: screenshotPath('workbench-director-en.png'), fullPage: true });
  });

  it('every role sees the counts of its own to-dos, and each card opens its list', async () => {
    for (const username of ['reviewer', 'warehouse', 'logistics', 'service', 'finance', 'orderadmin', 'allocation']) {
      const api = t.as(await t.token(username));
      const { todos } = (await api({ method: 'GET', url: '/api/workbench' })).json() as {
        todos: { key: string; path: string; count: number }[];
      };
      expect(todos.length, username).toBeGreaterThan(0);
      page = await session.loginAs(username);
      for (const todo of todos)
        await expect.poll(() => page.getByTestId(`todo-${todo.key}`).innerText()).toContain(String(todo.count));
      // The first card leads to the list it counts.
      await page.getByTestId(`todo-${todos[0].key}`).click();
      await page.waitForURL((url) => url.pathname + url.search === todos[0].path);
      await page.getByTestId('page-title').waitFor();
    }
  });
});
