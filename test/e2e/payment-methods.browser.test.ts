import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, screenshotPath, submitDialog, openInApp } from '../helpers/browser';
import { approveAllStages, orderActors, orderBody, productBySku, uploadQualification } from '../helpers/orders';

// Every payment method taken from confirmed to completed and paid through the web app: finance
// records money and L/Cs on the order page, the warehouse ships, service calls back, finance invoices.

type Method = 'prepaid' | 'tt' | 'lc' | 'credit' | 'monthly' | 'cod';
const METHODS: Method[] = ['prepaid', 'tt', 'lc', 'credit', 'monthly', 'cod'];
/** The orders the warehouse takes through its screens: one that ships, and T/T, held at the dock. */
const BROWSER_SHIPPED: Method[] = ['prepaid', 'tt'];
type Placed = { id: string; number: string; total: string; customerName: string };

let t: TestContext;
let page: Page;
let base: string;
const session = browserSession();
const orders = {} as Record<Method, Placed>;

beforeAll(async () => {
  t = await createTestContext();
  const a = await orderActors(t);
  const product = await productBySku(a.sales, 'A-01');
  for (const method of METHODS) {
    const code = `PM${method.toUpperCase()}`.slice(0, 8);
    const customer = (
      await a.finance({
        method: 'POST',
        url: '/api/customers',
        payload: {
          code,
          shortCode: code,
          name: `${method} 付款客户`,
          kind: 'ordinary',
          paymentMethod: method,
          paymentDays: 30,
          creditLimit: '1000000.00',
          contacts: [{ name: '王五' }],
          addresses: [{ consignee: '王五', address: `${code} 路 8 号`, region: '杭州' }],
        },
      })
    ).json();
    if (!customer.id) throw new Error(`${method} customer: ${JSON.stringify(customer)}`);
    await uploadQualification(a.sales, customer.id);
    const o = (
      await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(
          customer.id,
          [{ productId: product.id, qty: 2 }],
          method === 'tt' ? { depositPercent: '30' } : {},
        ),
      })
    ).json();
    if (!o.id) throw new Error(`${method} order: ${JSON.stringify(o)}`);
    await a.sales({ method: 'POST', url: `/api/orders/${o.id}/submit` });
    await approveAllStages(t, a, o.id);
    const confirmed = (
      await a.sales({ method: 'POST', url: `/api/orders/${o.id}/confirm`, payload: { method: 'electronic' } })
    ).json().order;
    if (confirmed?.status !== 'confirmed') throw new Error(`${method}: ${JSON.stringify(confirmed)}`);
    orders[method] = { id: o.id, number: confirmed.number, total: confirmed.total, customerName: customer.name };
  }
  base = await session.start(t);
});

async function loginAs(username: string, path?: string) {
  page = await session.loginAs(username, path);
}
const openOrder = async (o: Placed) => {
  await openInApp(page, `/orders/${o.id}`);
  await expect.poll(() => page.getByTestId('order-number').innerText()).toContain(o.number);
  await page.getByTestId('order-payment').waitFor();
};
const orderStatus = () => page.getByTestId('order-number').getByTestId('status-tag').innerText();
const gate = (name: 'ship' | 'production') => page.getByTestId(`gate-${name}`).innerText();
const paidLine = () => page.getByTestId('order-payment').locator('p').first().innerText();
const shipmentRow = (o: Placed) =>
  page.getByTestId('shipments').locator('tbody tr').filter({ hasText: o.customerName });

async function recordReceipt(o: Placed, amount?: string) {
  await page.getByTestId('record-receipt').click();
  if (amount) await page.getByTestId('receipt-amount').fill(amount);
  await page.getByTestId('receipt-reference').fill(`BANK-${o.number}`);
  await submitDialog(page, 'fulfilment-ok');
}

