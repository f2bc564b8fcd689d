import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, chooseOption, screenshotPath } from '../helpers/browser';
import { orderActors } from '../helpers/orders';

// The order form (登记销售订单) in Chromium: line checks named in the user's language, a server refusal put under
// its cell, one request per double click, and the total with its amount in Chinese capitals (大写).

let t: TestContext;
let page: Page;
let base: string;
let draftUrl = '';
let admin: Awaited<ReturnType<typeof orderActors>>['admin'];
const session = browserSession();

beforeAll(async () => {
  t = await createTestContext();
  admin = (await orderActors(t)).admin;
  for (const [sku, listPrice] of [
    ['OF-BIG', '1234.50'],
    ['OF-SMALL', '0.75'],
    ['OF-GONE', '10.00'],
  ])
    await admin({ method: 'POST', url: '/api/products', payload: { sku, name: `表单测试品 ${sku}`, listPrice } });
  base = await session.start(t);
});

async function openForm(lang: 'zh-CN' | 'en') {
  page = await session.loginAs('sales', '/orders/new', lang);
  await page.getByTestId('order-lines-table').waitFor();
}

const line = (i: number) => page.getByTestId('order-lines-table').locator('tbody tr.ant-table-row').nth(i);
const qtyInput = (i: number) => line(i).getByTestId('order-line-qty').locator('xpath=descendant-or-self::input');
const cellErrors = (i: number) => line(i).locator('.ant-form-item-explain').allInnerTexts();

async function pickProduct(i: number, sku: string) {
  await chooseOption(page, line(i).getByTestId('order-line-product'), sku, { search: true });
  // The price list's price arrives with the product.
  await expect.poll(() => line(i).getByTestId('order-line-price').inputValue()).not.toBe('');
}

async function fillHead(delivery = '2099-12-24') {
  await chooseOption(page, page.getByTestId('order-customer'), 'ABC', { search: true });
  const date = page.getByTestId('order-delivery-date').locator('xpath=descendant-or-self::input').first();
  await date.click();
  await date.fill(delivery);
  await date.press('Enter');
  await expect.poll(() => date.inputValue()).toBe(delivery);
}

