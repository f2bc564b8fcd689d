import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, chooseOption, submitDialog, openInApp } from '../helpers/browser';
import {
  approveAllStages,
  customerByShortCode,
  orderActors,
  orderBody,
  productBySku,
  uploadQualification,
} from '../helpers/orders';

// 退货单 in Chromium: requested from the order page, reviewed, sent back, received and inspected, the refund
// approved by the general manager and recorded by finance — each step by its role, from the buttons the server
// allows.

let t: TestContext;
let page: Page;
let base: string;
const session = browserSession();
let order: { id: string; number: string };
let returnUrl: string;

beforeAll(async () => {
  t = await createTestContext();
  const a = await orderActors(t);
  const abc = await customerByShortCode(a.sales, 'ABC');
  await uploadQualification(a.sales, abc.id);
  const product = await productBySku(a.sales, 'A-01');
  const o = (
    await a.sales({
      method: 'POST',
      url: '/api/orders',
      payload: orderBody(abc.id, [{ productId: product.id, qty: 2 }]),
    })
  ).json();
  await a.sales({ method: 'POST', url: `/api/orders/${o.id}/submit` });
  await approveAllStages(t, a, o.id);
  await a.sales({ method: 'POST', url: `/api/orders/${o.id}/confirm`, payload: { method: 'electronic' } });
  const s = (await a.warehouse({ method: 'POST', url: '/api/shipments', payload: { orderIds: [o.id] } })).json();
  for (const step of ['pick', 'recheck', 'pack', 'ship'])
    await a.warehouse({ method: 'POST', url: `/api/shipments/${s.id}/${step}` });
  const logistics = t.as(await t.token('logistics'));
  await logistics({ method: 'POST', url: `/api/shipments/${s.id}/deliver`, payload: { signedBy: '张伟' } });
  order = o;
  base = await session.start(t);
});

const status = () => page.getByTestId('return-status').innerText();
const act = async (user: string, action: string, fill?: () => Promise<void>) => {
  page = await session.loginAs(user, new URL(returnUrl).pathname);
  await page.getByTestId(`return-action-${action}`).click();
  if (fill) {
    await fill();
    await submitDialog(page, 'return-action-ok');
  }
};

describe('a return from request to refund', () => {
  it('customer service requests a return of one unit from the order page', async () => {
    page = await session.loginAs('service', `/orders/${order.id}`);
    await page.getByTestId('request-return').click();
    await page.getByTestId('return-qty-1').fill('1');
    await submitDialog(page, 'request-return-ok');
    await page.waitForURL(/\/returns\/[0-9a-f-]{36}$/);
    returnUrl = page.url();
    await expect.poll(status).toBe('待审核');
    expect(await page.getByTestId('return-policy').innerText()).toContain('符合政策');
    expect(await page.getByTestId('return-lines').innerText()).toContain('质量问题');
    expect(await page.getByTestId('return-action-approve').count()).toBe(0);
  });

  it('the order admin approves, customer service books the pickup, the warehouse receives and inspects', async () => {
    await act('orderadmin', 'approve', () => page.getByTestId('return-review-reason').fill('质量问题属实'));
    await expect.poll(status).toBe('已批准');
    await act('service', 'ship', async () => {
      await page.getByTestId('return-carrier').fill('顺丰速运');
      await page.getByTestId('return-tracking').fill('SF1234567');
    });
    await expect.poll(status).toBe('待收货');
    await act('warehouse', 'receive');
    await expect.poll(status).toBe('已收货');
    await page.getByTestId('return-action-inspect').click();
    await chooseOption(page, page.getByTestId('return-warehouse'), '总仓');
    // The unit came back defective: it goes to quarantine, not to stock.
    await page.getByTestId('return-good-1').fill('0');
    await page.getByTestId('return-defective-1').fill('1');
    await submitDialog(page, 'return-action-ok');
    await expect.poll(status).toBe('已验收');
    expect(await page.getByTestId('return-refund').innerText()).toContain('¥120.00');
  });

  it('the defective unit shows in the quarantine tab of the stock page, per warehouse', async () => {
    page = await session.loginAs('orderadmin', '/stock');
    await page.getByRole('tab', { name: '隔离库存' }).click();
    await expect.poll(() => page.getByTestId('quarantine-table').innerText()).toContain('A-01');
    const row = page.getByTestId('quarantine-table').locator('tbody tr', { hasText: 'A-01' });
    expect(await row.innerText()).toMatch(/ZC[\s\S]*A-01[\s\S]*\b1\b/);
    // Another warehouse holds nothing in quarantine.
    await chooseOption(page, page.getByTestId('quarantine-warehouse'), '深圳');
    await expect.poll(() => page.getByTestId('quarantine-table').innerText()).not.toContain('A-01');
    // Sales does not see the tab.
    page = await session.loginAs('sales', '/stock');
    await expect.poll(() => page.getByRole('tab', { name: '库存流水' }).count()).toBe(1);
    expect(await page.getByRole('tab', { name: '隔离库存' }).count()).toBe(0);
  });

  it('the general manager approves the refund and finance records it; the list shows it refunded', async () => {
    // An approval asks first; the comment is optional.
    await act('gm', 'approve_refund', async () => undefined);
    await expect.poll(status).toBe('待退款');
    await act('finance', 'refund', async () => undefined);
    await expect.poll(status).toBe('已退款');
    await page.getByTestId('main-menu').getByText('退货', { exact: true }).click();
    await page.waitForURL(/\/returns$/);
    await expect.poll(() => page.getByTestId('returns').innerText()).toContain('已退款');
    expect(await page.getByTestId('returns').innerText()).toContain('¥120.00');
    // Searched by the order number, the export holds what the list shows.
    const search = page.getByTestId('returns').getByTestId('table-search').locator('input');
    await search.fill(order.number);
    await search.press('Enter');
    await expect
      .poll(() => page.getByTestId('returns-export').getAttribute('href'))
      .toBe(`/api/returns/export.xlsx?q=${encodeURIComponent(order.number)}&lang=zh-CN`);
    expect(await page.getByTestId('returns').innerText()).toContain(order.number);
    await openInApp(page, `/orders/${order.id}`);
    await expect.poll(() => page.getByTestId('order-history').innerText()).toContain('登记退款 → 已退款');
    await expect.poll(() => page.getByTestId('order-returns').innerText()).toContain('已退款');
  });
});
