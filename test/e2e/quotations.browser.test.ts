import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, screenshotPath, submitDialog } from '../helpers/browser';
import { customerByShortCode, orderActors } from '../helpers/orders';

// 询盘 → 报价 → 订单 in Chromium: the salesperson answers an inquiry with a quotation (prefilled from it), sees the
// margin, sends it, records the customer's acceptance and registers the order in one step.

let t: TestContext;
let page: Page;
let base: string;
const session = browserSession();
let inquiry: { id: string; number: string };
let discounted: { id: string; number: string };
let described: { id: string; number: string };

beforeAll(async () => {
  t = await createTestContext();
  const a = await orderActors(t);
  const product = (
    await a.admin({
      method: 'POST',
      url: '/api/products',
      payload: { sku: 'QB-01', name: '报价测试品', listPrice: '200.00', standardCost: '120.00' },
    })
  ).json();
  const abc = await customerByShortCode(a.sales, 'ABC');
  inquiry = (
    await a.sales({
      method: 'POST',
      url: '/api/inquiries',
      payload: {
        customerId: abc.id,
        source: 'phone',
        description: '询价 QB-01 五台',
        lines: [{ productId: product.id, qty: 5 }],
        wantedDate: '2099-01-15',
        packingTerms: '木箱',
      },
    })
  ).json();
  discounted = (
    await a.sales({
      method: 'POST',
      url: '/api/quotations',
      payload: {
        customerId: abc.id,
        validUntil: '2099-01-10',
        lines: [{ productId: product.id, qty: 5, unitPrice: '150.00' }],
      },
    })
  ).json();
  await a.sales({ method: 'POST', url: `/api/quotations/${discounted.id}/submit` });
  // An inquiry with a line described in words (no product yet), and a customer price of another product.
  described = (
    await a.sales({
      method: 'POST',
      url: '/api/inquiries',
      payload: {
        customerId: abc.id,
        source: 'email',
        lines: [
          { productId: product.id, qty: 2 },
          { description: '定制支架', spec: '不锈钢', unit: '套', qty: 3 },
        ],
      },
    })
  ).json();
  const other = (
    await a.admin({
      method: 'POST',
      url: '/api/products',
      payload: { sku: 'QB-02', name: '客户价测试品', listPrice: '100.00', standardCost: '50.00' },
    })
  ).json();
  await a.director({
    method: 'PUT',
    url: `/api/customers/${abc.id}/prices`,
    payload: { discountPercent: null, prices: [{ productId: other.id, price: '88.00' }] },
  });
  base = await session.start(t);
});

const modalOk = () => page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary');
const status = () => page.getByTestId('quotation-status').first().innerText();

