// Allocation engine time for 10k, 100k and 1M franchisee order lines (2k SKUs, 500 stores), and the
// ratio between the sizes (about 10 when cost grows linearly); then one committed run of `--commit-lines`
// lines on PGlite and on PostgreSQL (bench/allocation-commit.ts). Prints JSON with targets and pass/fail.
// Wall time is the best of 3 runs; CPU time is shown too because the machine may be shared.
//   node --import tsx bench/allocation.ts [--sizes 10000,100000,1000000] [--commit-lines 50000]
//     [--pg postgres://postgres@127.0.0.1:5432/test]
import pg from 'pg';
import { connectPglite, connectPostgres, type Database } from '../src/db/connect';
import { allocate } from '../src/modules/allocation/engine/engine';
import type { AllocationInput } from '../src/modules/allocation/engine/types';
import { benchCommit } from './allocation-commit';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const PG_URL = arg(
  'pg',
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
);

/** Deterministic pseudo-random numbers, so every run measures the same input. */
function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function makeInput(lines: number): AllocationInput {
  const r = rng(lines);
  const skus = Array.from({ length: 2000 }, (_, i) => `P-${String(i).padStart(4, '0')}`);
  const regions = ['机场', '深圳', '东莞', '广州', '上海', '北京', '成都', '沈阳', '贵阳', '南宁', '拉萨', '海口'];
  const franchisees = Array.from({ length: Math.max(10, Math.floor(lines / 50)) }, (_, i) => ({
    id: `F${i}`,
    priority: 1 + Math.floor(r() * 5),
    funds: `${Math.floor(r() * 100000)}.00`,
    credit: `${Math.floor(r() * 50000)}.50`,
  }));
  const stores = Array.from({ length: 500 }, (_, i) => ({
    id: `S${i}`,
    region: regions[i % regions.length],
    class: (['A', 'B', 'C'] as const)[i % 3],
    kind: (i % 2 ? 'direct' : 'joint') as 'direct' | 'joint',
  }));
  return {
    schema: 'allocation-input/v1',
    asOf: '2026-03-02',
    season: 'spring_summer',
    policy: { paidFranchiseeOrder: 'priority', reservationDays: 15 },
    products: skus.map((sku, i) => ({
      sku,
      price: `${50 + (i % 400)}.${i % 100}`.replace(/\.(\d)$/, '.0$1'),
      seasonal: i % 2 === 0,
      launchPriority: 1 + (i % 7),
    })),
    available: skus.map((sku) => ({ sku, qty: Math.floor((r() * lines) / 20) })),
    franchisees,
    franchiseeOrders: Array.from({ length: lines }, () => ({
      franchisee: franchisees[Math.floor(r() * franchisees.length)].id,
      sku: skus[Math.floor(r() * skus.length)],
      qty: 1 + Math.floor(r() * 20),
    })),
    regionPriority: { spring_summer: regions.slice(0, 10), autumn_winter: regions.slice(0, 9) },
    stores,
    storeDemand: Array.from({ length: Math.floor(lines / 10) }, () => ({
      store: stores[Math.floor(r() * stores.length)].id,
      sku: skus[Math.floor(r() * skus.length)],
      qty: 1 + Math.floor(r() * 10),
    })),
    regionDemand: Array.from({ length: Math.floor(lines / 20) }, () => ({
      region: regions[Math.floor(r() * regions.length)],
      sku: skus[Math.floor(r() * skus.length)],
      qty: 1 + Math.floor(r() * 30),
    })),
  };
}

const sizes = arg('sizes', '10000,100000,1000000').split(',').map(Number);
const results: { lines: number; ms: number; cpuMs: number; rows: number; linesPerSecond: number }[] = [];
for (const lines of sizes) {
  const input = makeInput(lines);
  allocate(input); // warm up
  let ms = Infinity;
  let cpuMs = Infinity;
  let rows = 0;
  for (let i = 0; i < 3; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    rows = allocate(input).allocations.length;
    ms = Math.min(ms, performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs = Math.min(cpuMs, (c.user + c.system) / 1000);
  }
  const r = { lines, ms: Number(ms.toFixed(1)), cpuMs: Number(cpuMs.toFixed(1)), rows };
  results.push({ ...r, linesPerSecond: Math.round(lines / (ms / 1000)) });
}
const largest = results[results.length - 1];

async function freshPostgres(name: string): Promise<Database | null> {
  try {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    await admin.end();
  } catch {
    return null;
  }
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  return connectPostgres(u.toString(), 4);
}

const commitLines = Number(arg('commit-lines', '50000'));
const commit = [];
if (commitLines > 0) {
  const lite = await connectPglite();
  commit.push(await benchCommit(lite, commitLines));
  await lite.close();
  const server = await freshPostgres('luyue_bench_allocation');
  if (server) {
    commit.push(await benchCommit(server, commitLines));
    await server.close();
  }
}

const ratio = (a: number, b: number) =>
  results[a] && results[b] ? Number((results[b].ms / results[a].ms).toFixed(2)) : undefined;
console.log(
  JSON.stringify(
    {
      benchmark: 'allocation',
      engine: {
        skus: 2000,
        stores: 500,
        results,
        ratio: { '100k/10k': ratio(0, 1), '1M/100k': ratio(1, 2) },
        target: { lines: 1_000_000, linesPerSecond: 1_000_000 },
        pass: largest.lines >= 1_000_000 && largest.linesPerSecond >= 1_000_000,
      },
      commit,
    },
    null,
    2,
  ),
);
