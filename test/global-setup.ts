import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connectPglite, connectPostgres, type Database } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import { seedDemo } from '../src/modules/demo/demo.seed';
import { adminQuery, databaseUrl } from './helpers/postgres-admin';

type Templates = { migrated: string; seeded: string };

declare module 'vitest' {
  export interface ProvidedContext {
    /** Embedded-database images every test file starts from (null on PostgreSQL); `empty`: new, not migrated. */
    pgliteTemplates: (Templates & { empty: string }) | null;
    /** Databases on the TEST_DATABASE_URL server every test file is copied from (null on PGlite). */
    postgresTemplates: Templates | null;
  }
}

const seed = (database: Database) => database.db.transaction().execute((trx) => seedDemo(trx, new Date()));

/**
 * Creating an embedded database runs initdb (about 3 s), and migrating one on either engine takes seconds more;
 * copying one already migrated takes a fraction of that. The templates are made once per run, from this run's
 * code, so they can never be stale: on PGlite images of a data directory, on PostgreSQL template databases
 * (CREATE DATABASE … TEMPLATE copies the files).
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const templates = await postgresTemplates(url);
    project.provide('pgliteTemplates', null);
    project.provide('postgresTemplates', templates);
    return async () => {
      for (const name of [templates.seeded, templates.migrated])
        await adminQuery(url, `drop database if exists ${name}`);
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luyue-test-'));
  const database = await connectPglite();
  const empty = path.join(dir, 'empty.tar');
  const migrated = path.join(dir, 'migrated.tar');
  const seeded = path.join(dir, 'seeded.tar');
  try {
    fs.writeFileSync(empty, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
    await migrate(database.db);
    fs.writeFileSync(migrated, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
    await seed(database);
    fs.writeFileSync(seeded, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
  } finally {
    await database.close();
  }
  project.provide('pgliteTemplates', { empty, migrated, seeded });
  project.provide('postgresTemplates', null);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

/** A migrated database and a copy of it with the demo data, named for this run so runs never collide. */
async function postgresTemplates(url: string): Promise<Templates> {
  const stem = `luyue_template_${process.pid}_${randomBytes(4).toString('hex')}`;
  const templates = { migrated: `${stem}_migrated`, seeded: `${stem}_seeded` };
  await adminQuery(url, `create database ${templates.migrated}`);
  const migrated = await connectPostgres(databaseUrl(url, templates.migrated), 2);
  try {
    await migrate(migrated.db);
  } finally {
    await migrated.close();
  }
  await adminQuery(url, `create database ${templates.seeded} template ${templates.migrated}`);
  const seeded = await connectPostgres(databaseUrl(url, templates.seeded), 2);
  try {
    await seed(seeded);
  } finally {
    await seeded.close();
  }
  return templates;
}
