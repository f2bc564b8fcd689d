// Orders registered per second (5 lines each, priced on the server, numbered per customer and month) on PGlite
// with 1 caller and on PostgreSQL with 8 clients, with p50/p99 latency and pgbench's TPS at 8 clients on the same
// server for the ratio. Prints JSON.
//   node --import tsx bench/orders-register.ts [--orders 400] [--pg postgres://postgres@127.0.0.1:5432/test]
import { connectPglite, type Database } from '../src/db/connect';
import { registerOrder } from '../src/modules/orders/order.service';
import { defaultWorkingHours } from '../src/lib/calendar/calendar';
import { arg, freshPostgres, runFigures, pgbenchTps, prepare } from './orders-fixture';

const ORDERS = Number(arg('orders', '400'));

async function run(database: Database, clients: number) {
  const f = await prepare(database, 0);
  let left = ORDERS;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (left-- > 0) {
        const customerId = f.customerIds[left % f.customerIds.length];
        const t0 = performance.now();
        await database.db.transaction().execute((trx) =>
          registerOrder(
            trx,
            f.actor,
            { now: new Date(), workingHours: defaultWorkingHours },
            {
              customerId,
              source: 'email',
              urgency: 'normal',
              orderType: 'standard',
              buyerRemark: '',
              sellerRemark: '',
              customerPo: '',
              lines: f.productIds.slice(0, 5).map((productId) => ({ productId, qty: 1, gift: false })),
            },
          ),
        );
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return runFigures(database.engine, clients, latencies, (performance.now() - started) / 1000);
}

const results = [];
{
  const lite = await connectPglite();
  results.push(await run(lite, 1));
  await lite.close();
}
{
  const database = await freshPostgres('luyue_bench_register');
  results.push(await run(database, 8));
  await database.close();
}
const pgbench8 = pgbenchTps(8);
const pg8 = results.find((r) => r.engine === 'postgresql')!;
console.log(
  JSON.stringify(
    {
      benchmark: 'orders-register',
      results,
      pgbenchTps: { clients8: pgbench8 },
      ratioToPgbench: { clients8: pgbench8 ? Number((pg8.ordersPerSecond / pgbench8).toFixed(3)) : null },
      targets: { clients8Ratio: 0.8 },
    },
    null,
    2,
  ),
);
