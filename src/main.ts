import { loadConfig, type Config } from './config';
import { connect, type Engine } from './db/connect';
import type { Db } from './db/database';
import { ensureFirstAdmin } from './modules/users/first-admin';
import { migrate } from './db/migrate';
import { buildApp } from './app';
import type { AppContext } from './http/context';
import { startJobs } from './jobs/runner';
import { version } from './version';
import { DEMO_PASSWORD, DEMO_USERS, isEmpty, seedDemo } from './modules/demo/demo.seed';
import { seedDemoOrders } from './modules/demo/demo-orders';

/** Demo data is for the embedded database unless asked for (LUYUE_DEMO=on); a server's data is real. */
export const wantsDemo = (config: Config, engine: Engine) =>
  config.demo === 'on' || (config.demo === 'auto' && engine === 'pglite');

/** The demo companies and, in the first one, sample orders in every stage: all of it or nothing. */
export async function seedDemoWithOrders(db: Db, config: Config, at: Date) {
  await seedDemo(db, at);
  await seedDemoOrders(db, at, config.workHours);
}

/** config → database → migrate → demo data when empty, or a first administrator → listen. */
export async function serve(config: Config = loadConfig()) {
  const database = await connect(config);
  await migrate(database.db);
  const demo = wantsDemo(config, database.engine);
  const seeded = demo && (await isEmpty(database.db));
  if (seeded) await database.db.transaction().execute((trx) => seedDemoWithOrders(trx, config, new Date()));
  const firstAdmin = seeded ? undefined : await database.db.transaction().execute((trx) => ensureFirstAdmin(trx));
  const ctx: AppContext = { db: database.db, engine: database.engine, config, version };
  const app = await buildApp(ctx, { logger: { level: config.logLevel } });
  const boss = await startJobs(
    database,
    (msg, err) => app.log.error({ err }, msg),
    config.workHours.timeZone,
    config.backup,
  );
  ctx.jobs = boss;
  const close = async () => {
    await boss.stop({ graceful: true, wait: true });
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  const where = database.engine === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL';
  const port = (app.server.address() as { port: number }).port;
  console.log(`\nLuyue 履约 ${version} is running: http://localhost:${port}  (database: ${where})`);
  console.log(`API docs: http://localhost:${port}/docs`);
  if (seeded || (demo && !firstAdmin)) {
    console.log(`Demo logins (password ${DEMO_PASSWORD}): ${Object.keys(DEMO_USERS).join(', ')}`);
  }
  if (firstAdmin) {
    // Shown once, never stored in clear: the administrator changes it at the first login.
    console.log(
      `\nFirst administrator of company ${firstAdmin.companyCode}: ${firstAdmin.username} / ${firstAdmin.password}` +
        '\nThis password is shown only now. Log in and change it at once (Users → admin → password).\n',
    );
  }
  return app;
}
