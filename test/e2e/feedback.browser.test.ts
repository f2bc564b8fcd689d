import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, submitDialog } from '../helpers/browser';
import {
  approveAllStages,
  customerByShortCode,
  orderActors,
  orderBody,
  productBySku,
  uploadQualification,
} from '../helpers/orders';

// The order page's hold and resume (异常挂起) and the customer-service page's complaint closing, in Chromium.

let t: TestContext;
let page: Page;
let base: string;
const session = browserSession();
let held: { id: string; number: string };
let complained: { id: string; number: string };

beforeAll(async () => {
  t = await createTestContext();
  const a = await orderActors(t);
  const abc = await customerByShortCode(a.sales, 'ABC');
  await uploadQualification(a.sales, abc.id);
  const product = await productBySku(a.sales, 'B-01');
  const confirmed = async () => {
    const o = (
      await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(abc.id, [{ productId: product.id, qty: 1 }]),
      })
    ).json();
    await a.sales({ method: 'POST', url: `/api/orders/${o.id}/submit` });
    await approveAllStages(t, a, o.id);
    return (
      await a.sales({ method: 'POST', url: `/api/orders/${o.id}/confirm`, payload: { method: 'electronic' } })
    ).json().order;
  };
  held = await confirmed();
  complained = await confirmed();
  const s = (
    await a.warehouse({ method: 'POST', url: '/api/shipments', payload: { orderIds: [complained.id] } })
  ).json();
  for (const step of ['pick', 'recheck', 'pack', 'ship'])
    await a.warehouse({ method: 'POST', url: `/api/shipments/${s.id}/${step}` });
  const logistics = t.as(await t.token('logistics'));
  await logistics({ method: 'POST', url: `/api/shipments/${s.id}/deliver`, payload: { signedBy: '张伟' } });
  const service = t.as(await t.token('service'));
  const callback = (await service({ method: 'GET', url: '/api/callbacks?status=open' }))
    .json()
    .find((c: { orderId: string }) => c.orderId === complained.id);
  await service({
    method: 'POST',
    url: `/api/callbacks/${callback.id}`,
    payload: { outcome: 'problem', complaint: { type: 'damage', description: '外箱破损' } },
  });
  base = await session.start(t);
});

const orderStatus = () => page.getByTestId('order-number').getByTestId('status-tag').innerText();

describe('order exceptions and complaint closing', () => {
  it('the order admin holds a confirmed order with its reason and resumes it', async () => {
    page = await session.loginAs('orderadmin', `/orders/${held.id}`);
    await expect.poll(orderStatus).toBe('已确认');
    expect(await page.getByTestId('order-resume').count()).toBe(0);
    await page.getByTestId('order-hold').click();
    await page.getByTestId('reason-input').fill('客户工地未完工');
    await submitDialog(page, 'reason-ok');
    await expect.poll(orderStatus).toBe('暂停');
    expect(await page.getByTestId('order-hold').count()).toBe(0);
    await page.getByTestId('order-resume').click();
    await submitDialog(page, 'reason-ok');
    await expect.poll(orderStatus).toBe('已确认');
    const history = (await t.as(await t.token('orderadmin'))({ method: 'GET', url: `/api/orders/${held.id}/history` }))
      .json()
      .slice(-2);
    expect(history).toMatchObject([
      { event: 'hold', reason: '客户工地未完工' },
      { event: 'resume', reason: null },
    ]);
  });

  it('sales sees no hold button on the same order', async () => {
    page = await session.loginAs('sales', `/orders/${held.id}`);
    await expect.poll(orderStatus).toBe('已确认');
    expect(await page.getByTestId('order-hold').count()).toBe(0);
  });

  it('customer service closes a complaint with its result and the customer satisfaction', async () => {
    page = await session.loginAs('service');
    await page.getByTestId('main-menu').getByText('客服回访', { exact: true }).click();
    await page.getByRole('tab', { name: '投诉' }).click();
    const row = page.locator('tbody tr').filter({ hasText: complained.number });
    await row.getByTestId('complaint-close').click();
    await page.getByTestId('complaint-result').fill('补发配件，客户认可');
    await submitDialog(page, 'complaint-close-ok');
    await expect.poll(() => row.innerText()).toContain('已结案');
    expect(await row.innerText()).toContain('补发配件，客户认可');
    expect(await row.getByTestId('complaint-close').count()).toBe(0);
  });
});
