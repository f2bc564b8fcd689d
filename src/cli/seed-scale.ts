import type { Command } from 'commander';
import { loadConfig } from '../config';
import { connect } from '../db/connect';
import { migrate } from '../db/migrate';
import { companyByCode } from '../modules/scale/scale-seed.repository';
import { seedScale } from '../modules/scale/scale-seed';

const positive = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: a whole number above 0, not ${v}`);
  return n;
};

/**
 * `luyue seed-scale --orders 1000000`: one company with two years of orders in the configured database (the
 * embedded data directory or DATABASE_URL). Progress goes to stderr; stdout holds the final JSON only.
 */
export function seedScaleCommand(program: Command) {
  program
    .command('seed-scale')
    .description('load one company with two years of orders, shipments, receipts, complaints and returns')
    .option('--orders <n>', 'orders to generate', positive('--orders'), 1_000_000)
    .option('--customers <n>', 'customers', positive('--customers'), 10_000)
    .option('--products <n>', 'products', positive('--products'), 10_000)
    .option('--batch <n>', 'orders per transaction', positive('--batch'), 5_000)
    .option('--company <code>', 'code of the new company', 'SC')
    .option('--seed <n>', 'random seed (same seed, same master data and statuses)', positive('--seed'), 16)
    .option(
      '--fast-load',
      'as a superuser, load without per-row triggers (like pg_restore); the books are not rechecked',
    )
    .action(async (opts) => {
      const config = loadConfig();
      const database = await connect(config);
      await migrate(database.db);
      if (await companyByCode(database.db, opts.company)) {
        process.stderr.write(`company ${opts.company} exists already; give another --company\n`);
        await database.close();
        process.exit(1);
      }
      let last = 0;
      const result = await seedScale(database.db, {
        orders: opts.orders,
        customers: opts.customers,
        products: opts.products,
        batch: opts.batch,
        companyCode: opts.company,
        seed: opts.seed,
        now: new Date(),
        fastLoad: !!opts.fastLoad,
        progress: (p) => {
          if (p.seconds - last < 2 && p.orders < opts.orders) return;
          last = p.seconds;
          const rate = Math.round(p.orders / p.seconds);
          process.stderr.write(`${p.orders} orders, ${p.rows} rows, ${p.seconds.toFixed(1)} s (${rate} orders/s)\n`);
        },
      });
      const rows = Object.values(result.rows).reduce((n, v) => n + v, 0);
      const json = {
        engine: database.engine,
        ...result,
        totalRows: rows,
        ordersPerSecond: Math.round(result.orders / result.seconds),
        rowsPerSecond: Math.round(rows / result.seconds),
      };
      process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
      await database.close();
    });
}
