import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connectPglite } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import { seedDemo } from '../src/modules/demo/demo.seed';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Embedded-database images every test file starts from (empty on PostgreSQL). */
    pgliteTemplates: { migrated: string; seeded: string } | null;
  }
}

/**
 * Creating an embedded database runs initdb (about 3 s); loading an image of one already migrated takes a
 * fraction of that. The images are made once per run, from this run's code, so they can never be stale.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('pgliteTemplates', null);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luyue-test-'));
  const database = await connectPglite();
  const migrated = path.join(dir, 'migrated.tar');
  const seeded = path.join(dir, 'seeded.tar');
  try {
    await migrate(database.db);
    fs.writeFileSync(migrated, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
    await database.db.transaction().execute((trx) => seedDemo(trx, new Date()));
    fs.writeFileSync(seeded, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
  } finally {
    await database.close();
  }
  project.provide('pgliteTemplates', { migrated, seeded });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
