import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, chooseOption, screenshotPath } from '../helpers/browser';
import { customerByShortCode, orderActors, orderBody, productBySku } from '../helpers/orders';
import { companyToday, yuan } from '../../web/src/format';
import { lastMonth } from '../../web/src/pages/reports/figures';

// 月度订单分析报表 in the web app: the director opens a past month, reads a figure with its definition, and clicks
// it to land on exactly the orders it counts; the 工作台 shows last month's headline figures.

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let page: Page;
const session = browserSession();
const MONTH = '2026-06';
/** The orders registered and submitted in MONTH (a draft of the same month is left out of the report). */
const counted: { id: string; number: string; total: string }[] = [];

const fen = (s: string) => Math.round(Number(s) * 100);
const yuanOfFen = (n: number) => yuan(`${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`);

beforeAll(async () => {
  t = await createTestContext();
  await session.start(t);
  a = await orderActors(t);
  const customer = await customerByShortCode(a.sales, 'ABC');
  const product = await productBySku(a.sales, 'A-01');
  // The orders are registered in the middle of June (company time), then the clock goes back to today.
  for (const [i, qty] of [1, 2, 3, 1].entries()) {
    t.setNow(new Date(`2026-06-1${i + 1}T03:00:00Z`));
    const res = await a.sales({
      method: 'POST',
      url: '/api/orders',
      payload: orderBody(customer.id, [{ productId: product.id, qty }]),
    });
    expect(res.statusCode, res.body).toBe(201);
    const order = res.json() as { id: string; number: string; total: string };
    if (i === 3) continue; // stays a draft: not one of the month's orders
    const submitted = await a.sales({ method: 'POST', url: `/api/orders/${order.id}/submit` });
    expect(submitted.statusCode, submitted.body).toBe(200);
    counted.push(order);
  }
  // Two more orders in the middle of last month, for the 工作台's last-month card.
  for (const day of ['14', '15']) {
    t.setNow(new Date(`${lastMonth(companyToday())}-${day}T03:00:00Z`));
    const res = await a.sales({
      method: 'POST',
      url: '/api/orders',
      payload: orderBody(customer.id, [{ productId: product.id, qty: 1 }]),
    });
    const submitted = await a.sales({ method: 'POST', url: `/api/orders/${res.json().id}/submit` });
    expect(submitted.statusCode, submitted.body).toBe(200);
  }
  t.setNow(undefined);
}, 120_000);

