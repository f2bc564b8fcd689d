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
  base = await session.start(t);
});

const modalOk = () => page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary');
const status = () => page.getByTestId('quotation-status').first().innerText();

describe('inquiry → quotation → order', () => {
  it('answers the inquiry, sends the quotation, and registers the order from it in one step', async () => {
    page = await session.loginAs('sales');
    await page.goto(`${base}/inquiries`);
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
    page = await session.loginAs('director');
    await page.goto(`${base}/quotations/${discounted.id}`);
    await expect.poll(status).toBe('待总监审批');
    expect(await page.getByTestId('quotation-approval').innerText()).toContain('单价低于允许折扣');
    await page.getByTestId('quotation-approve').click();
    await expect.poll(status).toBe('已批准');

    page = await session.loginAs('sales');
    await page.goto(`${base}/quotations/${discounted.id}`);
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
});
