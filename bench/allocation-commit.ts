// Allocation commit to the database: one committed run (read the input, run the engine, write the run, stock
// movements, order-line reservations, held reservations and pick lists in one transaction) over `lines`
// backordered franchisee order lines. Used by bench/allocation.ts; prints nothing itself.
import { sql } from 'kysely';
import type { Database } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import { seedDemo } from '../src/modules/demo/demo.seed';
import { commitRun } from '../src/modules/allocation/allocation-run';
import type { Actor } from '../src/modules/auth/auth.service';

const PRODUCTS = 500;
const LINES_PER_ORDER = 5;

/** A company with `lines` backordered lines of confirmed franchisee orders, stock for about half of them. */
async function seed(database: Database, lines: number) {
  const db = database.db;
  await migrate(db);
  const { companies } = await db.transaction().execute((trx) => seedDemo(trx, new Date()));
  const companyId = companies[0];
  const user = await db.selectFrom('users').select('id').where('username', '=', 'sales').executeTakeFirstOrThrow();
  const warehouse = await db
    .selectFrom('warehouses')
    .select('id')
    .where('company_id', '=', companyId)
    .where('kind', '=', 'central')
    .executeTakeFirstOrThrow();
  const franchisees = Math.max(10, Math.floor(lines / 100));
  const orders = Math.ceil(lines / LINES_PER_ORDER);
  const c = companyId;
  await db.transaction().execute(async (trx) => {
    await sql`update products set allocated = false where company_id = ${c}`.execute(trx);
    await sql`insert into products (company_id, sku, name, list_price, allocated, seasonal, launch_priority)
      select ${c}::uuid, 'BA-' || lpad(i::text, 4, '0'), '分货款 ' || i, (50 + i % 300)::numeric, true, i % 2 = 0,
        1 + i % 7
      from generate_series(1, ${PRODUCTS}) i`.execute(trx);
    await sql`insert into stock_balances (company_id, warehouse_id, product_id, on_hand, reserved)
      select ${c}::uuid, ${warehouse.id}::uuid, p.id, ${Math.ceil((lines * 5) / PRODUCTS / 2)}::int, 0
      from products p where p.company_id = ${c} and p.sku like 'BA-%'`.execute(trx);
    await sql`insert into customers (company_id, code, short_code, name, kind, priority)
      select ${c}::uuid, 'BF' || i, 'BF' || i, '加盟商 ' || i, 'franchisee', 1 + i % 5
      from generate_series(1, ${franchisees}) i`.execute(trx);
    await sql`insert into franchisee_balances (company_id, customer_id, funds, credit)
      select ${c}::uuid, id, case when random() < 0.7 then (random() * 20000)::numeric(18,2) else 0 end,
        (random() * 5000)::numeric(18,2)
      from customers where company_id = ${c} and code like 'BF%'`.execute(trx);
    await sql`insert into orders (company_id, number, status, customer_id, order_date, source, payment_method,
        warehouse_id, registrar_id, created_by, updated_by, confirmed_at)
      select ${c}::uuid, 'BA' || lpad(i::text, 8, '0'), 'confirmed', f.id, current_date, 'manual', 'prepaid',
        ${warehouse.id}::uuid, ${user.id}::uuid, ${user.id}::uuid, ${user.id}::uuid, now() + i * interval '1 ms'
      from generate_series(1, ${orders}) i
      join (select id, row_number() over (order by code) - 1 as n from customers
            where company_id = ${c} and code like 'BF%') f on f.n = i % ${franchisees}`.execute(trx);
    await sql`insert into order_lines (company_id, order_id, line_no, product_id, sku, name, spec, unit, qty,
        unit_price, amount, standard_cost, gift, reserved, backordered, shipped)
      select ${c}::uuid, o.id, l, p.id, p.sku, p.name, '', '件', q, p.list_price, p.list_price * q, 0, false, 0, q, 0
      from (select id, row_number() over (order by number) as n from orders
            where company_id = ${c} and number like 'BA%') o
      cross join generate_series(1, ${LINES_PER_ORDER}) l
      cross join lateral (select 1 + (o.n * 7 + l * 13) % 9 as q) qty
      join (select id, sku, name, list_price, row_number() over (order by sku) - 1 as k from products
            where company_id = ${c} and sku like 'BA-%') p on p.k = (o.n * ${LINES_PER_ORDER} + l * 37) % ${PRODUCTS}
      where (o.n - 1) * ${LINES_PER_ORDER} + l <= ${lines}`.execute(trx);
  });
  await sql`analyze`.execute(db);
  return { actor: { userId: user.id, companyId, roles: ['planner'] } as unknown as Actor };
}

export async function benchCommit(database: Database, lines: number) {
  const { actor } = await seed(database, lines);
  const started = performance.now();
  const run = await database.db
    .transaction()
    .execute((trx) => commitRun(trx, actor, { asOf: '2026-03-02', season: 'spring_summer' }));
  const seconds = (performance.now() - started) / 1000;
  const counts = await sql<{ pick: number; held: number }>`select
      (select count(*)::int from pick_list_lines where company_id = ${actor.companyId}) as pick,
      (select count(*)::int from allocation_reservations where company_id = ${actor.companyId}) as held`.execute(
    database.db,
  );
  const linesPerSecond = Math.round(lines / seconds);
  return {
    engine: database.engine,
    lines,
    resultRows: run.result.allocations.length,
    pickLines: counts.rows[0].pick,
    heldReservations: counts.rows[0].held,
    seconds: Number(seconds.toFixed(3)),
    linesPerSecond,
    target: 50_000,
    pass: linesPerSecond >= 50_000,
  };
}
