import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, chooseOption, screenshotPath, submitDialog } from '../helpers/browser';
import { orderActors, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo.seed';

// The warehouse, logistics and customer service at work on an iPhone-sized screen (390 × 844): the page never
// scrolls sideways, lists are cards with big buttons, the menu slides over the page.

let t: TestContext;
let page: Page;
const session = browserSession();
let toPick: { id: string; number: string };
let shipmentNumber: string;
let delivered: { id: string; number: string };

beforeAll(async () => {
  t = await createTestContext();
  const a = await orderActors(t);
  const f = fulfilmentFactories(t, a);
  const productId = (await productBySku(a.sales, 'B-01')).id;
  toPick = await f.confirmedOrder(await f.newCustomer('PHONE1'), [{ productId, qty: 1 }]);
  // An order already delivered, waiting for its call-back.
  delivered = await f.confirmedOrder(await f.newCustomer('PHONE2'), [{ productId, qty: 1 }]);
  const shipmentId = await f.packedShipment([delivered.id]);
  expect((await a.warehouse({ method: 'POST', url: `/api/shipments/${shipmentId}/ship` })).statusCode).toBe(200);
  const deliver = await a.warehouse({
    method: 'POST',
    url: `/api/shipments/${shipmentId}/deliver`,
    payload: { signedBy: '李四' },
  });
  expect(deliver.statusCode, deliver.body).toBe(200);
  await session.start(t);
});

/** Logs in on a 390 × 844 screen, in Chinese unless told otherwise. */
async function phoneLogin(username: string, lang: 'zh-CN' | 'en' = 'zh-CN') {
  page = await session.loginForm();
  await page.setViewportSize({ width: 390, height: 844 });
  if (lang === 'en') {
    await page.evaluate(() => localStorage.setItem('luyue.lang', 'en'));
    await page.reload();
  }
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('menu-toggle').waitFor();
}

/** Nothing on the page is wider than the screen. */
async function expectNoSidewaysScroll(step: string) {
  const w = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(w.scroll, `${step}: ${w.scroll} > ${w.client}`).toBeLessThanOrEqual(w.client);
}

/** Opens the menu over the page (the content stays where it is) and goes to one of its entries. */
async function openFromMenu(entry: string) {
  const content = page.locator('.ant-layout-content');
  const before = (await content.boundingBox())!.x;
  await page.getByTestId('menu-toggle').click();
  const menu = page.getByTestId('main-menu');
  await menu.waitFor({ state: 'visible' });
  // The menu lies over the content from the left edge; the content does not move aside.
  await expect.poll(async () => (await menu.boundingBox())?.x).toBe(0);
  const box = (await menu.boundingBox())!;
  expect(box.x + box.width).toBeGreaterThan(before);
  expect((await content.boundingBox())!.x).toBe(before);
  await expectNoSidewaysScroll('menu open');
  await menu.getByText(entry, { exact: true }).click();
  await menu.waitFor({ state: 'hidden' });
  await page.getByTestId('page-title').filter({ hasText: entry }).waitFor();
}

/** A select's list closed, so the picture shows the page. */
async function closeDropdowns() {
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

const card = (testId: string, text: string) => page.getByTestId(testId).filter({ hasText: text });

/** A button a finger can hit: at least 44 px tall. */
async function expectBig(button: Locator) {
  expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
}

describe('operations on a phone (390 px) in Chromium', () => {
  it('the warehouse makes the outbound order, picks, rechecks, packs and ships, never scrolling sideways', async () => {
    await phoneLogin('warehouse');
    await openFromMenu('仓库作业');
    const queued = card('queue-card', toPick.number);
    await queued.waitFor();
    await expectNoSidewaysScroll('orders to ship');
    await expectBig(queued.getByTestId('queue-create-shipment'));
    await queued.getByTestId('queue-create-shipment').click();
    await expect.poll(() => queued.count()).toBe(0);
    const [s] = (
      await t.as(await t.token('warehouse'))({ method: 'GET', url: `/api/shipments?order=${toPick.id}` })
    ).json();
    shipmentNumber = s.number;

    for (const [view, step] of [
      ['待拣货', 'pick'],
      ['已拣货', 'recheck'],
      ['已复核', 'pack'],
    ] as const) {
      await chooseOption(page, page.getByTestId('warehouse-view'), view);
      const row = card('shipment-card', shipmentNumber);
      await row.waitFor();
      await expectNoSidewaysScroll(view);
      await expectBig(row.getByTestId(`shipment-${step}`));
      await row.getByTestId(`shipment-${step}`).click();
      await expect.poll(() => row.count()).toBe(0);
    }
    await chooseOption(page, page.getByTestId('warehouse-view'), '已打包');
    const packed = card('shipment-card', shipmentNumber);
    // The shipment's details open full screen.
    await packed.getByText(shipmentNumber).click();
    await expect.poll(() => page.getByTestId('shipment-drawer').innerText()).toContain(toPick.number);
    await expectNoSidewaysScroll('shipment details');
    await page.locator('.ant-drawer-close').click();
    await packed.getByTestId('shipment-ship').click();
    await page.getByTestId('carrier-input').fill('顺丰速运');
    // The dialog takes the screen's width, near the top (polled: it zooms in).
    await expect
      .poll(async () => {
        const box = (await page.locator('.ant-modal').boundingBox())!;
        return box.y <= 16 && box.width >= 350 && box.x + box.width <= 390;
      })
      .toBe(true);
    await expectNoSidewaysScroll('ship dialog');
    await page.screenshot({ path: screenshotPath('phone-warehouse-zh.png') });
    await submitDialog(page, 'dialog-ok');
    await expect.poll(() => packed.count()).toBe(0);
    await chooseOption(page, page.getByTestId('warehouse-view'), '已发货');
    await card('shipment-card', shipmentNumber).waitFor();
    await expectNoSidewaysScroll('shipped');
  });

  it('logistics enters the tracking number and records the delivery on a phone', async () => {
    await openFromMenu('物流');
    const row = card('shipment-card', shipmentNumber);
    await row.waitFor();
    await expectNoSidewaysScroll('logistics shipments');
    await expectBig(row.getByTestId('shipment-tracking'));
    await row.getByTestId('shipment-tracking').click();
    await page.getByTestId('tracking-input').fill('SF9988776655');
    await expectNoSidewaysScroll('tracking dialog');
    await submitDialog(page, 'dialog-ok');
    await expect.poll(() => row.innerText()).toContain('SF9988776655');
    await row.getByTestId('shipment-deliver').click();
    await page.getByTestId('signed-by').fill('王五');
    await expectNoSidewaysScroll('delivery dialog');
    await submitDialog(page, 'dialog-ok');
    // Filtered to shipped, the delivered shipment leaves the list; filtered to delivered, it shows its signer.
    await expect.poll(() => row.count()).toBe(0);
    await chooseOption(page, page.getByTestId('filter-status'), '已签收');
    await expect.poll(() => card('shipment-card', shipmentNumber).innerText()).toContain('王五');
    await closeDropdowns();
    await expectNoSidewaysScroll('delivered');
    await page.screenshot({ path: screenshotPath('phone-logistics-zh.png') });
  });

  it('customer service records a call-back on a phone', async () => {
    await phoneLogin('service');
    await openFromMenu('客服回访');
    const row = card('callback-card', delivered.number);
    await row.waitFor();
    await expectNoSidewaysScroll('call-backs');
    await expectBig(row.getByTestId('callback-record'));
    await row.getByTestId('callback-record').click();
    // A tap while the dialog is still opening can be lost: tap again until the problem text box shows.
    await expect
      .poll(async () => {
        await page.getByText('有问题', { exact: true }).click();
        return page.locator('.ant-modal textarea').count();
      })
      .toBe(1);
    await page.locator('.ant-modal textarea').fill('外箱压痕');
    await expectNoSidewaysScroll('call-back dialog');
    await page.screenshot({ path: screenshotPath('phone-service-zh.png') });
    await submitDialog(page, 'callback-ok');
    await expect.poll(() => row.count()).toBe(0);
    await page.getByRole('tab', { name: '投诉' }).click();
    await expect.poll(() => card('complaint-card', delivered.number).innerText()).toContain('外箱压痕');
    await expectNoSidewaysScroll('complaints');
  });

  it('the warehouse page fits a phone in English too', async () => {
    await phoneLogin('warehouse', 'en');
    await openFromMenu('Warehouse');
    await chooseOption(page, page.getByTestId('warehouse-view'), 'Shipped');
    await card('shipment-card', shipmentNumber)
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await chooseOption(page, page.getByTestId('warehouse-view'), 'Delivered');
    await expect.poll(() => card('shipment-card', shipmentNumber).innerText()).toContain('SF9988776655');
    await closeDropdowns();
    await expectNoSidewaysScroll('warehouse in English');
    await page.screenshot({ path: screenshotPath('phone-warehouse-en.png') });
  });
});
