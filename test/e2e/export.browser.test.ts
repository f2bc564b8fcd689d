import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, chooseOption, screenshotPath, submitDialog } from '../helpers/browser';
import { orderActors } from '../helpers/orders';

// 外贸订单 in Chromium, as its users: the salesperson registers a USD order with its trade term, ports and
// containers; the documents clerk records an L/C with a discrepancy (the shipment gate says so on the 外贸 page),
// amends it, books the inspection and records a pass, after which the order may ship. Screens in zh-CN and en.

let t: TestContext;
let page: Page;
let base: string;
let admin: Awaited<ReturnType<typeof orderActors>>['admin'];
const session = browserSession();

beforeAll(async () => {
  t = await createTestContext();
  admin = (await orderActors(t)).admin;
  await admin({
    method: 'POST',
    url: '/api/products',
    payload: { sku: 'EX-01', name: '出口测试品', listPrice: '700.00' },
  });
  await admin({
    method: 'POST',
    url: '/api/exchange-rates',
    payload: { currency: 'USD', rateDate: '2020-01-01', rate: '7.1' },
  });
  // The company keeps USD and JPY (not EUR): the order form offers exactly these.
  await admin({ method: 'PATCH', url: '/api/settings', payload: { export: { currencies: ['CNY', 'USD', 'JPY'] } } });
  base = await session.start(t);
});

const formItem = (label: string) => page.locator('.ant-form-item', { hasText: label }).locator('.ant-select').first();
const modalOk = () => page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary');
const gate = (n: string) => page.getByTestId(`ship-gate-${n}`).first().innerText();
const lcRow = (n: string) => page.getByTestId('export-lcs').locator('tr', { hasText: n });
/** The page's window.prompt answered with `text` when `click` opens it. */
async function answerPrompt(text: string, click: () => Promise<void>) {
  page.once('dialog', (d) => void d.accept(text));
  await click();
}

