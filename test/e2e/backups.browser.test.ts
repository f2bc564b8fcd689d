import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { browserSession, screenshotPath } from '../helpers/browser';
import { runNightlyBackup } from '../../src/modules/backups/nightly-backup';

// 工作台: the admin sees the last nightly backup, and a failure that came after it; others see no backup card.

let t: TestContext;
const session = browserSession();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luyue-backup-ui-'));

beforeAll(async () => {
  t = await createTestContext();
  await session.start(t);
});

const nightly = (folder: string, at: string) =>
  runNightlyBackup(
    t.database.db,
    { dir: folder, keep: 3, timeZone: 'Asia/Shanghai', engine: t.database.engine, appVersion: 'test' },
    () => new Date(at),
  );

describe('backups on the 工作台', () => {
  it('shows the admin the last success, then the failure that followed it', async () => {
    expect(await nightly(path.join(dir, 'ok'), '2030-11-01T18:30:00Z')).toMatchObject({ status: 'ok' });
    let page = await session.loginAs('admin');
    const card = page.getByTestId('backup');
    await expect.poll(() => card.innerText()).toContain('luyue-20301101-183000Z.backup.gz');
    expect(await card.innerText()).toContain('上次成功备份');
    // Shown in the browser's own time zone.
    const shown = new Date('2030-11-01T18:30:00Z');
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(await page.getByTestId('backup-last').innerText()).toBe(
      `${shown.getFullYear()}-${pad(shown.getMonth() + 1)}-${pad(shown.getDate())} ` +
        `${pad(shown.getHours())}:${pad(shown.getMinutes())}`,
    );

    fs.writeFileSync(path.join(dir, 'a-file'), 'x');
    expect(await nightly(path.join(dir, 'a-file', 'sub'), '2030-11-02T18:30:00Z')).toMatchObject({ status: 'failed' });
    page = await session.loginAs('admin');
    await expect.poll(() => page.getByTestId('backup-failed').innerText()).toContain('最近一次备份失败');
    // The admin's notice, in the latest notifications of the same page.
    await expect.poll(() => page.locator('body').innerText()).toContain('每晚数据备份失败');
    await page.screenshot({ path: screenshotPath('backups-zh.png'), fullPage: true });

    page = await session.loginAs('sales');
    await page.getByTestId('todos').waitFor();
    expect(await page.getByTestId('backup').count()).toBe(0);
  });
});
