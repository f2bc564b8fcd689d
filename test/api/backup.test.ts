import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { createTestDatabase, newEmptyPglite } from '../helpers/test-db';
import { orderActors, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { findViolations } from '../helpers/invariants';
import type { Database } from '../../src/db/connect';
import { migrateWithin } from '../../src/db/migrate';
import { listTables } from '../../src/modules/backups/backup.repository';
import { backupDatabase, restoreDatabase } from '../../src/modules/backups/backup.service';
import { booksViolations } from '../../src/modules/backups/books.repository';
import { runNightlyBackup } from '../../src/modules/backups/nightly-backup';
import { JOBS, startJobs } from '../../src/jobs/runner';

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luyue-backup-'));
const backupFile = path.join(dir, 'round-trip.backup.gz');
const targets: Database[] = [];

/** A new, migrated, empty database on the engine under test (a database of its own on PostgreSQL). */
async function newTarget() {
  const d = await createTestDatabase('migrated');
  targets.push(d);
  return d;
}

/** Every table's row count and a hash of its rows (as JSON, times in UTC, in a collation-free order). */
async function contents(db: Kysely<any>) {
  return db.transaction().execute(async (trx) => {
    await sql`set local timezone = 'UTC'`.execute(trx);
    const out: Record<string, { rows: number; md5: string }> = {};
    for (const table of await listTables(trx)) {
      const r = await sql<{ rows: number; md5: string }>`
        select count(*)::int as rows,
               md5(coalesce(string_agg(row_to_json(t)::text, E'\\n' order by row_to_json(t)::text collate "C"), ''))
                 as md5
          from ${sql.table(table.name)} t`.execute(trx);
      out[table.name] = r.rows[0];
    }
    return out;
  });
}

/** The file's lines, changed by `edit`, gzip'd again with their end line recomputed (a well-formed file). */
function rewritten(name: string, edit: (lines: string[]) => string[]) {
  const lines = gunzipSync(fs.readFileSync(backupFile)).toString('utf8').trimEnd().split('\n');
  const body = edit(lines.slice(0, -1));
  const sums: Record<string, { rows: number; sha256: string }> = {};
  let table = '';
  let hash = createHash('sha256');
  let rows = 0;
  const close = () => table && (sums[table] = { rows, sha256: hash.digest('hex') });
  for (const l of body.slice(1)) {
    if (l.startsWith('@table ')) {
      close();
      table = l.slice(7);
      hash = createHash('sha256');
      rows = 0;
    } else {
      hash.update(`${l}\n`);
      rows++;
    }
  }
  close();
  const file = path.join(dir, name);
  fs.writeFileSync(file, gzipSync(`${[...body, `@end ${JSON.stringify(sums)}`].join('\n')}\n`));
  return file;
}

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  const f = fulfilmentFactories(t, a);
  // Orders, stock and money through the API: a stock receipt, confirmed orders holding stock, a receipt applied to
  // one of them and another reversed.
  const product = await productBySku(a.sales, 'B-02');
  const warehouseId = (
    await a.warehouse({
      method: 'POST',
      url: '/api/warehouses',
      payload: { code: 'BK1', name: '备份仓', kind: 'central' },
    })
  ).json().id;
  const received = await a.warehouse({
    method: 'POST',
    url: '/api/stock/receipts',
    payload: { warehouseId, reference: 'PO-BK', lines: [{ productId: product.id, qty: 40 }] },
  });
  expect(received.statusCode).toBe(201);
  const customer = await f.newCustomer('BKC');
  const first = await f.confirmedOrder(customer, [{ productId: product.id, qty: 3 }]);
  await f.confirmedOrder(customer, [{ productId: product.id, qty: 2 }]);
  const pay = (amount: string) =>
    a.finance({
      method: 'POST',
      url: '/api/receipts',
      payload: {
        customerId: customer,
        amount,
        receivedOn: '2026-11-20',
        method: 'bank_transfer',
        reference: 'BANK-BK',
        applications: [{ orderId: first.id, amount }],
      },
    });
  expect((await pay('10.00')).statusCode).toBe(201);
  const wrong = await pay('5.00');
  const reversed = await a.finance({
    method: 'POST',
    url: `/api/receipts/${wrong.json().id}/reverse`,
    payload: { reason: '重复录入' },
  });
  expect(reversed.statusCode).toBe(201);
  await backupDatabase(t.database.db, {
    file: backupFile,
    engine: t.database.engine,
    appVersion: 'test',
    now: new Date('2026-11-30T18:00:00Z'),
  });
});