describe('an export order from the form to the shipment gate', () => {
  it('registers a USD order, checks and amends its L/C, passes the inspection, in Chinese and English', async () => {
    page = await session.loginAs('sales', '/orders/new');
    await page.getByTestId('order-lines-table').waitFor();
    await chooseOption(page, page.getByTestId('order-customer'), 'ABC', { search: true });
    const date = page.getByTestId('order-delivery-date').locator('xpath=descendant-or-self::input').first();
    await date.click();
    await date.fill('2099-12-24');
    await date.press('Enter');
    await chooseOption(page, formItem('付款方式'), '信用证');
    await page.getByTestId('order-export').click();
    // The currencies are the company's setting, each with its name.
    await page.getByTestId('order-currency').click();
    await expect
      .poll(() => page.locator('.ant-select-dropdown:visible .ant-select-item-option').allInnerTexts())
      .toEqual(['人民币 CNY', '美元 USD', '日元 JPY']);
    await chooseOption(page, page.getByTestId('order-currency'), '美元 USD');
    const fields = page.getByTestId('order-export-fields');
    await chooseOption(page, fields.locator('.ant-form-item', { hasText: '贸易术语' }).locator('.ant-select'), 'FOB');
    await fields.locator('.ant-form-item', { hasText: '装运港' }).locator('input').fill('Ningbo');
    await fields.locator('.ant-form-item', { hasText: '目的港' }).locator('input').fill('Hamburg');
    await chooseOption(page, fields.locator('.ant-form-item', { hasText: '柜型' }).locator('.ant-select'), '40HQ');
    await fields.locator('.ant-form-item', { hasText: '柜数' }).locator('input').fill('2');
    const line = page.getByTestId('order-lines-table').locator('tbody tr.ant-table-row').first();
    await chooseOption(page, line.getByTestId('order-line-product'), 'EX-01', { search: true });
    // The price list's price arrives with the product; typed before it lands, the two would mix in the field.
    await expect.poll(() => line.getByTestId('order-line-price').inputValue()).not.toBe('');
    await line.getByTestId('order-line-price').fill('100.00');
    await line.getByTestId('order-line-qty').locator('xpath=descendant-or-self::input').fill('3');
    await expect.poll(() => page.getByTestId('order-form-total').innerText()).toBe('US$300.00');
    await page.screenshot({ path: screenshotPath('export-order-form-zh.png'), fullPage: true });
    await page.getByTestId('order-save').click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('order-total').innerText()).toBe('US$300.00');
    expect(await page.getByTestId('order-rmb-total').innerText()).toBe('¥2,130.00');
    const orderId = page.url().split('/').at(-1)!;
    const number: string = (await admin({ method: 'GET', url: `/api/orders/${orderId}` })).json().number;
    expect(await page.getByTestId('order-number').first().innerText()).toContain(number);

    page = await session.loginAs('docs', '/export');
    await page.getByTestId('export-receive-lc').click();
    await chooseOption(page, page.getByTestId('export-order'), number, { search: true });
    await page.getByTestId('export-lc-number').fill('LC-EX-001');
    await page.getByTestId('export-lc-amount').fill('300.00');
    await page.getByTestId('export-latestShipmentDate').fill('2099-12-20');
    await page.getByTestId('export-expiryDate').fill('2099-12-31');
    await submitDialog(page, modalOk());
    await answerPrompt('金额与合同不符', () => lcRow('LC-EX-001').getByRole('button', { name: '登记不符点' }).click());
    // The gate already said 不可出货 (the L/C was unchecked): wait for the discrepancy itself.
    await expect.poll(() => gate(number)).toContain('金额与合同不符');
    expect(await gate(number)).toContain('不可出货');
    expect(await lcRow('LC-EX-001').innerText()).toContain('US$300.00');
    await page.screenshot({ path: screenshotPath('export-page-discrepant-zh.png'), fullPage: true });

    // antd spaces a two-character button (改 证).
    await answerPrompt('金额改正', () =>
      lcRow('LC-EX-001')
        .getByRole('button', { name: /^改\s?证$/ })
        .click(),
    );
    await expect.poll(() => lcRow('LC-EX-001').innerText()).toContain('V2');
    await lcRow('LC-EX-001').getByRole('button', { name: '审证相符' }).click();
    // The L/C is in order now; the inspection is not.
    await expect.poll(() => gate(number)).toContain('未验货');

    await page.getByTestId('export-book-inspection').click();
    await chooseOption(page, page.getByTestId('export-order'), number, { search: true });
    await page.getByTestId('export-inspector').fill('SGS');
    await submitDialog(page, modalOk());
    await page.getByRole('tab', { name: '验货' }).click();
    const inspection = page.getByTestId('export-inspections').locator('tr', { hasText: number });
    await expect.poll(() => gate(number)).toContain('尚无结果');
    await inspection.getByRole('button', { name: /^合\s?格$/ }).click();
    // 可出货 and not 不可出货 (which contains it).
    await expect.poll(() => inspection.innerText()).toMatch(/(^|[^不])可出货/);
    await page.screenshot({ path: screenshotPath('export-page-zh.png'), fullPage: true });

    await page.evaluate(() => localStorage.setItem('luyue.lang', 'en'));
    await page.goto(`${base}/export`);
    await expect.poll(() => lcRow('LC-EX-001').innerText()).toContain('May ship');
    expect(await lcRow('LC-EX-001').innerText()).toContain('Checked OK');
    await page.screenshot({ path: screenshotPath('export-page-en.png'), fullPage: true });

    page = await session.loginAs('sales', '/orders/new', 'en');
    await page.getByTestId('order-export').click();
    await chooseOption(page, page.getByTestId('order-currency'), 'US dollar (USD)');
    await page.getByTestId('order-export-fields').waitFor();
    await page.screenshot({ path: screenshotPath('export-order-form-en.png'), fullPage: true });
  });
});