/** Creates the outbound order from the order page, then picks, rechecks, packs and tries to ship it. */
async function warehouseShips(o: Placed) {
  await openOrder(o);
  await page.getByTestId('create-shipment').click();
  await expect.poll(orderStatus).toBe('执行中');
  await openInApp(page, '/warehouse');
  for (const [tab, step] of [
    ['待拣货', 'pick'],
    ['已拣货', 'recheck'],
    ['已复核', 'pack'],
  ] as const) {
    await page.getByRole('tab', { name: tab }).click();
    await shipmentRow(o).getByTestId(`shipment-${step}`).click();
    await expect.poll(() => shipmentRow(o).count()).toBe(0);
  }
  await page.getByRole('tab', { name: '已打包' }).click();
  await shipSelected(o);
}
/**
 * What warehouseShips does on the screens, through the API they call, as the warehouse user: the outbound order
 * from the order, then pick, recheck, pack and ship with a tracking number; each step must be accepted.
 */
async function warehouseShipsByApi(warehouse: ReturnType<TestContext['as']>, o: Placed) {
  const created = await warehouse({ method: 'POST', url: '/api/shipments', payload: { orderIds: [o.id] } });
  expect(created.statusCode, created.body).toBe(201);
  expect((await warehouse({ method: 'GET', url: `/api/orders/${o.id}` })).json().status).toBe('in_fulfillment');
  const id = created.json().id as string;
  for (const step of ['pick', 'recheck', 'pack'] as const) {
    const r = await warehouse({ method: 'POST', url: `/api/shipments/${id}/${step}` });
    expect(r.statusCode, `${step}: ${r.body}`).toBe(200);
  }
  const shipped = await warehouse({
    method: 'POST',
    url: `/api/shipments/${id}/ship`,
    payload: { trackingNo: `SF${o.number.replace(/\D/g, '')}` },
  });
  expect(shipped.statusCode, shipped.body).toBe(200);
  const [listed] = (await warehouse({ method: 'GET', url: `/api/shipments?order=${o.id}` })).json();
  expect(listed).toMatchObject({ id, status: 'shipped' });
}
async function shipSelected(o: Placed) {
  await shipmentRow(o).getByTestId('shipment-ship').click();
  await page.getByTestId('tracking-input').fill(`SF${o.number.replace(/\D/g, '')}`);
  await submitDialog(page, 'dialog-ok', { expectClosed: false });
}

