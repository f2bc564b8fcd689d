import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, screenshotPath } from '../helpers/browser';

// 系统设置: the admin's page for every company setting, drawn from the settings schema.

let t: TestContext;
let page: Page;
const session = browserSession();

beforeAll(async () => {
  t = await createTestContext();
  await session.start(t);
});

describe('settings page', () => {
  it('serves the settings schema to admins only', async () => {
    const admin = t.as(await t.token('admin'));
    const schema = (await admin({ method: 'GET', url: '/api/settings/schema' })).json();
    expect(schema.properties.fulfilment.properties.pickHours).toMatchObject({ type: 'number', maximum: 1000 });
    const sales = t.as(await t.token('sales'));
    expect((await sales({ method: 'GET', url: '/api/settings/schema' })).statusCode).toBe(403);
  });

  it('an admin changes a time limit; a bad value is named on its field, as typed and from the server', async () => {
    page = await session.loginAs('admin');
    await page.getByTestId('main-menu').getByText('系统设置', { exact: true }).click();
    const pick = page.getByTestId('setting-fulfilment.pickHours').locator('input');
    await expect.poll(() => pick.inputValue()).toBe('24');
    await pick.fill('12');
    await page.getByTestId('settings-save').click();
    const admin = t.as(await t.token('admin'));
    await expect
      .poll(async () => (await admin({ method: 'GET', url: '/api/settings' })).json().fulfilment.pickHours)
      .toBe(12);

    // As typed: a stage's time limit must be more than 0.
    const sales = page.getByTestId('setting-review.stageHours.sales');
    await sales.locator('input').fill('0');
    await expect.poll(() => sales.innerText()).toContain('须大于 0');
    await sales.locator('input').fill('4');
    // From the server: the numbering rule needs its sequence; nothing is saved.
    const rule = page.getByTestId('setting-orderNumberRule');
    await rule.locator('input').fill('{yyyy}-{shortCode}');
    await page.getByTestId('settings-save').click();
    await expect.poll(() => rule.innerText()).toContain('{seq}');
    expect((await admin({ method: 'GET', url: '/api/settings' })).json().orderNumberRule).toBe(
      '{yyyy}{MM}-{shortCode}-{seq:3}',
    );
    await page.screenshot({ path: screenshotPath('settings.png'), fullPage: true });
  });

  it('moves nothing for a user whose system asks for reduced motion, and animates for the others', async () => {
    // The test pages ask for reduced motion (newTestContext); the save button's transition shows what the app chose.
    const transition = () =>
      page.getByTestId('settings-save').evaluate((b) => getComputedStyle(b).transitionDuration.split(',')[0].trim());
    expect(await transition()).toBe('0s');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.reload();
    await expect.poll(transition).toMatch(/^0?\.\d+s$/);
  });
});
