import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database';
import type { OrderLinesTable, OrdersTable } from './order.table';

/**
 * A block of order numbers per customer in one statement: each counter moves on by the customer's count and
 * answers where it ended, so the block is (last − count, last]. The counter rows serialize concurrent
 * registrations and roll back with the import.
 */
export async function reserveNumberBlocks(
  db: Db,
  companyId: string,
  period: string,
  blocks: { customerId: string; count: number }[],
): Promise<Map<string, number>> {
  if (!blocks.length) return new Map();
  const sorted = [...blocks].sort((a, b) => (a.customerId < b.customerId ? -1 : 1));
  const r = await sql<{ customer_id: string; last_seq: number }>`
    insert into order_number_counters (company_id, customer_id, period, last_seq)
    select ${companyId}::uuid, k.customer_id, ${period}::text, k.n
      from unnest(${sorted.map((b) => b.customerId)}::uuid[], ${sorted.map((b) => b.count)}::int[]) as k(customer_id, n)
    on conflict (company_id, customer_id, period)
      do update set last_seq = order_number_counters.last_seq + excluded.last_seq
    returning customer_id, last_seq`.execute(db);
  return new Map(r.rows.map((x) => [x.customer_id, x.last_seq]));
}

type OrderInsert = Insertable<OrdersTable> & { id: string; total: string; cost_total: string };
type Col<T> = (o: T) => unknown;

/** Columns of one row type as arrays, one bound parameter per column whatever the row count. */
const arrays = <T>(rows: T[], cols: Record<string, Col<T>>) =>
  Object.fromEntries(Object.entries(cols).map(([k, f]) => [k, rows.map(f)]));

/** Many new orders in one statement (unnest of column arrays). */
export async function insertOrdersBulk(db: Db, rows: OrderInsert[]) {
  if (!rows.length) return;
  const a = arrays(rows, {
    id: (o) => o.id,
    number: (o) => o.number,
    status: (o) => o.status,
    customer: (o) => o.customer_id,
    contact: (o) => o.contact,
    orderDate: (o) => o.order_date,
    source: (o) => o.source,
    urgency: (o) => o.urgency,
    due: (o) => o.expected_delivery_date ?? null,
    delivery: (o) => o.delivery,
    pay: (o) => o.payment_method,
    days: (o) => o.payment_days,
    type: (o) => o.order_type,
    buyer: (o) => o.buyer_remark,
    seller: (o) => o.seller_remark,
    po: (o) => o.customer_po,
    wh: (o) => o.warehouse_id,
    total: (o) => o.total,
    cost: (o) => o.cost_total,
    missing: (o) => o.written_confirmation_missing,
    registrar: (o) => o.registrar_id,
    at: (o) => o.created_at,
  });
  const by = rows[0].created_by;
  await sql`
    insert into orders (company_id, id, number, status, customer_id, contact, order_date, source, urgency,
      expected_delivery_date, delivery, payment_method, payment_days, order_type, buyer_remark, seller_remark,
      customer_po, warehouse_id, total, cost_total, written_confirmation_missing, registrar_id, created_at,
      created_by, updated_at, updated_by)
    select ${rows[0].company_id}::uuid, k.id, k.number, k.status, k.customer_id, k.contact::jsonb, k.order_date,
      k.source, k.urgency, k.due, k.delivery::jsonb, k.pay, k.days, k.type, k.buyer, k.seller, k.po, k.wh, k.total,
      k.cost, k.missing, k.registrar, k.at, ${by}::uuid, k.at, ${by}::uuid
    from unnest(${a.id}::uuid[], ${a.number}::text[], ${a.status}::text[], ${a.customer}::uuid[],
      ${a.contact}::text[], ${a.orderDate}::date[], ${a.source}::text[], ${a.urgency}::text[], ${a.due}::date[],
      ${a.delivery}::text[], ${a.pay}::text[], ${a.days}::int[], ${a.type}::text[], ${a.buyer}::text[],
      ${a.seller}::text[], ${a.po}::text[], ${a.wh}::uuid[], ${a.total}::numeric[], ${a.cost}::numeric[],
      ${a.missing}::boolean[], ${a.registrar}::uuid[], ${a.at}::timestamptz[])
      as k(id, number, status, customer_id, contact, order_date, source, urgency, due, delivery, pay, days, type,
        buyer, seller, po, wh, total, cost, missing, registrar, at)`.execute(db);
}

/** Many order lines in one statement. */
export async function insertLinesBulk(db: Db, companyId: string, rows: Insertable<OrderLinesTable>[]) {
  if (!rows.length) return;
  const a = arrays(rows, {
    order: (l) => l.order_id,
    no: (l) => l.line_no,
    product: (l) => l.product_id,
    sku: (l) => l.sku,
    name: (l) => l.name,
    spec: (l) => l.spec,
    unit: (l) => l.unit,
    qty: (l) => l.qty,
    price: (l) => l.unit_price,
    amount: (l) => l.amount,
    cost: (l) => l.standard_cost,
    gift: (l) => l.gift,
  });
  await sql`
    insert into order_lines (company_id, order_id, line_no, product_id, sku, name, spec, unit, qty, unit_price,
      amount, standard_cost, gift, reserved, backordered, shipped)
    select ${companyId}::uuid, k.*, 0, 0, 0
    from unnest(${a.order}::uuid[], ${a.no}::int[], ${a.product}::uuid[], ${a.sku}::text[], ${a.name}::text[],
      ${a.spec}::text[], ${a.unit}::text[], ${a.qty}::int[], ${a.price}::numeric[], ${a.amount}::numeric[],
      ${a.cost}::numeric[], ${a.gift}::boolean[])
      as k(order_id, line_no, product_id, sku, name, spec, unit, qty, unit_price, amount, standard_cost, gift)`.execute(
    db,
  );
}
