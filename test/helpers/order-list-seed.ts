import { sql } from 'kysely';
import type { TestContext } from './test-app';

// The order list's test company: few sort keys shared by many orders (ties everywhere), Chinese names.

/** Customers and products with Chinese names of 2 and more characters, and 60 orders sharing few sort keys. */
export async function seedList(t: TestContext, companyId: string, prefix: string, count: number) {
  const db = t.database.db;
  const one = async (q: ReturnType<typeof sql<{ id: string }>>) => (await q.execute(db)).rows[0].id;
  const users = (
    await sql<{ id: string }>`select u.id from users u join memberships m on m.user_id = u.id
                               where m.company_id = ${companyId} order by u.username limit 2`.execute(db)
  ).rows.map((r) => r.id);
  const user = users[0];
  const warehouse = await one(sql`select id from warehouses where company_id = ${companyId} limit 1`);
  const customer = (code: string, name: string) =>
    one(sql`insert into customers (company_id, code, short_code, name, kind)
            values (${companyId}, ${prefix + code}, ${prefix + code}, ${name}, 'ordinary') returning id`);
  const product = (sku: string, name: string) =>
    one(sql`insert into products (company_id, sku, name, list_price) values (${companyId}, ${prefix + sku}, ${name}, 10)
            returning id`);
  const customers = [
    await customer('HW', '华为'),
    await customer('BJ', '北京华联商厦'),
    await customer('ZZ', '郑州百货'),
  ];
  const products = [
    await product('P1', '扳手'),
    await product('P2', '螺丝刀'),
    await product('P3', '不锈钢螺丝刀套装'),
  ];
  // Three creation instants (with microseconds), three dates, four totals, three statuses: ties everywhere, and
  // each instant and each date held by orders of every status.
  const created = ['2026-11-02 09:00:00.123456+08', '2026-11-02 09:00:00.123457+08', '2026-11-03 10:00:00+08'];
  const rows = Array.from({ length: count }, (_, i) => ({
    number: `${prefix}-LS-${String(i).padStart(3, '0')}`,
    customer: customers[i % 3],
    product: products[Math.floor(i / 3) % 3],
    created: created[i % created.length],
    date: ['2026-11-01', '2026-11-02', '2026-11-03'][Math.floor(i / 5) % 3],
    total: ['10.00', '20.00', '30.00', '99.50'][i % 4],
    status: ['draft', 'cancelled', 'on_hold'][Math.floor(i / 2) % 3],
    urgency: i % 7 === 0 ? 'urgent' : 'normal',
    po: i % 10 === 0 ? `PO-客户-${i}` : '',
    registrar: users[i % 2],
  }));
  const orderIds = await sql<{ id: string }>`
    insert into orders (company_id, number, status, customer_id, order_date, source, urgency, payment_method,
                        warehouse_id, total, registrar_id, created_by, updated_by, customer_po, created_at)
    select ${companyId}, r.number, r.status, r.customer, r.date, 'phone', r.urgency, 'transfer', ${warehouse},
           r.total, r.registrar, ${user}, ${user}, r.po, r.created
      from unnest(${rows.map((r) => r.number)}::text[], ${rows.map((r) => r.status)}::text[],
                  ${rows.map((r) => r.customer)}::uuid[], ${rows.map((r) => r.date)}::date[],
                  ${rows.map((r) => r.urgency)}::text[], ${rows.map((r) => r.total)}::numeric[],
                  ${rows.map((r) => r.po)}::text[], ${rows.map((r) => r.created)}::timestamptz[],
                  ${rows.map((r) => r.registrar)}::uuid[])
           with ordinality as r(number, status, customer, date, urgency, total, po, created, registrar, n)
     order by r.n
    returning id`.execute(db);
  await sql`
    insert into order_lines (company_id, order_id, line_no, product_id, sku, name, spec, unit, qty, unit_price, amount,
                             standard_cost)
    select ${companyId}, o, 1, p, 'sku', 'name', '', '件', 1, 10, 10, 0
      from unnest(${orderIds.rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.product)}::uuid[]) as l(o, p)`.execute(
    db,
  );
  // Every fourth order has a second line with the next product: some orders hold both products named 螺丝刀.
  const second = orderIds.rows.flatMap((r, i) => (i % 4 === 1 ? [[r.id, products[(Math.floor(i / 3) + 1) % 3]]] : []));
  await sql`
    insert into order_lines (company_id, order_id, line_no, product_id, sku, name, spec, unit, qty, unit_price, amount,
                             standard_cost)
    select ${companyId}, o, 2, p, 'sku', 'name', '', '件', 1, 10, 10, 0
      from unnest(${second.map((l) => l[0])}::uuid[], ${second.map((l) => l[1])}::uuid[]) as l(o, p)`.execute(db);
  return { customers, products, user, orderIds: orderIds.rows.map((r) => r.id) };
}
