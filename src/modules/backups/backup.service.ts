import type { Kysely } from 'kysely';
import { migrateWithin, migrationNames } from '../../db/migrate';
import * as repo from './backup.repository';

const applied = repo.appliedMigrations;
import { booksViolations } from './books.repository';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupRefused,
  readLines,
  TableSummer,
  verifyBackupFile,
  writeBackupFile,
  type BackupHeader,
} from './backup-file';

const PAGE = 1000;
const BATCH = 500;

/**
 * Writes every table of the database to `file` (see backup-file.ts), read in one repeatable-read, read-only
 * transaction: a consistent picture even while the app keeps writing on a PostgreSQL server.
 */
export async function backupDatabase(
  db: Kysely<any>,
  opts: { file: string; engine: string; appVersion: string; now: Date },
): Promise<{ file: string; sizeBytes: number; tables: number; rows: number }> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      await repo.writeTimesInUtc(trx);
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        engine: opts.engine,
        createdAt: opts.now.toISOString(),
        appVersion: opts.appVersion,
        migrations: await applied(trx),
      };
      const tables = await repo.listTables(trx);
      const summer = new TableSummer();
      async function* lines() {
        yield JSON.stringify(header);
        for (const table of tables) {
          yield `@table ${table.name}`;
          summer.start(table.name);
          let after: string | null = null;
          for (;;) {
            const rows = await repo.readRows(trx, table, after, PAGE);
            for (const row of rows) {
              summer.row(row);
              yield row;
            }
            if (rows.length < PAGE || !table.primaryKey.length) break;
            after = rows[rows.length - 1];
          }
        }
        yield `@end ${JSON.stringify(summer.finish())}`;
      }
      const sizeBytes = await writeBackupFile(opts.file, lines());
      const rows = Object.values(summer.sums).reduce((n, t) => n + t.rows, 0);
      return { file: opts.file, sizeBytes, tables: tables.length, rows };
    });
}

export type RestoreResult = { tables: number; rows: number; from: string; migrated: string[] };

/**
 * Restores a backup, all or nothing: the file is checked whole first; then, in one transaction, the target is
 * brought to the backup's migration level, emptied, loaded, its sequences reset, migrated to this version's
 * level and its books checked. Refuses a backup from a newer version, a target ahead of the backup, and a target
 * holding data unless `force`.
 */
export async function restoreDatabase(
  db: Kysely<any>,
  opts: { file: string; force?: boolean },
): Promise<RestoreResult> {
  const { header, tables: sums } = await verifyBackupFile(opts.file);
  const known = migrationNames();
  const unknown = header.migrations.filter((m) => !known.includes(m));
  if (unknown.length)
    throw new BackupRefused('BACKUP.TOO_NEW', `the backup comes from a newer Luyue (migrations ${unknown.join(', ')})`);
  const level = header.migrations.at(-1);
  return db.connection().execute(async (conn) => {
    await repo.begin(conn);
    try {
      const result = await restoreWithin(conn, opts, header, level, sums);
      await repo.commit(conn);
      return result;
    } catch (err) {
      await repo.rollback(conn);
      throw err;
    }
  });
}

async function restoreWithin(
  conn: Kysely<any>,
  opts: { file: string; force?: boolean },
  header: BackupHeader,
  level: string | undefined,
  sums: Record<string, { rows: number }>,
): Promise<RestoreResult> {
  const target = await applied(conn);
  if (!isPrefix(target, header.migrations))
    throw new BackupRefused(
      'BACKUP.TARGET_AHEAD',
      `the database is at migration ${target.at(-1)}, the backup at ${level ?? 'none'}: restore into a new, empty ` +
        'database (a new LUYUE_DATA_DIR, or a new PostgreSQL database)',
    );
  if (!opts.force && (await repo.holdsData(conn)))
    throw new BackupRefused(
      'BACKUP.TARGET_NOT_EMPTY',
      'the database already holds data: restore with --force to replace it',
    );
  if (level) await migrateWithin(conn, level);
  const tables = new Map((await repo.listTables(conn)).map((t) => [t.name, t]));
  const missing = Object.keys(sums).filter((n) => !tables.has(n));
  if (missing.length)
    throw new BackupRefused(
      'BACKUP.CORRUPT',
      `the backup holds tables its migrations do not make: ${missing.join(', ')}`,
    );
  await repo.truncateTables(conn, [...tables.keys()]);
  const foreignKeys = await repo.dropForeignKeys(conn);
  let rows = 0;
  let table: repo.TableShape | undefined;
  let batch: string[] = [];
  const flush = async () => {
    if (table && batch.length) await repo.insertRows(conn, table, batch);
    rows += batch.length;
    batch = [];
  };
  let first = true;
  for await (const line of readLines(opts.file)) {
    if (first) {
      first = false;
      continue;
    }
    if (line.startsWith('@table ')) {
      await flush();
      table = tables.get(line.slice(7));
    } else if (line.startsWith('@end ')) {
      await flush();
    } else {
      batch.push(line);
      if (batch.length >= BATCH) await flush();
    }
  }
  // The ledger's deferred checks fire now (a table with pending checks cannot be altered), then the keys. The
  // reserved units are left to the books check below: one pass instead of one sum per product.
  await repo.forgetReservedTally(conn);
  await refusing('BACKUP.BOOKS_DO_NOT_HOLD', 'the restored books do not hold', () =>
    repo.checkDeferredConstraints(conn),
  );
  await refusing('BACKUP.CORRUPT', 'the restored rows do not refer to each other', () =>
    repo.addForeignKeys(conn, foreignKeys),
  );
  await repo.resetSequences(conn);
  const before = await applied(conn);
  await migrateWithin(conn);
  const migrated = (await applied(conn)).filter((m) => !before.includes(m));
  const broken = await booksViolations(conn);
  if (broken.length)
    throw new BackupRefused(
      'BACKUP.BOOKS_DO_NOT_HOLD',
      `the restored books do not hold: ${broken.map((b) => `${b.check} ${JSON.stringify(b.rows)}`).join('; ')}`,
    );
  return { tables: Object.keys(sums).length, rows, from: header.createdAt, migrated };
}

/** Runs a step whose database error means the backup's rows are not sound, refused with the code. */
async function refusing(code: string, what: string, step: () => Promise<void>) {
  try {
    await step();
  } catch (err) {
    throw new BackupRefused(code, `${what}: ${(err as Error).message}`);
  }
}

const isPrefix = (a: string[], b: string[]) => a.length <= b.length && a.every((m, i) => b[i] === m);