describe('the order form', () => {
  it('names the line and column of a quantity of 0, in Chinese and in English', async () => {
    await openForm('zh-CN');
    await qtyInput(0).fill('0');
    await page.getByTestId('order-save').click();
    await expect.poll(() => cellErrors(0)).toContain('第 1 行 数量 必须大于 0');
    await expect.poll(() => page.locator('.ant-form-item-explain').allInnerTexts()).toContain('请选择 客户');
    expect((await page.locator('.ant-form-item-explain').allInnerTexts()).join(' ')).not.toMatch(/请输入|productId/);
    await page.screenshot({ path: screenshotPath('order-form-errors-zh.png'), fullPage: true });

    await openForm('en');
    await qtyInput(0).fill('0');
    await page.getByTestId('order-save').click();
    await expect.poll(() => cellErrors(0)).toContain('Line 1: Quantity must be greater than 0');
    await expect.poll(() => cellErrors(0)).toContain('Line 1: Product must be chosen');
  });

  it('shows the running total and the amount in Chinese capitals, and warns of a price below the list', async () => {
    await openForm('zh-CN');
    await pickProduct(0, 'OF-BIG');
    await qtyInput(0).fill('2');
    await page.getByTestId('order-line-add').click();
    await pickProduct(1, 'OF-SMALL');
    await expect.poll(() => line(0).getByTestId('order-line-amount').innerText()).toBe('¥2,469.00');
    await expect.poll(() => page.getByTestId('order-form-total').innerText()).toBe('¥2,469.75');
    expect(await page.getByTestId('order-form-capital').innerText()).toBe('贰仟肆佰陆拾玖元柒角伍分');
    await page.screenshot({ path: screenshotPath('order-form-zh.png'), fullPage: true });

    await line(1).getByTestId('order-line-price').fill('0.50');
    await expect.poll(() => line(1).getByTestId('order-line-price-warning').innerText()).toBe('低于价目表价 ¥0.75');
    await expect.poll(() => page.getByTestId('order-form-total').innerText()).toBe('¥2,469.50');
    await line(1).getByTestId('order-line-gift').check();
    await expect.poll(() => page.getByTestId('order-form-total').innerText()).toBe('¥2,469.00');
    expect(await page.getByTestId('order-form-capital').innerText()).toBe('贰仟肆佰陆拾玖元整');
  });

  it("puts the server's refusal of a product gone inactive under that line's product, in English", async () => {
    await openForm('en');
    await fillHead();
    await pickProduct(0, 'OF-SMALL');
    await page.getByTestId('order-line-add').click();
    await pickProduct(1, 'OF-GONE');
    await page.screenshot({ path: screenshotPath('order-form-en.png'), fullPage: true });
    const gone = (await admin({ method: 'GET', url: '/api/products?q=OF-GONE' })).json().items[0];
    expect(
      (await admin({ method: 'PATCH', url: `/api/products/${gone.id}`, payload: { active: false } })).statusCode,
    ).toBe(200);
    await page.getByTestId('order-save').click();
    await expect.poll(() => cellErrors(1)).toContain('Line 2, Product: Product OF-GONE is inactive');
    expect(await cellErrors(0)).toEqual([]);
  });

  it('sends one POST /api/orders for a double click on save, and says which draft it saved', async () => {
    await openForm('zh-CN');
    // A past delivery date is warned of, not refused.
    await fillHead('2020-01-02');
    await expect.poll(() => page.locator('.ant-form-item-explain').allInnerTexts()).toContain('要求交期早于今天');
    await pickProduct(0, 'OF-BIG');
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/orders') posts.push(r.url());
    });
    // The message shows for 3 s: watched for from before the click, so a slow order page cannot hide it.
    const saidSaved = page
      .locator('.ant-message-notice')
      .filter({ hasText: /已保存草稿 \S*-ABC-\d{3}/ })
      .first()
      .waitFor({ timeout: 30_000 });
    // Awaited below; if a step before fails, the wait is ended by the next test's new page, not left unhandled.
    saidSaved.catch(() => undefined);
    await page.getByTestId('order-save').dblclick();
    await page.getByTestId('order-number').waitFor();
    await saidSaved;
    await page.waitForTimeout(500);
    expect(posts).toHaveLength(1);
    const orders = (await admin({ method: 'GET', url: '/api/orders?pageSize=100' })).json();
    const withBig = orders.items.filter((o: { lines: { sku: string }[] }) => o.lines.some((l) => l.sku === 'OF-BIG'));
    expect(withBig).toMatchObject([{ expectedDeliveryDate: '2020-01-02', total: '1234.50' }]);
    draftUrl = page.url();
  });

  it('edits the draft: the line comes back with its product facts, and a new quantity is saved', async () => {
    page = await session.loginAs('sales', `${new URL(draftUrl).pathname}/edit`);
    await expect.poll(() => page.getByTestId('order-form-total').innerText()).toBe('¥1,234.50');
    await expect.poll(() => line(0).getByTestId('order-line-available').innerText()).toBe('0');
    await qtyInput(0).fill('3');
    await expect.poll(() => page.getByTestId('order-form-capital').innerText()).toBe('叁仟柒佰零叁元伍角整');
    await page.getByTestId('order-save').click();
    // The order page's own format of the total is not this form's (with or without thousands separators).
    await expect.poll(() => page.getByTestId('order-total').innerText()).toMatch(/^¥3,?703\.50$/);
  });

  it('saves and submits in one step, and says so', async () => {
    await openForm('zh-CN');
    await fillHead();
    await pickProduct(0, 'A-01');
    await page.getByTestId('order-save-submit').click();
    await expect
      .poll(async () => (await page.locator('.ant-message-notice').allInnerTexts()).join(' '))
      .toMatch(/已提交审核 \S*-ABC-\d{3}/);
    await expect.poll(() => page.getByTestId('order-number').getByTestId('status-tag').innerText()).toBe('审核中');
  });
});
