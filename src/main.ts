import { loadConfig, type Config } from './config';
import { connect } from './db/connect';
import { migrate } from './db/migrate';
import { buildApp } from './app';
import { startJobs } from './jobs/runner';
import { version } from './version';
import { DEMO_PASSWORD, DEMO_USERS, isEmpty, seedDemo } from './modules/demo/demo.seed';

/** config → database → migrate → demo data when empty → listen. */
export async function serve(config: Config = loadConfig()) {
  const database = await connect(config);
  await migrate(database.db);
  const seeded = config.demo === 'auto' && (await isEmpty(database.db));
  if (seeded) await database.db.transaction().execute((trx) => seedDemo(trx));
  const app = await buildApp(
    { db: database.db, engine: database.engine, config, version },
    { logger: { level: config.logLevel } },
  );
  const boss = await startJobs(database, (msg, err) => app.log.error({ err }, msg), config.workHours.timeZone);
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
  if (seeded || config.demo === 'auto') {
    console.log(`Demo logins (password ${DEMO_PASSWORD}): ${Object.keys(DEMO_USERS).join(', ')}`);
  }
  return app;
}