describe('inquiry → quotation → order', () => {
  it('answers the inquiry, sends the quotation, and registers the order from it in one step', async () => {
    page = await session.loginAs('sales', '/inquiries');
    const row = page.getByTestId('inquiries').locator('tr', { hasText: inquiry.number });
    await row.getByTestId('inquiry-quote').click();
    const form = page.getByTestId('quotation-form');
    await expect.poll(() => form.getByTestId('line-qty').first().inputValue()).toBe('5');
    await form.getByTestId('quotation-valid-until').fill('2099-01-10');
    await submitDialog(page, modalOk());

    await page.waitForURL(/\/quotations\/[0-9a-f-]{36}$/);
    await expect.poll(status).toBe('草稿');
    await expect.poll(() => page.getByTestId('quotation-total').innerText()).toBe('¥1,000.00');
    expect(await page.getByTestId('quotation-margin').innerText()).toBe('¥400.00');
    expect(await page.getByTestId('quotation-approval').innerText()).toContain('可直接发送');
    await page.screenshot({ path: screenshotPath('quotation-draft.png'), fullPage: true });

    await page.getByTestId('quotation-send').click();
    await expect.poll(status).toBe('已发送');
    await page.getByTestId('quotation-accept').click();
    await expect.poll(status).toBe('已接受');
    await page.getByTestId('quotation-order').click();

    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    const orderId = page.url().split('/').pop()!;
    const order = (await t.as(await t.token('sales'))({ method: 'GET', url: `/api/orders/${orderId}` })).json();
    expect(
      order.lines.map((l: { sku: string; qty: number; unitPrice: string }) => [l.sku, l.qty, l.unitPrice]),
    ).toEqual([['QB-01', 5, '200.00']]);
    expect(order.expectedDeliveryDate).toBe('2099-01-15');
    await expect.poll(() => page.getByText(order.number).first().isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('quotation-order.png'), fullPage: true });
  });

  it('the director approves a discounted quotation; a revision shows what changed', async () => {
    page = await session.loginAs('director', `/quotations/${discounted.id}`);
    await expect.poll(status).toBe('待总监审批');
    expect(await page.getByTestId('quotation-approval').innerText()).toContain('单价低于允许折扣');
    await page.getByTestId('quotation-approve').click();
    await expect.poll(status).toBe('已批准');

    page = await session.loginAs('sales', `/quotations/${discounted.id}`);
    await expect.poll(status).toBe('已批准');
    await page.getByTestId('quotation-revise').click();
    const form = page.getByTestId('quotation-revise-form');
    await expect.poll(() => form.getByTestId('line-qty').first().inputValue()).toBe('5');
    await form.getByTestId('line-qty').first().fill('8');
    await submitDialog(page, modalOk());
    await expect.poll(status).toBe('草稿');
    const versions = page.getByTestId('quotation-versions');
    await expect.poll(() => versions.innerText()).toContain('第 1 行 数量: 5 → 8');
    expect(await versions.innerText()).toContain('合计: ¥750.00 → ¥1,200.00');
    await page.screenshot({ path: screenshotPath('quotation-versions.png'), fullPage: true });
  });

  it('a described inquiry line waits to be matched in the quotation; lines show their price source', async () => {
    page = await session.loginAs('sales', '/inquiries');
    await page
      .getByTestId('inquiries')
      .locator('tr', { hasText: described.number })
      .getByTestId('inquiry-quote')
      .click();
    const form = page.getByTestId('quotation-form');
    await expect.poll(() => form.getByTestId('line-unmatched').innerText()).toContain('定制支架 · 不锈钢 · 套');
    await form.getByTestId('quotation-valid-until').fill('2099-01-10');
    await submitDialog(page, modalOk());
    await page.waitForURL(/\/quotations\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('quotation-unmatched').innerText()).toContain('2. 定制支架');
    expect(await page.getByTestId('line-price-source').allInnerTexts()).toEqual(['价目表价', '待匹配产品']);
    expect(await page.getByTestId('quotation-send').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('quotation-unmatched.png'), fullPage: true });
    await page.evaluate(() => localStorage.setItem('luyue.lang', 'en'));
    await page.reload();
    await expect
      .poll(() => page.getByTestId('line-price-source').allInnerTexts())
      .toEqual(['List price', 'Product to match']);
    await page.screenshot({ path: screenshotPath('quotation-unmatched-en.png'), fullPage: true });
    await page.evaluate(() => localStorage.setItem('luyue.lang', 'zh-CN'));
  });

  it("the customer's prices are kept in a drawer on the customer page", async () => {
    page = await session.loginAs('director', '/customers');
    await page
      .getByTestId('customers-table')
      .locator('tr', { hasText: 'ABC' })
      .getByTestId('customer-prices-open')
      .click();
    const drawer = page.getByTestId('customer-prices');
    await expect.poll(() => drawer.locator('input[value="88.00"]').count()).toBe(1);
    expect(await drawer.innerText()).toContain('QB-02 客户价测试品');
    expect(await drawer.innerText()).toContain('客户折扣');
    await page.screenshot({ path: screenshotPath('customer-prices.png'), fullPage: true });
  });
});
