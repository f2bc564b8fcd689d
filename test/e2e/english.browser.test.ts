import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, openInApp, screenshotPath, settled } from '../helpers/browser';
import { customerByShortCode, orderBody, productBySku } from '../helpers/orders';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo.seed';

// English mode: every page's visible text is English, except the data people typed (names of customers,
// products, warehouses, users, the company; addresses, remarks). Those values are read from the API and taken
// out of the page text; whatever Chinese is left is the app's own wording and fails the test.

let t: TestContext;
let orderId: string;
const session = browserSession();
const CJK = /[\u4e00-\u9fff]+/g;

// Fields whose values are typed by users (master data, remarks), collected from the API responses below.
const DATA_FIELDS = new Set([
  'name',
  'displayName',
  'shortName',
  'customerName',
  'productName',
  'warehouseName',
  'actorName',
  'decidedByName',
  'spec',
  'unit',
  'category',
  'address',
  'consignee',
  'region',
  'contact',
  'buyerRemark',
  'sellerRemark',
  'note',
  'carrier',
  'reason',
  // Names of uploaded files (e.g. the demo customers' 营业执照 scans)
  'filename',
  // The allocation regions in their priority order (settings typed by the admin)
  'spring_summer',
  'autumn_winter',
]);

function collect(value: unknown, into: Set<string>, key = '') {
  if (typeof value === 'string') {
    if (DATA_FIELDS.has(key) && CJK.test(value)) into.add(value);
    CJK.lastIndex = 0;
  } else if (Array.isArray(value)) value.forEach((v) => collect(v, into, key));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) collect(v, into, k === 'user' || k === 'customer' ? '' : k);
}

/** The data values visible to a user: everything its API answers name in the typed-data fields. */
async function typedData(as: ReturnType<TestContext['as']>): Promise<string[]> {
  const found = new Set<string>();
  const urls = [
    '/api/auth/me',
    '/api/companies',
    '/api/customers?limit=100',
    '/api/products?limit=100',
    '/api/warehouses',
    '/api/orders?limit=100',
    `/api/orders/${orderId}`,
    `/api/orders/${orderId}/history`,
    '/api/users',
    '/api/stock?limit=100',
    '/api/stock/movements?limit=100',
    '/api/workbench',
    '/api/notifications?limit=100',
    '/api/settings',
  ];
  for (const url of urls) {
    const res = await as({ method: 'GET', url, headers: { 'accept-language': 'en' } });
    if (res.statusCode === 200) collect(res.json(), found);
  }
  // The order page also lists the order's attachments and its customer's qualification documents.
  const order = await as({ method: 'GET', url: `/api/orders/${orderId}` });
  for (const url of [`/api/orders/${orderId}/attachments`, `/api/customers/${order.json().customer.id}/documents`]) {
    const res = await as({ method: 'GET', url });
    if (res.statusCode === 200) collect(res.json(), found);
  }
  // Longest first, so a name is removed before a shorter name inside it.
  return [...found].sort((a, b) => b.length - a.length);
}

async function loginInEnglish(username: string): Promise<Page> {
  const page = await session.loginForm('en');
  expect(await chineseOn(page, []), 'login page').toEqual([]);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('main-menu').waitFor();
  return page;
}

/** The Chinese left on a page once the typed data is taken out. */
async function chineseOn(page: Page, data: string[], header = false): Promise<string[]> {
  if (header) await page.getByTestId('main-menu').waitFor();
  await settled(page);
  const text = await page.evaluate(() => document.body.innerText);
  // The language switch names the other language in that language (中文; a button spaces it as 中 文).
  const rest = ['中文', '中 文', ...data].reduce((s, d) => s.split(d).join(' '), text);
  return rest.match(CJK) ?? [];
}

const PAGES: Record<string, string[]> = {
  admin: ['/', '/orders', '/order', '/customers', '/products', '/stock', '/notifications', '/users', '/settings'],
  sales: ['/', '/orders', '/order', '/notifications', '/customers'],
  reviewer: ['/', '/review', '/order'],
  warehouse: ['/', '/warehouse', '/stock'],
  finance: ['/', '/finance', '/customers', '/reports/monthly'],
};

beforeAll(async () => {
  t = await createTestContext();
  await session.start(t);
  const sales = t.as(await t.token('sales'));
  const customer = await customerByShortCode(sales, 'ABC');
  const product = await productBySku(sales, 'A-01');
  const order = await sales({
    method: 'POST',
    url: '/api/orders',
    payload: orderBody(customer.id, [{ productId: product.id, qty: 2 }], { buyerRemark: '请尽快发货' }),
  });
  orderId = order.json().id;
  expect((await sales({ method: 'POST', url: `/api/orders/${orderId}/submit` })).statusCode).toBe(200);
});

describe('English mode', () => {
  it('shows no Chinese but typed data on the main pages of admin, sales, reviewer, warehouse and finance', async () => {
    const found: Record<string, string[]> = {};
    for (const [username, paths] of Object.entries(PAGES)) {
      const data = await typedData(t.as(await t.token(username)));
      const page = await loginInEnglish(username);
      for (const path of paths) {
        // The login leaves the app on its home page.
        if (path !== '/') await openInApp(page, path === '/order' ? `/orders/${orderId}` : path);
        const left = await chineseOn(page, data, true);
        if (left.length) found[`${username} ${path}`] = [...new Set(left)];
        const name = path === '/' ? 'home' : path.slice(1).replace(/\//g, '-');
        await page.screenshot({ path: screenshotPath(`english-${username}-${name}.png`), fullPage: true });
      }
    }
    expect(found).toEqual({});
  });

  it('fills the window without scrolling, and runs the menu column the whole length of a longer page', async () => {
    const page = await session.loginAs('admin', '/orders', 'en');
    await settled(page);
    const heights = () =>
      page.evaluate(() => ({
        column: document.querySelector('[data-testid="sider-column"]')!.getBoundingClientRect().height,
        page: document.documentElement.scrollHeight,
        window: window.innerHeight,
      }));
    // This file's few orders fit the window: the page is exactly as tall (no margin around it to scroll by).
    const fits = await heights();
    expect(fits.page).toBe(fits.window);
    await page.setViewportSize({ width: 1280, height: 480 });
    const longer = await heights();
    expect(longer.page).toBeGreaterThan(longer.window);
    expect(longer.column).toBe(longer.page);
  });
});
