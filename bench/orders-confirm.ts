// Orders confirmed per second (5 lines each) on PGlite and on PostgreSQL with 1 and 8 clients, with p50/p99
// latency and pgbench's TPS on the same server for the ratio. Prints JSON.
//   node --import tsx bench/orders-confirm.ts [--orders 400] [--catalogue 2000]
//     [--pg postgres://postgres@127.0.0.1:5432/test]
// By default every order holds the same 5 products, so confirmations queue on those 5 stock rows; `--catalogue N`
// draws each order's 5 products from N, which shows how confirmations of different products run side by side.
import { connectPglite, type Database } from '../src/db/connect';
import { confirmOrder } from '../src/modules/orders/confirm-order';
import { defaultWorkingHours } from '../src/lib/calendar/calendar';
import { arg, freshPostgres, runFigures, pgbenchTps, prepare } from './orders-fixture';

const ORDERS = Number(arg('orders', '400'));
/** `--engines pglite` or `--engines postgresql` runs one of them (a quick look while developing). */
const ENGINES = arg('engines', 'pglite,postgresql').split(',');
const CATALOGUE = Number(arg('catalogue', '0'));

async function run(database: Database, clients: number) {
  const { ids, actor } = await prepare(database, ORDERS, CATALOGUE);
  const queue = [...ids];
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        const t0 = performance.now();
        await database.db.transaction().execute((trx) =>
          confirmOrder(trx, actor, { now: new Date(), workingHours: defaultWorkingHours }, id!, {
            method: 'electronic',
          }),
        );
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return runFigures(database.engine, clients, latencies, (performance.now() - started) / 1000);
}

const results = [];
for (const clients of ENGINES.includes('pglite') ? [1, 8] : []) {
  const lite = await connectPglite();
  results.push(await run(lite, clients));
  await lite.close();
}
// pgbench runs right after each PostgreSQL run with as many clients: the machine's speed can drift within minutes,
// and a ratio is fair only between runs that saw the same machine.
const pgbench: { clients1: number | null; clients8: number | null } = { clients1: null, clients8: null };
for (const clients of ENGINES.includes('postgresql') ? ([1, 8] as const) : []) {
  const database = await freshPostgres(`luyue_bench_${clients}`);
  results.push(await run(database, clients));
  await database.close();
  pgbench[`clients${clients}`] = pgbenchTps(clients);
}
const pgRows = results.filter((r) => r.engine === 'postgresql');
console.log(
  JSON.stringify(
    {
      benchmark: 'orders-confirm',
      products: CATALOGUE || 5,
      results,
      pgbenchTps: pgbench,
      ratioToPgbench: {
        clients1: pgbench.clients1 ? Number((pgRows[0].ordersPerSecond / pgbench.clients1).toFixed(3)) : null,
        clients8: pgbench.clients8 ? Number((pgRows[1].ordersPerSecond / pgbench.clients8).toFixed(3)) : null,
        clients8P99ms: pgRows[1]?.p99ms ?? null,
      },
      targets: { clients1Ratio: 0.5, clients8Ratio: 0.6, clients8P99ms: 15, pgliteOrdersPerSecond: 500 },
    },
    null,
    2,
  ),
);