afterAll(async () => {
  for (const d of targets) await d.close();
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('luyue backup and restore', () => {
  it('restores into a new empty database with every table as it was and the books holding', async () => {
    const source = await contents(t.database.db);
    expect(source.orders.rows).toBeGreaterThan(0);
    expect(source.stock_movements.rows).toBeGreaterThan(0);
    expect(source.customer_receipts.rows).toBe(3);
    const target = await newTarget();
    const result = await restoreDatabase(target.db, { file: backupFile });
    expect(result.migrated).toEqual([]);
    expect(await contents(target.db)).toEqual(source);
    expect(await booksViolations(target.db)).toEqual([]);
    expect(await findViolations(target.db)).toEqual([]);
    // Identity sequences continue after the restored rows: a new movement gets the next number.
    const maxId = await target.db
      .selectFrom('stock_movements')
      .select(sql<string>`max(id)::text`.as('id'))
      .executeTakeFirstOrThrow();
    const next = await sql<{
      id: string;
    }>`select nextval(pg_get_serial_sequence('stock_movements', 'id'))::text as id`.execute(target.db);
    expect(BigInt(next.rows[0].id)).toBe(BigInt(maxId.id) + 1n);
  });

  it('restores into a fresh embedded database with no migrations (from PostgreSQL too), contents equal', async () => {
    // The restore brings the fresh database to the backup's level itself; on the PostgreSQL pass the file
    // crosses engines.
    const other = await newEmptyPglite();
    targets.push(other);
    await restoreDatabase(other.db, { file: backupFile });
    expect(await contents(other.db)).toEqual(await contents(t.database.db));
  });

  it('refuses a damaged or cut-short file before touching the target', async () => {
    const target = await newTarget();
    await restoreDatabase(target.db, { file: backupFile });
    const before = await contents(target.db);
    const bytes = fs.readFileSync(backupFile);
    const truncated = path.join(dir, 'truncated.backup.gz');
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const noEnd = path.join(dir, 'no-end.backup.gz');
    fs.writeFileSync(
      noEnd,
      gzipSync(
        gunzipSync(bytes)
          .toString('utf8')
          .replace(/@end .*\n$/, ''),
      ),
    );
    const tampered = path.join(dir, 'tampered.backup.gz');
    fs.writeFileSync(tampered, gzipSync(gunzipSync(bytes).toString('utf8').replace('"on_hand":40', '"on_hand":41')));
    const notBackup = path.join(dir, 'not-a-backup.gz');
    fs.writeFileSync(notBackup, gzipSync('hello\n'));
    for (const file of [truncated, noEnd, tampered, notBackup])
      await expect(restoreDatabase(target.db, { file, force: true }), file).rejects.toMatchObject({
        code: 'BACKUP.CORRUPT',
      });
    expect(await contents(target.db)).toEqual(before);
  });

  it('refuses a target holding data unless forced, and a backup from a newer version', async () => {
    const target = await newTarget();
    await restoreDatabase(target.db, { file: backupFile });
    await target.db.updateTable('companies').set({ name: '改过的公司' }).where('id', '=', t.companyB).execute();
    const changed = await contents(target.db);
    await expect(restoreDatabase(target.db, { file: backupFile })).rejects.toMatchObject({
      code: 'BACKUP.TARGET_NOT_EMPTY',
    });
    const newer = rewritten('newer.backup.gz', ([header, ...rest]) => {
      const h = JSON.parse(header);
      return [JSON.stringify({ ...h, migrations: [...h.migrations, '9999_future'] }), ...rest];
    });
    await expect(restoreDatabase(target.db, { file: newer, force: true })).rejects.toMatchObject({
      code: 'BACKUP.TOO_NEW',
    });
    expect(await contents(target.db)).toEqual(changed);
    await restoreDatabase(target.db, { file: backupFile, force: true });
    expect(await contents(target.db)).toEqual(await contents(t.database.db));
  });

  it('rolls the whole restore back when the restored books do not hold', async () => {
    const target = await newTarget();
    const before = await contents(target.db);
    // A well-formed file whose stock balance no longer equals its movements.
    const drifted = rewritten('drifted.backup.gz', (lines) =>
      lines.map((l) => (l.includes('"on_hand":40') ? l.replace('"on_hand":40', '"on_hand":41') : l)),
    );
    await expect(restoreDatabase(target.db, { file: drifted })).rejects.toMatchObject({
      code: 'BACKUP.BOOKS_DO_NOT_HOLD',
    });
    expect(await contents(target.db)).toEqual(before);
  });

  it('refuses a restore whose order lines hold other units than their stock has reserved', async () => {
    const target = await newTarget();
    const before = await contents(target.db);
    // The confirmed order of 2 now holds 1: the balance still has 5 reserved (its movements agree), its orders 4.
    let table = '';
    const drifted = rewritten('reserved-drift.backup.gz', (lines) =>
      lines.map((l) => {
        if (l.startsWith('@table ')) table = l.slice(7);
        return table === 'order_lines' && l.includes('"qty":2,') && l.includes('"reserved":2,')
          ? l.replace('"reserved":2,', '"reserved":1,')
          : l;
      }),
    );
    await expect(restoreDatabase(target.db, { file: drifted })).rejects.toMatchObject({
      code: 'BACKUP.BOOKS_DO_NOT_HOLD',
      message: expect.stringMatching(/reserved units equal what its orders/),
    });
    // Only that check: the balance still equals its movements.
    await expect(restoreDatabase(target.db, { file: drifted })).rejects.toMatchObject({
      message: expect.not.stringMatching(/sum of its movements/),
    });
    expect(await contents(target.db)).toEqual(before);
  });

  it('a backup from an older migration level is restored at that level and then migrated', async () => {
    const old = await newEmptyPglite();
    targets.push(old);
    await old.db.connection().execute((conn) => migrateWithin(conn, '0016_webhooks'));
    const oldFile = path.join(dir, 'old.backup.gz');
    await backupDatabase(old.db, { file: oldFile, engine: 'pglite', appVersion: 'old', now: new Date() });
    const fresh = await newEmptyPglite();
    targets.push(fresh);
    const result = await restoreDatabase(fresh.db, { file: oldFile });
    expect(result.migrated).toContain('0020_backup_runs');
    expect(await fresh.db.selectFrom('backup_runs').select('id').execute()).toEqual([]);
  });
});

describe('npx luyue backup / restore', () => {
  // The commands on a new embedded database (on the PostgreSQL pass the file crosses engines).
  const luyue = (dataDir: string, ...args: string[]) =>
    spawnSync(process.execPath, ['bin/luyue.cjs', ...args], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '', LUYUE_DATA_DIR: dataDir },
    });
  const endLine = (file: string) => gunzipSync(fs.readFileSync(file)).toString('utf8').trimEnd().split('\n').at(-1);

  it('restores a file into a new data directory, refuses it again without --force, and backs it up the same', () => {
    const data = path.join(dir, 'cli-data');
    const restored = luyue(data, 'restore', backupFile);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/^restored \d+ rows of \d+ tables/);
    const again = luyue(data, 'restore', backupFile);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('BACKUP.TARGET_NOT_EMPTY');
    const out = path.join(dir, 'cli.backup.gz');
    const backedUp = luyue(data, 'backup', '--out', out);
    expect(backedUp.status, backedUp.stderr).toBe(0);
    // Same tables, same rows, same checksums.
    expect(endLine(out)).toBe(endLine(backupFile));
  });
});

