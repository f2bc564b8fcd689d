import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, screenshotPath } from '../helpers/browser';
import { deliverDue } from '../../src/modules/messages/message-sender';

// 系统 → 消息: the admin finds a message given up after its last try, reads the text the customer should have got,
// and sends it again.

let t: TestContext;
const session = browserSession();

beforeAll(async () => {
  t = await createTestContext();
  await session.start(t);
});

describe('messages in the web app', () => {
  it('the admin sees a dead message, opens its text and sends it again', async () => {
    const db = t.database.db;
    const customer = await db
      .selectFrom('customers')
      .select(['id', 'name'])
      .where('company_id', '=', t.companyA)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const now = new Date();
    await db
      .insertInto('messages')
      .values({
        company_id: t.companyA,
        customer_id: customer.id,
        kind: 'shipped',
        channel: 'email',
        recipient: 'buyer@example.com',
        params: JSON.stringify({
          customer: customer.name,
          number: 'SH-E2E-1',
          carrier: '顺丰速运',
          trackingNo: 'SFE2E0001',
          expected: '2026-12-03',
        }),
        source: 'test:e2e',
        next_attempt_at: now,
        created_at: now,
      })
      .execute();
    // No SMTP server configured: the only try fails and the message is given up.
    expect(await deliverDue(db, now, { channels: {}, maxAttempts: 1 })).toMatchObject({ dead: 1 });

    const page = await session.loginAs('admin');
    await page.getByText('消息', { exact: true }).click();
    const table = page.getByTestId('messages-table');
    await expect.poll(() => table.innerText()).toContain('已放弃');
    await expect.poll(() => table.innerText()).toContain('发货通知');
    // Only the given-up ones.
    await page.getByTestId('message-filter-status').click();
    await page.getByTitle('已放弃').click();
    await expect.poll(() => table.innerText()).toContain('SMTP not configured');
    await page.getByTestId('message-open').first().click();
    const drawer = page.getByTestId('message-drawer');
    await expect.poll(() => drawer.innerText()).toContain('运单号 SFE2E0001');
    await expect.poll(() => drawer.innerText()).toContain('SMTP not configured');
    await page.screenshot({ path: screenshotPath('messages-zh.png'), fullPage: true });
    await page.getByRole('dialog').getByTestId('message-retry').click();
    await expect.poll(() => drawer.innerText()).toContain('待发送');
    await page.keyboard.press('Escape');
    // Gone from the given-up ones, listed with the queued.
    await expect.poll(() => table.innerText()).not.toContain('SMTP not configured');
    await page.getByTestId('message-filter-status').click();
    await page.getByTitle('待发送').click();
    await expect.poll(() => table.innerText()).toContain('SMTP not configured');
    const row = await db
      .selectFrom('messages')
      .select(['status', 'attempts'])
      .where('source', '=', 'test:e2e')
      .execute();
    expect(row).toEqual([{ status: 'queued', attempts: 0 }]);
  });
});
