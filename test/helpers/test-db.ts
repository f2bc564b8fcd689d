import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { connectPglite, connectPostgres, type Database } from '../../src/db/connect';
import { migrate } from '../../src/db/migrate';

/**
 * A fresh, migrated database (on PGlite loaded from the run's image, see test/global-setup.ts; `seeded` also
 * holds the demo data) for one test file: in-memory PGlite by default, or a new database
 * on the server of TEST_DATABASE_URL (dropped afterwards), so runs never collide.
 */
export async function createTestDatabase(from: 'migrated' | 'seeded' = 'migrated'): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const image = inject('pgliteTemplates')?.[from];
    if (image) return connectPglite(undefined, new Blob([fs.readFileSync(image)]));
    const database = await connectPglite();
    await migrate(database.db);
    return database;
  }
  const name = `luyue_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await connectPostgres(target.toString(), 40);
  await migrate(database.db);
  return {
    ...database,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      // Without FORCE: the pool has ended, so nothing should hold a connection; retry while it closes.
      for (let attempt = 0; ; attempt++) {
        try {
          await c.query(`drop database if exists ${name}`);
          break;
        } catch (err) {
          if (attempt >= 20) throw err;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await c.end();
    },
  };
}

export const onPostgres = () => !!process.env.TEST_DATABASE_URL;
