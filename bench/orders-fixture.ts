// What the order benchmarks share: a fresh database, a company with 16 credit customers and ample stock,
// orders waiting for confirmation, and pgbench's TPS on the same server for the ratio.
import { execFileSync } from 'node:child_process';
import { sql } from 'kysely';
import pg from 'pg';
import { connectPostgres, type Database } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import { seedDemo } from '../src/modules/demo/demo.seed';
import type { Actor } from '../src/modules/auth/auth.service';

export const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
export const PG_URL = arg('pg', process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');

export async function freshPostgres(name: string): Promise<Database> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  return connectPostgres(u.toString(), 16);
}

/**
 * Orders waiting for confirmation, 5 lines each, spread over 16 credit-terms customers with ample stock
 * and credit (confirmations of one customer take turns on its row for the credit check). By default every order
 * holds the demo's same 5 products, so all confirmations take turns on those 5 stock rows (a promotion's rush on
 * a few items); with `catalogue` each order holds 5 different products drawn at random from that many.
 */
export async function prepare(database: Database, n: number, catalogue = 0) {
  // Five distinct products per order: a smaller catalogue could never be drawn from.
  if (!Number.isInteger(catalogue) || catalogue < 0 || (catalogue > 0 && catalogue < 5))
    throw new Error(`--catalogue: 0 (the demo's 5 products) or a whole number of at least 5, not ${catalogue}`);
  const db = database.db;
  await migrate(db);
  const { companies } = await db.transaction().execute((trx) => seedDemo(trx, new Date()));
  const companyId = companies[0];
  const admin = await db.selectFrom('users').select('id').where('username', '=', 'sales').executeTakeFirstOrThrow();
  const warehouse = await db
    .selectFrom('warehouses')
    .select('id')
    .where('company_id', '=', companyId)
    .where('code', '=', 'ZC')
    .executeTakeFirstOrThrow();
  const customers = await db
    .insertInto('customers')
    .values(
      Array.from({ length: 16 }, (_, i) => ({
        company_id: companyId,
        code: `BENCH${i}`,
        short_code: `BN${i}`,
        name: `Bench ${i}`,
        kind: 'ordinary' as const,
        payment_method: 'credit' as const,
        payment_days: 30,
        credit_limit: '999999999.00',
        contacts: '[]',
        addresses: '[]',
        priority: 100,
        region: '',
        remark: '',
        created_by: admin.id,
        updated_by: admin.id,
      })),
    )
    .returning('id')
    .execute();
  if (catalogue > 0) await addCatalogue(db, companyId, warehouse.id, catalogue);
  const products = await db
    .selectFrom('products')
    .select(['id', 'sku', 'name', 'spec', 'unit', 'list_price', 'standard_cost'])
    .where('company_id', '=', companyId)
    .where('sku', catalogue > 0 ? 'like' : 'not like', 'BENCH-%')
    .orderBy('sku')
    .execute();
  const random = seeded(16);
  const linesOf = (): typeof products => (catalogue > 0 ? pickDistinct(products, 5, random) : products);
  await sql`update stock_balances set on_hand = on_hand + 1000000 where company_id = ${companyId}`.execute(db);
  await sql`insert into stock_movements (company_id, warehouse_id, product_id, kind, on_hand_delta, reserved_delta,
    reason, actor_id)
            select company_id, warehouse_id, product_id, 'receipt', 1000000, 0, 'bench',
              ${admin.id}::uuid from stock_balances where company_id = ${companyId}`.execute(db);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const o = await db
      .insertInto('orders')
      .values({
        company_id: companyId,
        number: `BENCH-${i}`,
        status: 'awaiting_confirmation',
        customer_id: customers[i % customers.length].id,
        contact: 'null',
        order_date: '2026-11-23',
        source: 'email',
        urgency: 'normal',
        delivery: 'null',
        payment_method: 'credit',
        payment_days: 30,
        order_type: 'standard',
        warehouse_id: warehouse.id,
        total: '500.00',
        cost_total: '250.00',
        review_round: 1,
        buyer_remark: '',
        seller_remark: '',
        customer_po: '',
        written_confirmation_missing: false,
        expected_delivery_date: null,
        deposit_percent: null,
        registrar_id: admin.id,
        created_by: admin.id,
        updated_by: admin.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('order_lines')
      .values(
        linesOf().map((p, j) => ({
          company_id: companyId,
          order_id: o.id,
          line_no: j + 1,
          product_id: p.id,
          sku: p.sku,
          name: p.name,
          spec: p.spec,
          unit: p.unit,
          qty: 1,
          unit_price: '100.00',
          amount: '100.00',
          standard_cost: '50.00',
          gift: false,
          reserved: 0,
          backordered: 0,
          shipped: 0,
        })),
      )
      .execute();
    ids.push(o.id);
  }
  const actor: Actor = {
    userId: admin.id,
    username: 'sales',
    displayName: 'sales',
    companyId,
    roles: ['sales_assistant'],
    sessionId: '',
    sessionKind: 'token',
    csrfToken: '',
  };
  return {
    ids,
    actor,
    customerIds: customers.map((c) => c.id),
    productIds: products.map((p) => p.id),
    warehouseId: warehouse.id,
  };
}

/** `count` products with empty balances in the warehouse (the stock is added with the demo's below). */
async function addCatalogue(db: Database['db'], companyId: string, warehouseId: string, count: number) {
  await sql`insert into products (company_id, sku, name, unit, list_price, standard_cost)
            select ${companyId}::uuid, 'BENCH-' || lpad(i::text, 6, '0'), '基准商品 ' || i, '件', 100, 50
              from generate_series(1, ${count}::int) as i`.execute(db);
  await sql`insert into stock_balances (company_id, warehouse_id, product_id)
            select company_id, ${warehouseId}::uuid, id from products
             where company_id = ${companyId} and sku like 'BENCH-%'`.execute(db);
}

/** A small deterministic generator (mulberry32), so runs draw the same orders. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickDistinct<T>(items: T[], k: number, random: () => number): T[] {
  const picked = new Set<number>();
  while (picked.size < k) picked.add(Math.floor(random() * items.length));
  return [...picked].map((i) => items[i]);
}

/** Latency percentile (ms) of sorted samples. */
export const percentile = (sorted: number[], p: number) =>
  Number(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(2));

/** One run's figures: orders a second over the wall time, and the p50/p99 latency of its orders. */
export function runFigures(engine: string, clients: number, latencies: number[], seconds: number) {
  latencies.sort((a, b) => a - b);
  return {
    engine,
    clients,
    orders: latencies.length,
    linesPerOrder: 5,
    ordersPerSecond: Number((latencies.length / seconds).toFixed(1)),
    p50ms: percentile(latencies, 0.5),
    p99ms: percentile(latencies, 0.99),
  };
}

export function pgbenchTps(clients: number): number | null {
  try {
    const u = new URL(PG_URL);
    const conn = ['-h', u.hostname, '-p', u.port || '5432', '-U', u.username || 'postgres'];
    const admin = [
      'psql',
      [
        ...conn,
        '-d',
        u.pathname.slice(1),
        '-c',
        'drop database if exists luyue_pgbench',
        '-c',
        'create database luyue_pgbench',
      ],
    ] as const;
    execFileSync(admin[0], admin[1], { stdio: 'ignore' });
    execFileSync('pgbench', [...conn, '-i', '-s', '4', '-q', 'luyue_pgbench'], { stdio: 'ignore' });
    const out = execFileSync('pgbench', [...conn, '-c', String(clients), '-j', '2', '-T', '10', 'luyue_pgbench'], {
      encoding: 'utf8',
    });
    return Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 'NaN');
  } catch {
    return null;
  }
}
