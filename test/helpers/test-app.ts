import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app';
import type { AppContext } from '../../src/http/context';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/db/connect';
import { DEMO_PASSWORD, isEmpty, seedDemo } from '../../src/modules/demo/demo.seed';
import { assertInvariants } from './invariants';
import { createTestDatabase } from './test-db';

export type TestContext = {
  app: FastifyInstance;
  database: Database;
  /** What the app's routes were given: a test starting the job queue sets `jobs` on it. */
  appContext: AppContext;
  companyA: string;
  companyB: string;
  /** Bearer token of a demo user, logged in to company A unless told otherwise. */
  token: (username: string, companyId?: string) => Promise<string>;
  /** app.inject with the user's bearer token. */
  as: (token: string) => (opts: InjectOptions) => Promise<LightMyRequestResponse>;
  /** Fixes the requests' clock at an instant (undefined: the system clock again), so tests move time. */
  setNow: (at: Date | undefined) => void;
  /** Checks the books (test/helpers/invariants.ts), then closes the app and the database; fails if they drifted. */
  close: () => Promise<void>;
};

/** Real database (PGlite or PostgreSQL) with the demo companies and users, and the real app. */
export async function createTestContext(): Promise<TestContext> {
  const database = await createTestDatabase('seeded');
  const companies = (await isEmpty(database.db))
    ? (await database.db.transaction().execute((trx) => seedDemo(trx, new Date()))).companies
    : await demoCompanies(database);
  const config = loadConfig({ LUYUE_DATA_DIR: '/tmp/unused' } as NodeJS.ProcessEnv);
  let fixedNow: Date | undefined;
  const clock = () => (fixedNow ? new Date(fixedNow) : new Date());
  const appContext: AppContext = { db: database.db, engine: database.engine, config, version: 'test', clock };
  const app = await buildApp(appContext);
  await app.ready();
  const tokens = new Map<string, string>();
  return {
    app,
    database,
    appContext,
    companyA: companies[0],
    companyB: companies[1],
    async token(username, company) {
      const companyId = company ?? companies[0];
      const key = `${username}/${companyId ?? ''}`;
      if (!tokens.has(key)) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password: DEMO_PASSWORD, companyId },
        });
        if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`);
        tokens.set(key, res.json().token);
      }
      return tokens.get(key)!;
    },
    setNow: (at) => {
      fixedNow = at;
    },
    as: (token) => (opts) =>
      app.inject({ ...opts, headers: { authorization: `Bearer ${token}`, ...(opts.headers ?? {}) } }),
    async close() {
      const drift = await assertInvariants(database.db).then(
        () => undefined,
        (err: unknown) => err,
      );
      await app.close();
      await database.close();
      if (drift) throw drift;
    },
  };
}

/** The demo's two companies, the one a login lands in first. */
async function demoCompanies(database: Database): Promise<string[]> {
  const rows = await database.db.selectFrom('companies').select(['id', 'code']).execute();
  return ['HN', 'HD'].map((code) => rows.find((r) => r.code === code)!.id);
}
