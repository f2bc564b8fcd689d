// The order list at scale: first and deep pages (keyset cursor) for each filter, sort and search of the web list,
// on PGlite and on PostgreSQL, with the plan of each query. Prints JSON (p50/p99 ms per case).
//   node --import tsx bench/order-list.ts [--orders 200000] [--runs 20] [--engine pg|pglite|both] [--explain]
// Orders are written straight with unnest (5 lines each) into one demo company; the full-size seed is
// `luyue seed-scale` (bench of the read paths).
import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import { connectPglite, connectPostgres, type Database } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import { writeCursor } from '../src/lib/paging';
import { seedDemo } from '../src/modules/demo/demo.seed';
import type { Actor } from '../src/modules/auth/auth.service';
import { listOrdersByCursor } from '../src/modules/orders/order-list';
import { planOrderSearch } from '../src/modules/orders/order-search';
import * as repo from '../src/modules/orders/order-list.repository';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const ORDERS = Number(arg('orders', '200000'));
const RUNS = Number(arg('runs', '20'));
const ENGINE = arg('engine', 'both');
const EXPLAIN = process.argv.includes('--explain');
const PG_URL = arg('pg', process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');

const SURNAMES = '华北京上海广州深圳杭州南京武汉成都重庆天津苏州西安长沙郑州青岛宁波厦门合肥'.split('');
const WORDS = ['机械', '电子', '五金', '贸易', '科技', '实业', '建材', '化工', '商贸', '工贸'];
const PARTS = ['扳手', '螺丝刀', '轴承', '齿轮', '阀门', '电机', '开关', '插座', '胶带', '钻头', '锯片', '砂轮'];
const name = (i: number, parts: string[]) =>
  `${SURNAMES[i % SURNAMES.length]}${SURNAMES[(i * 7) % SURNAMES.length]}${parts[i % parts.length]}${i}`;

async function seed(db: Database['db']) {
  await migrate(db);
  const { companies } = await db.transaction().execute((trx) => seedDemo(trx, new Date()));
  const companyId = companies[0];
  const one = async (q: string) => (await sql.raw<{ id: string }>(q).execute(db)).rows[0].id;
  const user = await one(`select id from users where username = 'sales'`);
  const warehouse = await one(`select id from warehouses where company_id = '${companyId}' limit 1`);
  const nCust = Math.max(200, Math.round(ORDERS / 100));
  const nProd = Math.max(200, Math.round(ORDERS / 100));
  const idx = (n: number) => Array.from({ length: n }, (_, i) => i);
  await sql`insert into customers (company_id, code, short_code, name, kind)
    select ${companyId}, 'BC' || i, 'BC' || i, n, 'ordinary'
      from unnest(${idx(nCust)}::int[], ${idx(nCust).map((i) => name(i, WORDS) + '有限公司')}::text[]) as t(i, n)`.execute(
    db,
  );
  // Two-character names, as Chinese companies are often called.
  await sql`update customers set name = ${'华为'} where company_id = ${companyId} and code = 'BC7'`.execute(db);
  await sql`insert into products (company_id, sku, name, list_price)
    select ${companyId}, 'BP' || i, n, 10
      from unnest(${idx(nProd)}::int[], ${idx(nProd).map((i) => name(i, PARTS))}::text[]) as t(i, n)`.execute(db);
  await sql`update products set name = ${'扳手'} where company_id = ${companyId} and sku = 'BP11'`.execute(db);
  const customers = (
    await sql<{
      id: string;
    }>`select id from customers where company_id = ${companyId} and code like 'BC%' order by code`.execute(db)
  ).rows.map((r) => r.id);
  const products = (
    await sql<{
      id: string;
    }>`select id from products where company_id = ${companyId} and sku like 'BP%' order by sku`.execute(db)
  ).rows.map((r) => r.id);
  const statuses = ['completed', 'completed', 'completed', 'cancelled', 'confirmed', 'shipped', 'delivered', 'draft'];
  const BATCH = 10000;
  for (let start = 0; start < ORDERS; start += BATCH) {
    const n = Math.min(BATCH, ORDERS - start);
    const is = Array.from({ length: n }, (_, k) => start + k);
    const day = (i: number) => new Date(Date.UTC(2024, 11, 1) + Math.floor((i / ORDERS) * 730) * 86400000);
    await sql`
      with o as (
        insert into orders (company_id, number, status, customer_id, order_date, source, urgency, payment_method,
                            warehouse_id, total, registrar_id, created_by, updated_by, created_at)
        select ${companyId}, 'SO' || lpad(i::text, 8, '0'), st, c, d::date, 'phone',
               case when i % 20 = 0 then 'urgent' else 'normal' end, 'transfer', ${warehouse},
               ((i * 37) % 100000) / 100.0, ${user}, ${user}, ${user}, d + (i % 86400) * interval '1 second'
          from unnest(${is}::int[], ${is.map((i) => statuses[i % statuses.length])}::text[],
                      ${is.map((i) => customers[(i * 7919) % customers.length])}::uuid[],
                      ${is.map((i) => day(i).toISOString())}::timestamptz[]) as t(i, st, c, d)
        returning id, number)
      insert into order_lines (company_id, order_id, line_no, product_id, sku, name, spec, unit, qty, unit_price,
                               amount, standard_cost)
      select ${companyId}, o.id, k,
             (${products}::uuid[])[1 + ((substr(o.number, 3)::int * 31 + k * 97) % ${products.length})],
             'sku', 'name', '', '件', 1, 10, 10, 0
        from o cross join generate_series(1, 5) k`.execute(db);
  }
  await sql`analyze`.execute(db);
  return { companyId, user, customers, products };
}

async function run(database: Database) {
  const db = database.db;
  const t0 = performance.now();
  const s = await seed(db);
  const seedSeconds = (performance.now() - t0) / 1000;
  const actor = { userId: s.user, companyId: s.companyId, roles: ['general_manager'] } as unknown as Actor;
  // Every query the list runs, to explain the page's main statement afterwards.
  const executor = db.getExecutor() as any;
  const seen: CompiledQuery[] = [];
  const original = executor.executeQuery.bind(executor);
  executor.executeQuery = (q: CompiledQuery, id: unknown) => (seen.push(q), original(q, id));
  const deep = async (sort: string, column: string, desc: boolean) => {
    const r = await sql<{ k: string; id: string }>`select ${sql.raw(column)}::text as k, o.id::text as id
      from orders o join customers c on c.company_id = o.company_id and c.id = o.customer_id
      where o.company_id = ${s.companyId}
      order by ${sql.raw(column)} ${sql.raw(desc ? 'desc' : 'asc')}, o.id ${sql.raw(desc ? 'desc' : 'asc')}
      offset ${Math.floor(ORDERS * 0.8)} limit 1`.execute(db);
    const key = sort === 'status' ? [r.rows[0].k, '2025-06-01 00:00:00+00', r.rows[0].id] : [r.rows[0].k, r.rows[0].id];
    return writeCursor({ sort, desc, key, before: false });
  };
  const cases: Record<string, Record<string, unknown>> = {
    'newest first': { sort: 'createdAt', order: 'desc' },
    'status=cancelled': { status: 'cancelled', sort: 'createdAt', order: 'desc' },
    'status=draft,confirmed': { status: ['draft', 'confirmed'] as any, sort: 'createdAt', order: 'desc' },
    customer: { customer: s.customers[3], sort: 'createdAt', order: 'desc' },
    'date range (1 month)': { from: '2025-03-01', to: '2025-03-31', sort: 'createdAt', order: 'desc' },
    'date range, by date': { from: '2025-03-01', to: '2025-03-31', sort: 'orderDate', order: 'desc' },
    product: { product: s.products[5], sort: 'createdAt', order: 'desc' },
    salesperson: { salesperson: s.user, sort: 'createdAt', order: 'desc' },
    'sort=total': { sort: 'total', order: 'desc' },
    'sort=number': { sort: 'number', order: 'asc' },
    'sort=customer': { sort: 'customer', order: 'asc' },
    'sort=status': { sort: 'status', order: 'asc' },
    'q=华为 (2-char customer)': { q: '华为', sort: 'createdAt', order: 'desc' },
    'q=扳手 (2-char product)': { q: '扳手', sort: 'createdAt', order: 'desc' },
    'q=螺丝刀 (3-char, broad)': { q: '螺丝刀', sort: 'createdAt', order: 'desc' },
    'q=科技1234 (customer, narrow)': { q: '科技1234', sort: 'createdAt', order: 'desc' },
    'q=电机77 (product, narrow)': { q: '电机77', sort: 'createdAt', order: 'desc' },
    'q=SO00012345 (number)': { q: 'SO00012345', sort: 'createdAt', order: 'desc' },
    'q=不存在 (nothing)': { q: '不存在', sort: 'createdAt', order: 'desc' },
  };
  const deepCursors: Record<string, string> = {
    'newest first': await deep('createdAt', 'o.created_at', true),
    'sort=total': await deep('total', 'o.total', true),
    'sort=number': await deep('number', 'o.number', false),
    'sort=customer': await deep('customer', 'c.name', false),
  };
  const listSql = async (q: any) =>
    repo.listOrdersByCursor(db, s.companyId, {
      ...q,
      search: q.q ? await planOrderSearch(db, s.companyId, q.q) : undefined,
    });
  const results: Record<string, unknown> = {};
  const plans: Record<string, string> = {};
  for (const [label, q] of Object.entries(cases)) {
    for (const depth of ['first', 'deep'] as const) {
      if (depth === 'deep' && !deepCursors[label]) continue;
      const query = { ...q, pageSize: 20, cursor: depth === 'first' ? 'first' : deepCursors[label] } as any;
      const times: number[] = [];
      const sqlTimes: number[] = [];
      let rows = 0;
      for (let r = 0; r < RUNS; r++) {
        seen.length = 0;
        const started = performance.now();
        const page = await listOrdersByCursor(db, actor, query, new Date());
        times.push(performance.now() - started);
        rows = page.items.length;
        // The list's own statements (search plan + page), without the lines and actions of the 20 orders.
        const s0 = performance.now();
        await listSql(query);
        sqlTimes.push(performance.now() - s0);
      }
      times.sort((a, b) => a - b);
      sqlTimes.sort((a, b) => a - b);
      const at = (xs: number[], p: number) =>
        Math.round(xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] * 10) / 10;
      const pct = (p: number) => at(times, p);
      results[`${label} / ${depth}`] = {
        p50: pct(50),
        p99: pct(99),
        sqlP50: at(sqlTimes, 50),
        sqlP99: at(sqlTimes, 99),
        rows,
      };
      if (EXPLAIN) {
        const main = seen.find((c) => c.sql.includes('from "orders" as "o"'))!;
        const plan = await db.executeQuery(
          CompiledQuery.raw(`explain (analyze, costs off) ${main.sql}`, [...main.parameters]),
        );
        plans[`${label} / ${depth}`] = (plan.rows as any[]).map((r) => r['QUERY PLAN']).join('\n');
      }
    }
  }
  executor.executeQuery = original;
  return {
    engine: database.engine,
    orders: ORDERS,
    lines: ORDERS * 5,
    seedSeconds: Math.round(seedSeconds),
    runs: RUNS,
    results,
    plans: EXPLAIN ? plans : undefined,
  };
}

async function freshPostgres(name: string): Promise<Database> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  return connectPostgres(u.toString(), 2);
}

const out: unknown[] = [];
if (ENGINE !== 'pglite') {
  const d = await freshPostgres('luyue_bench_order_list');
  out.push(await run(d));
  await d.close();
}
if (ENGINE !== 'pg') {
  const d = await connectPglite();
  out.push(await run(d));
  await d.close();
}
console.log(JSON.stringify(out, null, 2));
