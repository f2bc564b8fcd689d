import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, chooseOption, screenshotPath } from '../helpers/browser';
import { customerByShortCode, orderBody, productBySku } from '../helpers/orders';
import { readXlsxRows } from '../helpers/xlsx';

// 订单 list in Chromium: filtered by several statuses and an order-date range; the address keeps the filters and
// the Excel export carries them, so the file holds what the table shows.

let t: TestContext;
let page: Page;
const session = browserSession();
const numbers: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestContext();
  await session.start(t);
  const sales = t.as(await t.token('sales'));
  const customer = await customerByShortCode(sales, 'ABC');
  const product = await productBySku(sales, 'A-01');
  const register = async (orderDate: string) =>
    (
      await sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(customer.id, [{ productId: product.id, qty: 1 }], { orderDate }),
      })
    ).json() as { id: string; number: string };
  const draft = await register('2025-03-05');
  const submitted = await register('2025-03-20');
  const later = await register('2025-05-02');
  const res = await sales({ method: 'POST', url: `/api/orders/${submitted.id}/submit` });
  expect(res.statusCode, res.body).toBe(200);
  Object.assign(numbers, { draft: draft.number, submitted: submitted.number, later: later.number });
});

const shownNumbers = () => page.getByTestId('orders-table').locator('tbody tr a').allInnerTexts();

describe('order list filters in the web app', () => {
  it('filters by status and date range; the address and the export link hold the filters', async () => {
    page = await session.loginAs('orderadmin', '/orders');
    await page.getByTestId('orders-table').waitFor();

    const status = page.getByTestId('filter-status');
    await status.click();
    for (const name of ['草稿', '审核中'])
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: name })
        .first()
        .click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await page.waitForURL(/status=draft%2Cin_review|status=draft,in_review/);

    await page.getByPlaceholder('开始日期').click();
    await page.getByPlaceholder('开始日期').fill('2025-03-01');
    await page.keyboard.press('Enter');
    await page.getByPlaceholder('结束日期').fill('2025-03-31');
    await page.keyboard.press('Enter');
    await page.waitForURL(/from=2025-03-01/);
    await page.waitForURL(/to=2025-03-31/);

    await expect.poll(async () => (await shownNumbers()).sort()).toEqual([numbers.draft, numbers.submitted].sort());
    const tags = page.getByTestId('orders-table').getByTestId('status-tag');
    expect(new Set(await tags.allInnerTexts())).toEqual(new Set(['草稿', '审核中']));
    expect(await page.getByTestId('orders-table').innerText()).toMatch(/¥[\d,]+\.\d{2}/);

    const url = new URL(page.url());
    expect(url.searchParams.get('status')).toBe('draft,in_review');
    expect(url.searchParams.get('from')).toBe('2025-03-01');
    expect(url.searchParams.get('to')).toBe('2025-03-31');

    const href = (await page.getByTestId('orders-table-export').getAttribute('href'))!;
    const exportUrl = new URL(href, page.url());
    expect(exportUrl.pathname).toBe('/api/orders/export.xlsx');
    expect(exportUrl.searchParams.get('status')).toBe('draft,in_review');
    expect(exportUrl.searchParams.get('from')).toBe('2025-03-01');
    expect(exportUrl.searchParams.get('to')).toBe('2025-03-31');
    const file = await page.request.get(exportUrl.toString());
    expect(file.status()).toBe(200);
    const sheets = await readXlsxRows(await file.body());
    const rows = sheets['订单'].slice(1).map((r) => r[0]);
    expect(rows.sort()).toEqual([numbers.draft, numbers.submitted].sort());
    await page.screenshot({ path: screenshotPath('orders-list-zh.png'), fullPage: true });

    // A shared link opens the list filtered the same way, in English too.
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => tags.allInnerTexts()).toEqual(expect.arrayContaining(['Draft', 'In review']));
    await page.reload();
    await expect.poll(async () => (await shownNumbers()).sort()).toEqual([numbers.draft, numbers.submitted].sort());
    expect(await page.getByTestId('orders-table-export').getAttribute('href')).toContain('lang=en');
    await page.screenshot({ path: screenshotPath('orders-list-en.png'), fullPage: true });
  });

  it('finance filters the invoices by type; the export link carries the filter and the language', async () => {
    page = await session.loginAs('finance', '/finance');
    await page.getByRole('tab', { name: '发票', exact: true }).click();
    const filters = page.getByTestId('invoices-filters');
    await filters.waitFor();
    await chooseOption(page, filters.locator('.ant-select').last(), '专票');
    const href = () => page.getByTestId('invoices-export').getAttribute('href');
    await expect.poll(href).toContain('type=special');
    expect(await href()).toContain('lang=zh-CN');
    await page.screenshot({ path: screenshotPath('finance-invoices-zh.png'), fullPage: true });
  });
});
