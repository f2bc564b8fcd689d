import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, screenshotPath, submitDialog } from '../helpers/browser';
import { customerByShortCode, orderActors, orderBody, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let page: Page;
let base: string;
let productId: string;
const session = browserSession();

beforeAll(async () => {
  t = await createTestContext();
  base = await session.start(t);
  a = await orderActors(t);
  productId = (await productBySku(a.sales, 'A-01')).id;
}, 120_000);

const loginAs = async (username: string, path?: string) => (page = await session.loginAs(username, path));
const orderStatus = () => page.getByTestId('order-number').getByTestId('status-tag').innerText();
type Res = { statusCode: number; body: string; json: () => { id: string } };
const ok = (res: Res, status = 200) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
};

/** Counts the POSTs to a path the page sends from now on. */
function countPosts(p: Page, path: string) {
  const seen = { n: 0 };
  p.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === path) seen.n += 1;
  });
  return seen;
}

describe('the order page', () => {
  it("a new customer's missing licence: the page links to its upload, and after it the review passes", async () => {
    // Finance creates the customer, since it has credit terms; nobody uploads its licence.
    const customer = ok(
      await a.finance({
        method: 'POST',
        url: '/api/customers',
        payload: {
          code: 'QUAL1',
          shortCode: 'QUAL1',
          name: '苏州新资质有限公司',
          kind: 'ordinary',
          paymentMethod: 'credit',
          paymentDays: 30,
          creditLimit: '500000.00',
          contacts: [{ name: '钱七' }],
          addresses: [{ consignee: '钱七', address: '苏州市工业园区 8 号' }],
        },
      }),
      201,
    );
    const order = ok(
      await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(customer.id as string, [{ productId, qty: 1 }]),
      }),
      201,
    );
    ok(await a.sales({ method: 'POST', url: `/api/orders/${order.id}/submit` }));

    // The reviewer's approval is refused, and the page says why with a link to the upload.
    await loginAs('reviewer', `/orders/${order.id}`);
    await expect.poll(() => page.getByTestId('qualification-alert').innerText()).toContain('缺少资质文件');
    await page.getByTestId('order-approve').click();
    await submitDialog(page, 'reason-ok', { expectClosed: false });
    await expect
      .poll(() => page.locator('.ant-message-notice').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringMatching(/资质/)]));
    expect(await orderStatus()).toBe('审核中');

    // The sales assistant follows the link, uploads the licence and comes back.
    await loginAs('sales', `/orders/${order.id}`);
    await page.getByTestId('qualification-link').click();
    const docs = page.getByTestId('customer-documents');
    await docs.waitFor();
    expect(await page.getByTestId('customer-name').inputValue()).toBe('苏州新资质有限公司');
    await docs.locator('input[type=file]').setInputFiles({
      name: '营业执照-QUAL1.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 licence'),
    });
    await expect.poll(() => docs.innerText()).toContain('营业执照-QUAL1.pdf');
    expect(await docs.innerText()).toContain('营业执照 · ');
    await page.getByTestId('customer-back').click();
    await expect.poll(() => page.getByTestId('check-qualification').innerText()).toContain('(1)');
    expect(await page.getByTestId('qualification-alert').count()).toBe(0);
    // The attachments panel loads on its own request.
    await expect.poll(() => page.getByTestId('order-attachments').innerText()).toContain('营业执照-QUAL1.pdf');

    await loginAs('reviewer', `/orders/${order.id}`);
    await page.getByTestId('order-approve').click();
    await submitDialog(page, 'reason-ok');
    await expect.poll(() => page.getByTestId('current-stage').innerText()).toContain('财务审核');
    await expect.poll(() => page.getByTestId('order-history').innerText()).toContain('审核通过');
  });

  it('a double click on an action button sends one request', async () => {
    const abc = await customerByShortCode(a.sales, 'ABC');
    const order = ok(
      await a.sales({ method: 'POST', url: '/api/orders', payload: orderBody(abc.id, [{ productId, qty: 1 }]) }),
      201,
    );
    await loginAs('sales', `/orders/${order.id}`);
    const submits = countPosts(page, `/api/orders/${order.id}/submit`);
    await page.getByTestId('order-submit').dblclick();
    await expect.poll(orderStatus).toBe('审核中');
    await expect.poll(() => page.locator('.ant-message-notice').allInnerTexts()).toContain('已提交审核');
    await page.waitForTimeout(500);
    expect(submits.n).toBe(1);

    // The confirmation dialog's OK, double-clicked, approves once too.
    await loginAs('reviewer', `/orders/${order.id}`);
    const reviews = countPosts(page, `/api/orders/${order.id}/review`);
    await page.getByTestId('order-approve').click();
    await page.getByTestId('reason-input').fill('已核对');
    await page.getByTestId('reason-ok').dblclick();
    await expect.poll(() => page.getByTestId('current-stage').innerText()).toContain('财务审核');
    await expect.poll(() => page.locator('.ant-message-notice').allInnerTexts()).toContain('已通过销售审核');
    await page.waitForTimeout(500);
    expect(reviews.n).toBe(1);
    // The comment is kept in the history, in words.
    await expect.poll(() => page.getByTestId('order-history').innerText()).toContain('已核对');
  });

  it('shows urgency, customer PO, payment days, shipped quantities and the history, in both languages', async () => {
    const f = fulfilmentFactories(t, a);
    const customer = await f.newCustomer('OPG1');
    const order = await f.confirmedOrder(customer, [{ productId, qty: 3 }], {
      urgency: 'urgent',
      customerPo: 'PO-7788',
      buyerRemark: '请用木箱包装',
    });
    const s = ok(
      await a.warehouse({
        method: 'POST',
        url: '/api/shipments',
        payload: { orderIds: [order.id], lines: [{ orderId: order.id, lineNo: 1, qty: 1 }] },
      }),
      201,
    );
    for (const step of ['pick', 'recheck', 'pack', 'ship'])
      ok(await a.warehouse({ method: 'POST', url: `/api/shipments/${s.id}/${step}`, payload: {} }));

    await loginAs('sales', `/orders/${order.id}`);
    await expect.poll(() => page.getByTestId('line-shipped-1').innerText()).toBe('1');
    expect(await page.getByTestId('line-remaining-1').innerText()).toBe('2');
    expect(await page.getByTestId('order-urgency').innerText()).toBe('加急');
    expect(await page.getByTestId('order-customer-po').innerText()).toBe('PO-7788');
    expect(await page.getByTestId('order-payment-days').innerText()).toBe('10 天');
    const fields = await page.getByTestId('order-fields').innerText();
    expect(await page.getByTestId('order-buyer-remark').innerText()).toBe('买家备注：请用木箱包装');
    expect(fields).toContain('OPG1 公司');
    expect(await page.getByTestId('order-total').innerText()).toBe('¥360.00');
    const history = () => page.getByTestId('order-history').innerText();
    await expect.poll(history).toContain('部分发货');
    for (const said of ['登记', '提交审核', '审核通过', '客户确认', '待客户确认 → 已确认'])
      expect(await history()).toContain(said);
    // Events and statuses are words, never codes.
    expect(await history()).not.toMatch(/approve_stage|in_review|ship_partial|awaiting_confirmation/);
    await page.screenshot({ path: screenshotPath('order-page-zh.png'), fullPage: true });

    await page.evaluate(() => localStorage.setItem('luyue.lang', 'en'));
    await page.reload();
    await expect.poll(() => page.getByTestId('order-urgency').innerText()).toBe('Urgent');
    expect(await page.getByTestId('order-payment-days').innerText()).toBe('10 days');
    expect(await page.getByTestId('order-lines').innerText()).toContain('Shipped');
    // A label's colon is the language's own: no full-width colon between English words.
    expect(await page.getByTestId('order-buyer-remark').innerText()).toBe('Buyer remark: 请用木箱包装');
    const english = await page.locator('main').innerText();
    expect(english.replaceAll('请用木箱包装', '')).not.toMatch(/[：；]/);
    await expect.poll(history).toContain('Partly shipped');
    await page.screenshot({ path: screenshotPath('order-page-en.png'), fullPage: true });
    await page.evaluate(() => localStorage.removeItem('luyue.lang'));
  });
});