describe('the monthly report in the web app', () => {
  it('shows a figure with its definition; clicking it lists exactly the orders it counts', async () => {
    page = await session.loginAs('director');
    await page.getByTestId('main-menu').getByText('月度分析', { exact: true }).click();
    await page.getByTestId('page-title').getByText('月度订单分析报表').waitFor();
    // The month picker, in the user's locale: type the month and take it.
    const picker = page.locator('input[data-testid="report-month"], [data-testid="report-month"] input').first();
    await picker.click();
    await picker.fill(MONTH);
    await picker.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('month') === MONTH);

    const orders = page.getByTestId('figure-orderCount');
    await expect.poll(() => orders.getByTestId('figure-value').innerText()).toBe(String(counted.length));
    expect(await orders.getByTestId('definition').innerText()).toContain('已提交审核且未取消');
    const amount = counted.reduce((n, o) => n + fen(o.total), 0);
    expect(await page.getByTestId('figure-orderAmount').getByTestId('figure-value').innerText()).toBe(
      yuanOfFen(amount),
    );
    expect(await page.getByTestId('figure-completionRate').getByTestId('figure-parts').innerText()).toBe(
      `0 / ${counted.length}`,
    );
    await page.getByTestId('chart-region').locator('canvas').first().waitFor();
    await page.screenshot({ path: screenshotPath('reports-month-zh.png'), fullPage: true });
    // The downloads are the same month's workbook and PDF.
    for (const [id, type] of [
      ['report-xlsx', 'spreadsheetml'],
      ['report-pdf', 'application/pdf'],
    ]) {
      const href = (await page.getByTestId(id).getAttribute('href'))!;
      expect(href).toContain(`month=${MONTH}`);
      const file = await page.request.get(new URL(href, page.url()).toString());
      expect(file.status(), id).toBe(200);
      expect(file.headers()['content-type'], id).toContain(type);
    }

    // The closed month can be built again; the KPI query over the month credits the orders to their clerk.
    await page.getByTestId('report-rebuild').click();
    await page.locator('.ant-message-notice').getByText('已按当前数据重新生成').waitFor();
    await page.getByRole('tab', { name: 'KPI 查询' }).click();
    const clerk = (await a.sales({ method: 'GET', url: '/api/auth/me' })).json().user.displayName as string;
    const row = page.getByTestId('kpi-table').locator('tbody tr').filter({ hasText: clerk });
    await expect.poll(async () => (await row.locator('td').allInnerTexts()).slice(0, 2)).toEqual([clerk, '3']);
    await page.getByRole('tab', { name: '概览' }).click();

    await orders.click();
    await page.waitForURL(`**/reports/monthly/${MONTH}/orderCount`);
    const table = page.getByTestId('figure-orders');
    const numbers = () => table.locator('tbody tr a').allInnerTexts();
    await expect.poll(async () => (await numbers()).sort()).toEqual(counted.map((o) => o.number).sort());
    expect(await page.getByTestId('drill-scope').innerText()).toBe('本月订单');
    await page.screenshot({ path: screenshotPath('reports-drill-zh.png'), fullPage: true });

    // In English the same page names the figure and its list in English; the order opens from its number.
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('page-title').innerText()).toBe(`Orders · ${MONTH}: the orders`);
    await page.screenshot({ path: screenshotPath('reports-drill-en.png'), fullPage: true });
    await page.getByTestId('back-to-report').click();
    await expect
      .poll(() => page.getByTestId('figure-orderCount').getByTestId('definition').innerText())
      .toContain('submitted for review, not cancelled');
    await page.getByTestId('chart-region').locator('canvas').first().waitFor();
    await page.screenshot({ path: screenshotPath('reports-month-en.png'), fullPage: true });
    await page.getByTestId('drill-orderCount').click();
    await table.getByText(counted[0].number).click();
    await page.waitForURL(`**/orders/${counted[0].id}`);
  });

  it("the director's 工作台 shows last month's figures, which open the report", async () => {
    const month = lastMonth(companyToday());
    // Built again now, in case the monthly job took its snapshot before the two orders were registered.
    const rebuilt = await a.director({ method: 'POST', url: '/api/reports/monthly/rebuild', payload: { month } });
    expect(rebuilt.statusCode, rebuilt.body).toBe(200);
    const report = rebuilt.json() as { figures: { key: string; value: number | null }[] };
    const orderCount = report.figures.find((f) => f.key === 'orderCount')!.value!;
    expect(orderCount).toBeGreaterThanOrEqual(2);
    page = await session.loginAs('director');
    const card = page.getByTestId('last-month');
    await expect.poll(() => card.getByTestId('last-month-orderCount').innerText()).toBe(`订单数\n${orderCount}`);
    expect(await card.innerText()).toContain(`上月经营 · ${month}`);
    expect(await card.innerText()).toContain('回款率');
    await page.screenshot({ path: screenshotPath('reports-workbench-zh.png'), fullPage: true });
    await card.getByTestId('last-month-orderCount').click();
    await page.waitForURL((url) => url.pathname === '/reports/monthly' && url.searchParams.get('month') === month);
    await page.getByTestId('figure-orderCount').waitFor();

    // Another company's report is that company's: switching on the page switches the session, as the header does.
    page = await session.loginAs('admin', `/reports/monthly?month=${MONTH}`);
    await expect.poll(() => page.getByTestId('figure-orderCount').getByTestId('figure-value').innerText()).toBe('3');
    await chooseOption(page, page.getByTestId('report-company'), '华东分销有限公司');
    await expect.poll(() => page.getByTestId('page-header').innerText()).toContain('华东分销有限公司 · 2026-06');
    await expect.poll(() => page.getByTestId('figure-orderCount').getByTestId('figure-value').innerText()).toBe('0');

    // A role without the report sees neither the card nor the menu entry.
    page = await session.loginAs('sales');
    await page.getByTestId('todos').waitFor();
    expect(await page.getByTestId('last-month').count()).toBe(0);
    expect(await page.getByTestId('main-menu').getByText('月度分析', { exact: true }).count()).toBe(0);
  });
});
