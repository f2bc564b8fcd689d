import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, chooseOption, screenshotPath, submitDialog } from '../helpers/browser';
import { customerByShortCode, orderActors, orderBody, productBySku } from '../helpers/orders';

// 样品确认 in Chromium: on the order page sales requires sample approval, records the sample sent and the
// customer's approval; the card then says bulk production may start.

let t: TestContext;
let page: Page;
let base: string;
const session = browserSession();
let orderId: string;

beforeAll(async () => {
  t = await createTestContext();
  const a = await orderActors(t);
  const abc = await customerByShortCode(a.sales, 'ABC');
  const product = await productBySku(a.sales, 'A-01');
  orderId = (
    await a.sales({
      method: 'POST',
      url: '/api/orders',
      payload: orderBody(abc.id, [{ productId: product.id, qty: 2 }]),
    })
  ).json().id;
  base = await session.start(t);
});

describe('sample approval on the order page', () => {
  it('requires approval, records a round and the approved decision', async () => {
    page = await session.loginAs('sales', `/orders/${orderId}`);
    const card = page.getByTestId('order-sample-approval');
    await card.getByTestId('sample-require').click();
    await page.getByLabel('说明').fill('颜色需确认');
    await submitDialog(page, 'sample-ok');
    await expect.poll(() => card.innerText()).toContain('待确认');

    await card.getByTestId('sample-add-round').click();
    const date = page.getByLabel('送样日期');
    await date.fill('2026-11-10');
    await date.press('Enter');
    await page.getByLabel('送样内容').fill('红色样品');
    await page.getByLabel('数量').fill('2');
    await page.getByLabel('快递单号').fill('SF100');
    await submitDialog(page, 'sample-ok');
    await expect.poll(() => card.getByTestId('sample-round-1').innerText()).toContain('SF100');

    await card.getByTestId('sample-feedback').click();
    await chooseOption(page, page.getByTestId('sample-decision'), '通过');
    await page.getByLabel('客户反馈').fill('颜色可以');
    await submitDialog(page, 'sample-ok');
    await expect.poll(() => card.innerText()).toContain('已确认，可开始批量生产');
    expect(await card.getByTestId('sample-round-1').innerText()).toContain('颜色可以');
    await page.screenshot({ path: screenshotPath('sample-approval.png'), fullPage: true });
  });
});
