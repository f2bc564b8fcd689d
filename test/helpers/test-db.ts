import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { inject } from 'vitest';
import { connectPglite, connectPostgres, type Database } from '../../src/db/connect';
import { migrate } from '../../src/db/migrate';
import { adminQuery, databaseUrl } from './postgres-admin';

/**
 * A fresh, migrated database (copied from the run's template, see test/global-setup.ts; `seeded` also holds the
 * demo data) for one test file: in-memory PGlite by default, or a new database on the server of
 * TEST_DATABASE_URL (dropped afterwards), so runs never collide.
 */
export async function createTestDatabase(from: 'migrated' | 'seeded' = 'migrated'): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const image = inject('pgliteTemplates')?.[from];
    if (image) return connectPglite(undefined, imageBlob(image));
    const database = await connectPglite();
    await migrate(database.db);
    return database;
  }
  const name = `luyue_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const template = inject('postgresTemplates')?.[from];
  await adminQuery(url, template ? `create database ${name} template ${template}` : `create database ${name}`);
  const database = await connectPostgres(databaseUrl(url, name), 40);
  if (!template) await migrate(database.db);
  return {
    ...database,
    close: async () => {
      await database.close();
      // Without FORCE: the pool has ended, so nothing should hold a connection.
      await adminQuery(url, `drop database if exists ${name}`);
    },
  };
}

/**
 * A new embedded database with no migrations, as `connectPglite()` makes it: on the PGlite pass copied from the
 * run's image of one (a new data directory costs an initdb of seconds), on the PostgreSQL pass made anew.
 */
export async function newEmptyPglite(): Promise<Database> {
  const image = inject('pgliteTemplates')?.empty;
  return image ? connectPglite(undefined, imageBlob(image)) : connectPglite();
}

/**
 * An image as PGlite reads it (`arrayBuffer()`), from the file's bytes read once per worker. Node's own Blob hands
 * back a 45 MB image in small chunks that it then joins: about half a second of every test file's start.
 */
class ImageBlob extends Blob {
  constructor(private readonly image: Buffer) {
    super([]);
  }
  override get size() {
    return this.image.length;
  }
  override arrayBuffer() {
    // A copy of its own for each database, so no start can change the next one's image.
    return Promise.resolve(new Uint8Array(this.image).buffer);
  }
}
const imageBytes = new Map<string, Buffer>();
function imageBlob(file: string): Blob {
  if (!imageBytes.has(file)) imageBytes.set(file, fs.readFileSync(file));
  return new ImageBlob(imageBytes.get(file)!);
}

export const onPostgres = () => !!process.env.TEST_DATABASE_URL;
