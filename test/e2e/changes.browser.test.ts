import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, chooseOption, submitDialog, openInApp } from '../helpers/browser';
import { orderActors } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';

// 订单变更 in Chromium: sales ask for a change on the order page, the departments approve it from their queue,
// the order desk applies it (version 2), and the customer's confirmation clears the order's mark.

let t: TestContext;
let page: Page;
let base: string;
const session = browserSession();
let order: { id: string; number: string };

beforeAll(async () => {
  t = await createTestContext();
  const a = await orderActors(t);
  const f = fulfilmentFactories(t, a);
  const warehouseId = (await a.warehouse({ method: 'GET', url: '/api/warehouses?q=ZC' })).json().items[0].id;
  const product = (
    await a.admin({
      method: 'POST',
      url: '/api/products',
      payload: { sku: 'CHG-W', name: '变更测试品', listPrice: '100.00', standardCost: '60.00' },
    })
  ).json().id;
  await a.warehouse({
    method: 'POST',
    url: '/api/stock/receipts',
    payload: { warehouseId, reference: 'PO-W', lines: [{ productId: product, qty: 100 }] },
  });
  order = await f.confirmedOrder(await f.newCustomer('CHGW'), [{ productId: product, qty: 10 }]);
  base = await session.start(t);
}, 120_000);

const status = () => page.getByTestId('change-status').innerText();
const modalOk = () => page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary');

describe('a change from the order page to the customer confirmation', () => {
  let changeUrl = '';

  it('sales ask for more on the order page and submit the change with its preview', async () => {
    page = await session.loginAs('sales', `/orders/${order.id}`);
    await page.getByTestId('order-request-change').click();
    await chooseOption(page, page.getByTestId('change-line-0'), 'CHG-W');
    await page.getByTestId('change-qty-0').fill('15');
    await page.getByTestId('change-reason').fill('客户追加 5 件');
    await submitDialog(page, modalOk());
    await page.waitForURL(/\/change-requests\//);
    changeUrl = page.url();
    await expect.poll(status).toBe('草稿');
    const lines = await page.getByTestId('change-lines').innerText();
    expect(lines).toContain('10');
    expect(lines).toContain('15');
    expect(await page.getByTestId('change-totals').innerText()).toContain('¥1,500.00');
    expect(await page.getByTestId('change-impacts').innerText()).toContain('预留 +5');
    await page.getByTestId('change-submit').click();
    await expect.poll(status).toBe('审批中');
    expect(await page.getByTestId('change-approve').count()).toBe(0);
  });

  it('each department approves its stage from the change approval queue', async () => {
    for (const user of ['reviewer', 'finance']) {
      page = await session.loginAs(user);
      await page.getByTestId('main-menu').getByText('变更审批', { exact: true }).click();
      await page.getByTestId('change-queue').getByText(`${order.number}-C1`).click();
      await page.getByTestId('change-approve').click();
      await submitDialog(page, 'change-dialog-ok');
      await expect.poll(async () => page.getByTestId('change-approve').count()).toBe(0);
    }
    await expect.poll(status).toBe('已批准');
  });

  it('the order desk applies it: the order is version 2 and waits for the customer', async () => {
    page = await session.loginAs('orderadmin', new URL(changeUrl).pathname);
    await page.getByTestId('change-apply').click();
    await expect.poll(status).toBe('已执行待客户确认');
    await openInApp(page, `/orders/${order.id}`);
    await expect.poll(() => page.getByTestId('order-total').innerText()).toContain('¥1,500.00');
    await expect.poll(() => page.getByTestId('pending-change').innerText()).toContain(`${order.number}-C1`);
    // The versions load on their own after the order: wait for both.
    await expect.poll(() => page.getByTestId('order-versions').innerText()).toContain('V2');
    expect(await page.getByTestId('order-versions').innerText()).toContain('V1');

    // 版本对比: clicking V1 shows it beside the current version, the changed quantity and total highlighted.
    await page.getByTestId('order-version-1').click();
    const left = page.getByTestId('compare-side-left');
    const right = page.getByTestId('compare-side-right');
    await expect.poll(() => right.innerText()).toContain('¥1,500.00');
    await expect.poll(() => left.innerText()).toContain('¥1,000.00');
    expect(await left.innerText()).toContain('版本 1');
    expect(await right.innerText()).toContain('版本 2');
    const changedLeft = await left.locator('[data-changed="yes"]').allInnerTexts();
    const changedRight = await right.locator('[data-changed="yes"]').allInnerTexts();
    expect(changedLeft).toContain('10');
    expect(changedRight).toContain('15');
    expect(changedRight).toContain('¥1,500.00');
    // The unit price did not change, so it is not marked.
    expect(changedRight).not.toContain('¥100.00');
    await page.keyboard.press('Escape');
  });

  it('sales record the customer confirmation and the mark goes away', async () => {
    page = await session.loginAs('sales', new URL(changeUrl).pathname);
    await page.getByTestId('change-confirm').click();
    await page.getByTestId('change-note').fill('客户邮件确认');
    await submitDialog(page, 'change-dialog-ok');
    await expect.poll(status).toBe('客户已确认');
    await openInApp(page, `/orders/${order.id}`);
    await page.getByTestId('order-versions').waitFor();
    expect(await page.getByTestId('pending-change').count()).toBe(0);
  });
});
