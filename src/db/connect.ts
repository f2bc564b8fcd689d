import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import fs from 'node:fs';
import type { DB } from './database';
import { pglitePool } from './pglite-pool';
import { statementName } from './prepared-statements';

export type Engine = 'pglite' | 'postgresql';
/** How the job queue reaches the same database: a URL, or SQL run on the embedded engine. */
export type JobsDb =
  { url: string } | { executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> };
export type Database = {
  db: Kysely<DB>;
  engine: Engine;
  jobsDb: JobsDb;
  close: () => Promise<void>;
  /** The embedded engine's whole data directory as a tarball (tests start new databases from it). */
  dumpDataDir?: () => Promise<Blob>;
};

// Both engines hand back the same JS types: numeric and bigint as strings (parsed on
// purpose by callers), date as 'YYYY-MM-DD', timestamptz as Date.
const NUMERIC = 1700,
  INT8 = 20,
  DATE = 1082;
pg.types.setTypeParser(DATE, (v) => v);
const pgliteParsers = { [NUMERIC]: (v: string) => v, [INT8]: (v: string) => v, [DATE]: (v: string) => v };

export async function connectPostgres(url: string, max = 10): Promise<Database> {
  // JIT compilation off (PostgreSQL's default is on): the report's aggregates over a month of orders are planned
  // expensive enough to be compiled, and compiling took longer than running them (3.6 s of 4 s for one query at
  // 100k orders); nothing Luyue runs is long enough to win it back.
  // No parallel workers either: starting them cost 40–60 ms a statement, more than the counts of the 工作台 take
  // alone (finance's overdue count: 29 ms serial, 87 ms with two workers at 1M orders), and under load they take
  // the cores other requests wait for. `options` in DATABASE_URL takes precedence over both.
  // Idle connections are kept ten minutes rather than pg's 10 s: a new one plans every statement afresh, so the
  // admin's 工作台 called every 11 s took 370–445 ms on new connections and 116–132 on kept ones (1M orders). Idle,
  // they do not keep a process alive that is otherwise done (a CLI command).
  const pool = new pg.Pool({
    connectionString: url,
    max,
    options: '-c jit=off -c max_parallel_workers_per_gather=0',
    idleTimeoutMillis: 10 * 60_000,
    allowExitOnIdle: true,
  });
  // An idle connection the server closes (restart, failover) is replaced, not fatal.
  pool.on('error', (err) => console.error(`database connection lost: ${err.message}`));
  pool.on('connect', preparesMarkedStatements);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgresql', jobsDb: { url }, close: () => db.destroy() };
}

// Marked hot statements are named, so each connection parses and plans them once (prepared-statements.ts).
function preparesMarkedStatements(client: pg.PoolClient) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (
    config: unknown,
    values?: unknown,
    callback?: unknown,
  ) => {
    const name = typeof config === 'string' ? statementName(config) : undefined;
    return name ? query({ name, text: config, values }, callback) : query(config, values, callback);
  };
}

/**
 * The embedded server's buffer cache lives in the process's own memory, and memory it has touched is never given
 * back. PostgreSQL's default of 128 MB made the server 410 MB idle (100k orders); with 32 MB it is 311 MB, and
 * every list, 工作台 and queue read there was as fast or faster: the files it reads stay in the system's cache.
 */
const PGLITE_SETTINGS = ['shared_buffers=32MB'];

/** dataDir undefined → in memory (tests); `image` starts it from a dumped data directory. */
export async function connectPglite(dataDir?: string, image?: Blob): Promise<Database> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  // The contrib extensions the migrations create (trigram search, 0034): loaded on every start.
  const extensions = { pg_trgm, btree_gin };
  const lite = await PGlite.create(dataDir, {
    parsers: pgliteParsers,
    loadDataDir: image,
    extensions,
    postgresqlconf: PGLITE_SETTINGS,
  });
  const pool = pglitePool(lite);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  // Parameterless SQL may hold several statements (the queue's own migrations): those go to exec.
  const executeSql = (text: string, values?: unknown[]) =>
    pool.exclusive(async (pg) => {
      if (values && values.length) return pg.query(text, values);
      const results = await pg.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    });
  return {
    db,
    engine: 'pglite',
    jobsDb: { executeSql },
    dumpDataDir: () => pool.exclusive(() => lite.dumpDataDir('none')),
    close: async () => {
      await db.destroy();
      await lite.close();
    },
  };
}

export function connect(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return opts.databaseUrl ? connectPostgres(opts.databaseUrl) : connectPglite(opts.dataDir);
}