describe('the nightly backup', () => {
  const nightly = (folder: string, at: string, keep = 2) =>
    runNightlyBackup(
      t.database.db,
      { dir: folder, keep, timeZone: 'Asia/Shanghai', engine: t.database.engine, appVersion: 'test' },
      () => new Date(at),
    );

  it('keeps the newest N files, runs once a night, and shows its last success on the admin’s 工作台', async () => {
    const folder = path.join(dir, 'nightly');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'not a backup');
    for (const at of ['2030-12-01T18:30:00Z', '2030-12-02T18:30:00Z', '2030-12-03T18:30:00Z'])
      expect(await nightly(folder, at)).toMatchObject({ status: 'ok' });
    // Two instances at the same night: one writes, the other finds the night claimed.
    const both = await Promise.all([nightly(folder, '2030-12-04T18:30:00Z'), nightly(folder, '2030-12-04T18:30:00Z')]);
    expect(both.map((o) => o.status).sort()).toEqual(['ok', 'skipped']);
    expect(fs.readdirSync(folder).sort()).toEqual([
      'luyue-20301203-183000Z.backup.gz',
      'luyue-20301204-183000Z.backup.gz',
      'notes.txt',
    ]);
    const home = (await a.admin({ method: 'GET', url: '/api/workbench' })).json();
    expect(home.backup).toMatchObject({
      scheduled: t.database.engine === 'pglite',
      lastSuccess: { at: '2030-12-04T18:30:00.000Z', file: 'luyue-20301204-183000Z.backup.gz' },
      lastFailure: null,
    });
    expect(home.backup.lastSuccess.sizeBytes).toBe(fs.statSync(path.join(folder, home.backup.lastSuccess.file)).size);
    // A nightly file is a whole backup: it restores.
    const target = await newTarget();
    await restoreDatabase(target.db, { file: path.join(folder, 'luyue-20301204-183000Z.backup.gz') });
    expect((await contents(target.db)).orders).toEqual((await contents(t.database.db)).orders);
    // Only admins see it.
    expect((await a.sales({ method: 'GET', url: '/api/workbench' })).json().backup).toBeNull();
  });

  it('is a pg-boss job at LUYUE_BACKUP_TIME in the company time zone, on the embedded database only', async () => {
    const folder = path.join(dir, 'job');
    const boss = await startJobs(t.database, () => {}, 'Asia/Shanghai', { dir: folder, keep: 3, at: '02:30' });
    try {
      const schedule = (await boss.getSchedules()).find((s) => s.name === JOBS.nightlyBackup);
      if (t.database.engine !== 'pglite') {
        expect(schedule).toBeUndefined();
        return;
      }
      expect(schedule).toMatchObject({ cron: '30 2 * * *', timezone: 'Asia/Shanghai' });
      await boss.send(JOBS.nightlyBackup, {});
      await expect
        .poll(() => (fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.backup.gz')) : []))
        .toHaveLength(1);
    } finally {
      await boss.stop({ graceful: false, wait: true, close: true });
    }
  });

  it('a failing backup (a folder that cannot be made) is told to the admin and shows on the 工作台', async () => {
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, 'x');
    const outcome = await nightly(path.join(blocker, 'backups'), '2030-12-05T18:30:00Z');
    expect(outcome.status).toBe('failed');
    const notes = (await a.admin({ method: 'GET', url: '/api/notifications' })).json();
    const failed = notes.items.find((n: { kind: string }) => n.kind === 'backup_failed');
    expect(failed.params.dir).toBe(path.join(blocker, 'backups'));
    expect(failed.params.error).toMatch(/ENOTDIR|EEXIST/);
    const home = (await a.admin({ method: 'GET', url: '/api/workbench' })).json();
    expect(home.backup.lastFailure).toMatchObject({ at: '2030-12-05T18:30:00.000Z' });
    expect(home.backup.lastSuccess.file).toBe('luyue-20301204-183000Z.backup.gz');
  });
});
