import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, screenshotPath, submitDialog, openInApp } from '../helpers/browser';
import { customerByShortCode, orderActors } from '../helpers/orders';

// 销售合同 in Chromium, as its users walk it: the salesperson drafts the contract from the accepted quotation and
// submits it; legal, finance and the general manager each approve their stage from the notice they get; the
// salesperson signs with the scan and calls off an order; the detail page read in Chinese and in English.

let t: TestContext;
let page: Page;
let base: string;
let quotation: { id: string; number: string };
let contractId: string;
const session = browserSession();

beforeAll(async () => {
  t = await createTestContext();
  const a = await orderActors(t);
  const product = (
    await a.admin({
      method: 'POST',
      url: '/api/products',
      payload: { sku: 'HTB-01', name: '合同测试品', listPrice: '600.00', standardCost: '400.00' },
    })
  ).json();
  const abc = await customerByShortCode(a.sales, 'ABC');
  quotation = (
    await a.sales({
      method: 'POST',
      url: '/api/quotations',
      payload: {
        customerId: abc.id,
        validUntil: '2099-01-10',
        paymentMethod: 'credit',
        paymentDays: 30,
        lines: [{ productId: product.id, qty: 500 }],
      },
    })
  ).json();
  await a.sales({ method: 'POST', url: `/api/quotations/${quotation.id}/send` });
  await a.sales({ method: 'POST', url: `/api/quotations/${quotation.id}/accept` });
  base = await session.start(t);
});

const status = () => page.getByTestId('contract-status').first().innerText();

/** The reviewer finds the contract through the notice of the stage, and approves it there. */
async function approveFromNotice(username: string, stageText: string, button: 'contract-pass' | 'contract-approve') {
  page = await session.loginAs(username, '/notifications');
  const notice = page
    .getByTestId('notifications')
    .getByRole('link', { name: new RegExp(`销售合同.*（${stageText}）`) });
  await notice.first().click();
  await page.waitForURL(/\/contracts\/[0-9a-f-]{36}$/);
  await expect.poll(status).toBe('审批中');
  await page.getByTestId(button).click();
}

describe('quotation → contract → legal, finance, GM → signed → call-off', () => {
  it('drafts the contract from the accepted quotation and submits it for review', async () => {
    page = await session.loginAs('sales', `/quotations/${quotation.id}`);
    await page.getByTestId('quotation-contract').click();
    await page.waitForURL(/\/contracts\/[0-9a-f-]{36}$/);
    contractId = page.url().split('/').pop()!;
    await expect.poll(status).toBe('草稿');
    expect(await page.getByText('¥300,000.00').first().isVisible()).toBe(true);
    // While draft: the customer's PO and the contract's own overdue interest.
    await page.getByTestId('contract-edit').click();
    await page.getByTestId('contract-edit-po').fill('PO-7788');
    await page.getByTestId('contract-edit-interest').fill('0.05');
    await submitDialog(page, page.getByRole('button', { name: '保 存' }));
    await expect.poll(() => page.getByText('日 0.05%').first().isVisible()).toBe(true);
    expect(await page.getByText('PO-7788').first().isVisible()).toBe(true);
    await page.getByTestId('contract-submit').click();
    await expect.poll(status).toBe('审批中');
    await expect.poll(() => page.getByText('法务审核').first().isVisible()).toBe(true);
  });

  it('legal, finance and the general manager approve their stages in turn', async () => {
    await approveFromNotice('legal', '法务审核', 'contract-pass');
    await expect.poll(() => page.getByTestId('contract-stages').innerText()).toContain('财务审核');
    // Legal keeps the company's clause templates on their own page.
    await openInApp(page, '/contract-clauses');
    await expect.poll(() => page.getByTestId('clause-templates').innerText()).toContain('质量标准');
    expect(await page.getByTestId('clause-new').isVisible()).toBe(true);
    await approveFromNotice('finance', '财务审核', 'contract-pass');
    await expect.poll(() => page.getByTestId('contract-stages').innerText()).toContain('总经理');
    await approveFromNotice('gm', '总经理', 'contract-approve');
    await expect.poll(status).toBe('已批准');
    expect(await page.getByTestId('contract-stages').innerText()).toContain('何法务');
  });

  it('is signed with the scan, and an order is called off it at the contract price', async () => {
    page = await session.loginAs('sales', '/notifications');
    await page.getByTestId('notifications').getByRole('link', { name: '已审批通过' }).first().click();
    await page.waitForURL(`${base}/contracts/${contractId}`);
    await page.getByTestId('contract-sign').click();
    await page
      .locator('.ant-modal:visible input[type=file]')
      .setInputFiles({ name: '合同扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 signed') });
    await page.locator('.ant-modal:visible input[placeholder]').fill('张采购');
    await submitDialog(page, 'contract-sign-ok');
    await expect.poll(status).toBe('已签订');

    await page.getByTestId('contract-order').click();
    await page.getByTestId('calloff-qty-1').fill('120');
    await submitDialog(page, page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary'));
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);

    await openInApp(page, `/contracts/${contractId}`);
    await expect.poll(() => page.getByTestId('contract-performance').innerText()).toContain('¥72,000.00');
    const lines = await page.getByTestId('contract-lines').innerText();
    expect(lines).toContain('¥600.00');
    expect(lines).toContain('¥300,000.00');
    expect(lines).toMatch(/120\s+380/);
    expect(await page.getByText('张采购').first().isVisible()).toBe(true);
    // The clauses read as a contract does: the total grouped, the payment method by name, no blank date.
    const body = await page.locator('body').innerText();
    for (const s of ['人民币 300,000.00 元', '付款方式：账期', '交货日期：另行约定']) expect(body).toContain(s);
    expect(await page.getByTestId('contract-actions').innerText()).toContain('提前终止');
    await page.screenshot({ path: screenshotPath('contract-detail-zh.png'), fullPage: true });
  });

  it('reads in English: statuses, stages and money in words and ¥ amounts, no codes', async () => {
    await page.evaluate(() => localStorage.setItem('luyue.lang', 'en'));
    await page.reload();
    await expect.poll(status).toBe('Signed');
    const text = await page.locator('body').innerText();
    const english = ['Legal review', 'Finance review', 'General manager', 'Call-off orders', '¥72,000.00'];
    for (const s of [
      ...english,
      'Sales contract HT',
      'Contract total CNY 300,000.00',
      'Payment: Credit terms, 30 days.',
    ])
      expect(text).toContain(s);
    for (const code of ['in_review', 'signed_', 'contracts.', 'enums.', 'portal:']) expect(text).not.toContain(code);
    await page.screenshot({ path: screenshotPath('contract-detail-en.png'), fullPage: true });
    await page.evaluate(() => localStorage.setItem('luyue.lang', 'zh-CN'));
  });
});