describe('every payment method, confirmed to completed and paid, in Chromium', () => {
  it('logistics sets the carrier for a region and closes an exception from the log', async () => {
    await loginAs('logistics');
    await page.getByTestId('main-menu').getByText('物流', { exact: true }).click();
    await page.getByRole('tab', { name: '承运规则' }).click();
    await page.getByTestId('rule-add').click();
    await page.getByTestId('rule-region').last().fill('杭州');
    await page.getByTestId('rule-carrier').last().fill('中通快递');
    await page.getByTestId('rule-transit-days').last().fill('2');
    await page.getByTestId('rules-save').click();
    await expect
      .poll(async () => (await t.as(await t.token('logistics'))({ method: 'GET', url: '/api/carrier-rules' })).json())
      .toEqual([{ region: '杭州', carrier: '中通快递', transitDays: 2 }]);
    await page.reload();
    await page.getByRole('tab', { name: '承运规则' }).click();
    await expect.poll(() => page.getByTestId('rule-carrier').first().inputValue()).toBe('中通快递');
    await page.screenshot({ path: screenshotPath('logistics-carrier-rules.png'), fullPage: true });
  });

  it('finance: prepaid paid in full, T/T deposit only, L/C recorded; each gate shows what it waits for', async () => {
    await loginAs('finance');
    await openOrder(orders.prepaid);
    await expect.poll(() => gate('ship')).toContain('预付款');
    await recordReceipt(orders.prepaid);
    await expect.poll(paidLine).toContain(`¥${orders.prepaid.total} / ¥${orders.prepaid.total}`);
    await expect.poll(() => gate('ship')).not.toContain('预付款');

    await openOrder(orders.tt);
    await expect.poll(() => gate('production')).toContain('定金');
    const depositFen = (BigInt(orders.tt.total.replace('.', '')) * 30n) / 100n;
    const deposit = `${depositFen / 100n}.${String(depositFen % 100n).padStart(2, '0')}`;
    await recordReceipt(orders.tt, deposit);
    await expect.poll(() => gate('production')).not.toContain('定金');
    await expect.poll(() => gate('ship')).toContain('尾款');

    await openOrder(orders.lc);
    await expect.poll(() => gate('ship')).toContain('信用证');
    await expect.poll(() => gate('ship')).toContain('信用证逾期未登记'); // delivery 12-20 less 30 days has passed
    await page.getByTestId('record-lc').click();
    await page.getByTestId('lc-number').fill('LC-HZ-2026-01');
    await page.getByTestId('lc-expiry').fill('2099-12-31');
    await page.getByTestId('lc-latest-shipment').fill('2099-12-01');
    await submitDialog(page, 'fulfilment-ok');
    await expect.poll(() => gate('ship')).not.toContain('信用证');
    await page.getByTestId('main-menu').getByRole('link', { name: '财务', exact: true }).click();
    await page.getByRole('tab', { name: '信用证' }).click();
    await expect.poll(() => page.getByTestId('letters-of-credit').innerText()).toContain('LC-HZ-2026-01');
  });

  it('the warehouse ships every order; T/T is held until its balance, then ships', async () => {
    // The screens are the same for every method; only T/T's gate refuses at the dock. So prepaid walks the
    // screens for the orders that ship, T/T for the one held, and the other four take the same steps as the
    // warehouse user through the API the screens call; every order's row is then checked on the 已发货 tab.
    await loginAs('warehouse');
    for (const m of BROWSER_SHIPPED) {
      await warehouseShips(orders[m]);
      if (m === 'tt') {
        await expect.poll(() => page.locator('.ant-message').innerText()).toContain('尾款');
        await page.getByRole('button', { name: /取\s*消/ }).click();
        expect(await shipmentRow(orders.tt).count()).toBe(1);
      } else {
        await expect.poll(() => shipmentRow(orders[m]).count()).toBe(0);
      }
    }
    const warehouse = t.as(await t.token('warehouse'));
    const apiShipped = METHODS.filter((m) => !BROWSER_SHIPPED.includes(m));
    for (const m of apiShipped) await warehouseShipsByApi(warehouse, orders[m]);
    await loginAs('finance');
    await openOrder(orders.tt);
    await recordReceipt(orders.tt);
    await expect.poll(paidLine).toContain(`¥${orders.tt.total} / ¥${orders.tt.total}`);

    await loginAs('warehouse', '/warehouse');
    await page.getByRole('tab', { name: '已打包' }).click();
    await shipSelected(orders.tt);
    await expect.poll(() => shipmentRow(orders.tt).count()).toBe(0);
    await page.getByRole('tab', { name: '已发货' }).click();
    for (const m of METHODS) await expect.poll(() => shipmentRow(orders[m]).innerText()).toContain('中通快递');
    for (const m of BROWSER_SHIPPED) {
      await shipmentRow(orders[m]).getByTestId('shipment-deliver').click();
      await page.getByTestId('signed-by').fill('王五');
      await submitDialog(page, 'dialog-ok');
      await expect.poll(() => shipmentRow(orders[m]).count()).toBe(0);
    }
    for (const m of apiShipped) {
      const [s] = (await warehouse({ method: 'GET', url: `/api/shipments?order=${orders[m].id}` })).json();
      const delivered = await warehouse({
        method: 'POST',
        url: `/api/shipments/${s.id}/deliver`,
        payload: { signedBy: '王五' },
      });
      expect(delivered.statusCode, `${m}: ${delivered.body}`).toBe(200);
      const [listed] = (await warehouse({ method: 'GET', url: `/api/shipments?order=${orders[m].id}` })).json();
      expect(listed.status, m).toBe('delivered');
    }
  });

  it('customer service calls back every order', async () => {
    await loginAs('service');
    await page.getByTestId('main-menu').getByText('客服回访', { exact: true }).click();
    for (const m of METHODS) {
      const row = () => page.getByTestId('callbacks').locator('tbody tr').filter({ hasText: orders[m].number });
      await row().getByTestId('callback-record').click();
      await submitDialog(page, 'callback-ok');
      await expect.poll(() => row().count()).toBe(0);
    }
  });

  it('finance invoices every order and collects what is still owed; every order ends completed and paid', async () => {
    await loginAs('finance');
    for (const m of METHODS) {
      const o = orders[m];
      await openOrder(o);
      await expect.poll(orderStatus).toBe('已签收');
      await page.getByTestId('complete-order').click();
      await page.getByTestId('invoice-number').fill(`2544000000000000${String(METHODS.indexOf(m)).padStart(4, '0')}`);
      await page.getByTestId('outbound-voucher').fill(`CK-${o.number}`);
      await submitDialog(page, 'fulfilment-ok');
      await expect.poll(orderStatus).toBe('已完成');
      // COD: the driver collected ¥10 too much; it stays on the customer's account, not on the order.
      if (m === 'cod') await recordReceipt(o, `${BigInt(o.total.split('.')[0]) + 10n}.${o.total.split('.')[1]}`);
      else if (['lc', 'credit', 'monthly'].includes(m)) await recordReceipt(o);
      await expect.poll(paidLine).toContain(`¥${o.total} / ¥${o.total}`);
      await expect.poll(() => page.getByTestId('record-receipt').count()).toBe(0);
    }
    await page.screenshot({ path: screenshotPath('payment-methods-completed.png'), fullPage: true });
    await page.getByTestId('main-menu').getByRole('link', { name: '财务', exact: true }).click();
    await page.getByRole('tab', { name: '发票' }).click();
    for (const m of METHODS)
      await expect.poll(() => page.getByTestId('invoices').innerText()).toContain(`CK-${orders[m].number}`);
    await page.screenshot({ path: screenshotPath('finance-invoices.png'), fullPage: true });

    const finance = t.as(await t.token('finance'));
    for (const m of METHODS) {
      const o = (await finance({ method: 'GET', url: `/api/orders/${orders[m].id}` })).json();
      expect(o.status, m).toBe('completed');
      const receivables = (await finance({ method: 'GET', url: `/api/receivables?customer=${o.customer.id}` })).json()
        .items;
      // Receivables arise for the terms that ship before payment; each is now fully paid.
      expect(
        receivables.map((r: { bucket: string }) => r.bucket),
        m,
      ).toEqual(['prepaid', 'tt'].includes(m) ? [] : ['paid']);
      expect((await finance({ method: 'GET', url: `/api/customers/${o.customer.id}/balance` })).json().balance, m).toBe(
        m === 'cod' ? '10.00' : '0.00',
      );
    }
  });

  it('opening another order shows nothing of the previous one while the next loads', async () => {
    const [before, next] = [orders.prepaid, orders.tt];
    await loginAs('finance', `/orders/${before.id}`);
    await expect.poll(() => page.getByTestId('order-number').innerText()).toContain(before.number);
    // The next order's answer is held back, so what the page shows meanwhile can be read.
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    await page.route(`**/api/orders/${next.id}`, async (route) => {
      await held;
      await route.continue();
    });
    try {
      await openInApp(page, `/orders/${next.id}`);
      await expect.poll(() => page.getByTestId('order-number').count()).toBe(0);
    } finally {
      // Released whatever the check found; the route itself stays, as unrouting would answer the held request too.
      answer();
    }
    await expect.poll(() => page.getByTestId('order-number').innerText()).toContain(next.number);
    expect(await page.getByTestId('order-number').innerText()).not.toContain(before.number);
  });
});
