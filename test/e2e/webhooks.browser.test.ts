import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, screenshotPath } from '../helpers/browser';
import { recordDomainEvent } from '../../src/lib/domain-events';
import { deliverDue, dispatchEvents } from '../../src/modules/webhooks/webhook-sender';

// 系统 → Webhook 订阅: the admin subscribes a URL, keeps the secret shown once, and sends a given-up delivery again.

let t: TestContext;
const session = browserSession();

beforeAll(async () => {
  t = await createTestContext();
  await session.start(t);
});

describe('webhooks in the web app', () => {
  it('the admin subscribes, sees the secret once, and sends a dead delivery again', async () => {
    const page = await session.loginAs('admin');
    await page.getByText('Webhook 订阅', { exact: true }).click();
    await page.getByTestId('webhook-new').click();
    const form = page.getByTestId('webhook-form');
    // Nothing listens on port 9: every try fails.
    await form.getByLabel('接收地址').fill('http://127.0.0.1:9/hooks');
    await form.getByLabel('订阅事件').click();
    await page.getByTitle('全部事件（*）').click();
    await page.keyboard.press('Escape');
    await page
      .getByRole('button', { name: '保 存' })
      .or(page.getByRole('button', { name: '保存' }))
      .click();
    await expect.poll(() => page.getByTestId('webhook-secret').innerText()).toMatch(/^whsec_/);
    await page.getByRole('button', { name: /OK|确\s*定/ }).click();
    await expect.poll(() => page.getByTestId('webhooks-table').innerText()).toContain('http://127.0.0.1:9/hooks');

    const now = new Date();
    await recordDomainEvent(t.database.db, {
      companyId: t.companyA,
      type: 'order.confirmed',
      entityType: 'order',
      entityId: crypto.randomUUID(),
      data: {},
      at: now,
    });
    await dispatchEvents(t.database.db, now);
    expect(await deliverDue(t.database.db, now, { maxAttempts: 1, timeoutMs: 2000 })).toMatchObject({ dead: 1 });

    await page.getByTestId('webhook-deliveries').first().click();
    const deliveries = page.getByTestId('webhook-deliveries-table');
    await expect.poll(() => deliveries.innerText()).toContain('已放弃');
    await page.screenshot({ path: screenshotPath('webhooks-zh.png'), fullPage: true });
    await deliveries.getByRole('button', { name: '重新推送' }).click();
    await expect.poll(() => deliveries.innerText()).toContain('待投递');
  });
});
