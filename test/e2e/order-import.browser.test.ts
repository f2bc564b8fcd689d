import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, screenshotPath } from '../helpers/browser';
import { buildXlsx } from '../helpers/xlsx';
import { csvText, gbk } from '../helpers/csv';
import { customerByShortCode } from '../helpers/orders';
import { ORDER_SHEET_HEADER } from '../helpers/order-sheet';

// 订单导入 in the web app: the order list's 导入 dialog, a good sheet, a large one as a job, and a refused CSV.
let t: TestContext;
let page: Page;
let code: string;
let base: string;
const session = browserSession();
const HEADER = ORDER_SHEET_HEADER;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  t = await createTestContext();
  base = await session.start(t);
  code = (await customerByShortCode(t.as(await t.token('sales')), 'ABC')).code;
});

async function chooseFile(rows: (string | number)[][], name: string) {
  // A .csv name sends the rows as the Chinese Excel saves CSV: GBK.
  const file = name.endsWith('.csv')
    ? { name, mimeType: 'text/csv', buffer: gbk(csvText([HEADER, ...rows])) }
    : { name, mimeType: XLSX, buffer: await buildXlsx(HEADER, rows) };
  await page.getByTestId('order-import-modal').locator('input[type=file]').setInputFiles(file);
}

describe('order import dialog', () => {
  it('imports a sheet, follows a large one to the end, and lists the errors of a wrong CSV', async () => {
    page = await session.loginAs('sales', '/orders');
    await page.getByTestId('order-import').click();
    await expect.poll(() => page.getByTestId('order-import-template').count()).toBe(1);
    await chooseFile(
      [
        ['WEB-IMP-1', code, 'A-01', 2, '115.00', '2026-12-20', '', '', '', ''],
        ['WEB-IMP-1', code, 'B-01', 1, '', '', '', '', '', ''],
        ['WEB-IMP-2', code, 'A-02', 3, '', '', '', '', '', ''],
      ],
      'orders.xlsx',
    );
    const result = page.getByTestId('order-import-result');
    await expect.poll(() => result.textContent()).toContain('导入成功：2 张订单，3 行明细');
    await page.screenshot({ path: screenshotPath('order-import-result-zh.png') });
    await page.getByTestId('order-import-view').click();
    await expect
      .poll(() => page.getByTestId('orders-table').locator('tbody tr').filter({ hasText: '广州安邦' }).count())
      .toBeGreaterThanOrEqual(2);

    // Over 500 lines the upload becomes a job: the dialog shows its progress, then the result.
    await page.getByTestId('order-import').click();
    const big = Array.from({ length: 600 }, (_, i) => [
      `WEB-BIG-${Math.floor(i / 3)}`,
      code,
      'C-01',
      1,
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    await chooseFile(big, 'big.xlsx');
    await expect.poll(() => page.getByTestId('order-import-progress').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('order-import-progress-zh.png') });
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toContain('导入成功：200 张订单，600 行明细');
    await page.getByTestId('order-import-view').click();

    // A CSV is taken as well, its errors listed the same way.
    await page.getByTestId('order-import').click();
    const input = page.getByTestId('order-import-modal').locator('input[type=file]');
    expect((await input.getAttribute('accept'))?.split(',')).toEqual(['.xlsx', '.csv']);
    await chooseFile(
      [
        ['WEB-BAD-1', code, 'A-01', 1, '', '', '', '', '', ''],
        ['WEB-BAD-1', code, 'NO-SUCH', 1, '', '', '', '', '', ''],
        ['WEB-BAD-2', code, 'A-02', 'x', '', '', '', '', '', ''],
      ],
      'bad.csv',
    );
    await expect.poll(() => page.getByTestId('order-import-failed').textContent()).toContain('2 处错误');
    const errors = page.getByTestId('order-import-errors');
    await expect
      .poll(() => errors.locator('tbody tr').filter({ hasText: '产品编码' }).filter({ hasText: 'NO-SUCH' }).count())
      .toBe(1);
    await expect.poll(() => errors.locator('tbody tr').filter({ hasText: '数量' }).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('order-import-errors-zh.png') });
    const none = await t.as(await t.token('sales'))({ method: 'GET', url: '/api/orders?q=WEB-BAD' });
    expect(none.json().items).toEqual([]);
  });
});
