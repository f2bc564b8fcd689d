import { sql, type Insertable, type RawBuilder, type SelectQueryBuilder, type Updateable } from 'kysely';
import type { DB, Db } from '../../db/database';
import type { OrderLinesTable, OrdersTable } from './order.table';
import type { StateHistoryTable } from '../history/history.table';
import { prepared } from '../../lib/sql';
import { customerColumns } from '../customers/customer.repository';
import type { InvoicesTable } from '../feedback/feedback.table';
import { UNCLOSED_COMPLAINT } from '../feedback/complaint.machine';
import { inStatuses } from '../../lib/state-machine';
import { CONFIRMED_BUSINESS, SHIPPABLE } from './order.machine';

const orderColumns = [
  'o.id',
  'o.number',
  'o.status',
  'o.customer_id',
  'o.contact',
  'o.order_date',
  'o.source',
  'o.urgency',
  'o.expected_delivery_date',
  'o.delivery',
  'o.payment_method',
  'o.payment_days',
  'o.deposit_percent',
  'o.order_type',
  'o.buyer_remark',
  'o.seller_remark',
  'o.customer_po',
  'o.warehouse_id',
  'o.total',
  'o.cost_total',
  'o.written_confirmation_missing',
  'o.review_round',
  'o.registrar_id',
  'o.submitted_at',
  'o.confirmed_at',
  'o.confirmed_by',
  'o.confirmation',
  'o.cancelled_at',
  'o.cancel_reason',
  'o.short_closed_at',
  'o.short_close_reason',
  'o.closed_amount',
  'o.archived_at',
  'o.fault_party',
  'o.cost_bearer',
  'o.replacement_reason',
  'o.replaces_order_id',
  'o.currency',
  'o.exchange_rate',
  'o.export',
  'o.trade_term',
  'o.port_of_loading',
  'o.port_of_destination',
  'o.container_type',
  'o.container_count',
  'o.version',
  'o.created_at',
  'o.updated_at',
  'o.updated_by',
  'c.code as customer_code',
  'c.short_code as customer_short_code',
  'c.name as customer_name',
  'u.display_name as registrar_name',
] as const;

export function ordersQuery(db: Db, companyId: string) {
  return (
    db
      .selectFrom('orders as o')
      .innerJoin('customers as c', (j) =>
        j.onRef('c.company_id', '=', 'o.company_id').onRef('c.id', '=', 'o.customer_id'),
      )
      .leftJoin('users as u', 'u.id', 'o.registrar_id')
      .select(orderColumns)
      // 变更待客户确认: the change applied to the order that the customer has not confirmed yet.
      .select((eb) =>
        eb
          .selectFrom('change_requests as cr')
          .select('cr.number')
          .whereRef('cr.company_id', '=', 'o.company_id')
          .whereRef('cr.order_id', '=', 'o.id')
          .where('cr.status', '=', 'applied')
          .orderBy('cr.applied_at', 'desc')
          .limit(1)
          .as('pending_change'),
      )
      .where('o.company_id', '=', companyId)
  );
}
export type OrderRow = NonNullable<Awaited<ReturnType<typeof findOrder>>>;
export type OrderLineRow = Awaited<ReturnType<typeof findLines>>[number];

export function findOrder(db: Db, companyId: string, id: string) {
  return ordersQuery(db, companyId).modifyFront(prepared('orders.find')).where('o.id', '=', id).executeTakeFirst();
}

/** The order, its row locked for a state change (one writer at a time per order), in one statement. */
export function findOrderForUpdate(db: Db, companyId: string, id: string) {
  return ordersQuery(db, companyId)
    .modifyFront(prepared('orders.find-for-update'))
    .where('o.id', '=', id)
    .forUpdate('o')
    .executeTakeFirst();
}

const orderIdQuery = (db: Db, companyId: string, id: string) =>
  db.selectFrom('orders').select('id').where('company_id', '=', companyId).where('id', '=', id);

/** Whether the order exists in the company, without reading its row. */
export async function orderExists(db: Db, companyId: string, id: string): Promise<boolean> {
  return !!(await orderIdQuery(db, companyId, id).executeTakeFirst());
}

/** Locks the order row for a state change (one writer at a time per order). */
export async function lockOrder(db: Db, companyId: string, id: string): Promise<boolean> {
  return !!(await orderIdQuery(db, companyId, id).forUpdate().executeTakeFirst());
}

/** The columns an order line is read with, wherever lines are read. */
export const ORDER_LINE_COLUMNS = [
  'order_id',
  'line_no',
  'product_id',
  'sku',
  'name',
  'spec',
  'unit',
  'qty',
  'unit_price',
  'amount',
  'standard_cost',
  'gift',
  'reserved',
  'backordered',
  'shipped',
  'closed_qty',
] as const;

export function findLines(db: Db, companyId: string, orderIds: string[]) {
  const lines = db.selectFrom('order_lines').select(ORDER_LINE_COLUMNS).where('company_id', '=', companyId);
  // One order's lines (the order page, and the answer of most writes) is a text that never varies: prepared.
  return (
    orderIds.length === 1
      ? lines.modifyFront(prepared('orders.lines-of-one')).where('order_id', '=', orderIds[0])
      : lines.where('order_id', 'in', orderIds.length ? orderIds : ['00000000-0000-0000-0000-000000000000'])
  )
    .orderBy('order_id')
    .orderBy('line_no')
    .execute();
}

/** How far each line of an order has shipped: whether the order is now partly or wholly shipped. */
export function lineShipping(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('order_lines')
    .select(['qty', 'shipped'])
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .execute();
}

/** Who has registered orders (业务员), for the list's salesperson filter. */
export function orderRegistrars(db: Db, companyId: string) {
  return db
    .selectFrom('orders as o')
    .innerJoin('users as u', 'u.id', 'o.registrar_id')
    .select(['u.id', 'u.display_name'])
    .where('o.company_id', '=', companyId)
    .groupBy(['u.id', 'u.display_name'])
    .orderBy('u.display_name')
    .execute();
}

/** The names findOrder answers with: each of orderColumns by its alias or column, and the pending change. */
const ORDER_KEYS = [
  ...orderColumns.map((c) =>
    c
      .split(' as ')
      .pop()!
      .replace(/^\w+\./, ''),
  ),
  'pending_change',
] as const;

/** What a registration's statement answers with: the order as findOrder reads it, and its lines as findLines. */
export type InsertedOrder = { row: OrderRow; lines: OrderLineRow[] };

/**
 * A new order with its lines (at least one) and its first history row, in one statement (registration's one write),
 * which answers with the order and its lines as findOrder and findLines read them (one row per line, the order's
 * columns on each), so registering does not read them back. A new order has no change applied yet.
 */
export async function insertOrderWithLines(
  db: Db,
  row: Insertable<OrdersTable> & { id: string },
  lines: Insertable<OrderLinesTable>[],
  history: Insertable<StateHistoryTable>,
): Promise<InsertedOrder> {
  const rows = await db
    .with('o', (q) => q.insertInto('orders').values(row).returningAll())
    .with('l', (q) => q.insertInto('order_lines').values(lines).returning(ORDER_LINE_COLUMNS))
    .with('h', (q) => q.insertInto('state_history').values(history).returning('id'))
    .selectFrom('o')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 'o.company_id').onRef('c.id', '=', 'o.customer_id'),
    )
    .leftJoin('users as u', 'u.id', 'o.registrar_id')
    .innerJoin('l', (j) => j.onTrue())
    .select(orderColumns)
    .select(sql<string | null>`null::text`.as('pending_change'))
    .select(ORDER_LINE_COLUMNS.map((c) => `l.${c} as line_${c}` as const))
    .orderBy('l.line_no')
    .execute();
  const first: Record<string, unknown> = rows[0];
  const order = Object.fromEntries(ORDER_KEYS.map((k) => [k, first[k]])) as OrderRow;
  const orderLines = rows.map(
    (r) => Object.fromEntries(ORDER_LINE_COLUMNS.map((c) => [c, r[`line_${c}`]])) as OrderLineRow,
  );
  return { row: order, lines: orderLines };
}

export async function replaceLines(db: Db, companyId: string, orderId: string, lines: Insertable<OrderLinesTable>[]) {
  await db.deleteFrom('order_lines').where('company_id', '=', companyId).where('order_id', '=', orderId).execute();
  if (lines.length) await db.insertInto('order_lines').values(lines).execute();
}

export function updateOrder(db: Db, companyId: string, id: string, patch: Updateable<OrdersTable>) {
  return db.updateTable('orders').set(patch).where('company_id', '=', companyId).where('id', '=', id).execute();
}

/** Sets reserved and backordered of many lines in one statement. */
export async function setLineQuantities(db: Db, companyId: string, rows: LineQuantities[]) {
  if (!rows.length) return;
  await sql`${prepared('orders.set-line-quantities')} ${lineQuantitiesUpdate(companyId, rows)}`.execute(db);
}

export type LineQuantities = { orderId: string; lineNo: number; reserved: number; backordered: number };

/** That update as a statement, for a caller that writes it together with others (stock's reservation). */
export function lineQuantitiesUpdate(companyId: string, rows: LineQuantities[]): RawBuilder<unknown> {
  return sql`
    update order_lines l set reserved = k.reserved, backordered = k.backordered
    from unnest(
      ${rows.map((r) => r.orderId)}::uuid[],
      ${rows.map((r) => r.lineNo)}::int[],
      ${rows.map((r) => r.reserved)}::int[],
      ${rows.map((r) => r.backordered)}::int[]
    ) as k(order_id, line_no, reserved, backordered)
    where l.company_id = ${companyId} and l.order_id = k.order_id and l.line_no = k.line_no`;
}

/** The order's lines' reserved and backordered units from a reservation's `grants` (stock-reserve.repository.ts). */
export function lineQuantitiesFromGrants(companyId: string, orderId: string): RawBuilder<unknown> {
  return sql`
    update order_lines l set reserved = g.granted, backordered = l.qty - g.granted
      from grants g
     where (select free from free) and l.company_id = ${companyId} and l.order_id = ${orderId}
       and l.line_no = g.line_no`;
}

/**
 * Next number in the customer's month; the counter row serializes concurrent registrations and rolls back with
 * them.
 */
export async function nextSequence(db: Db, companyId: string, customerId: string, period: string): Promise<number> {
  const r = await sql<{ last_seq: number }>`
    insert into order_number_counters (company_id, customer_id, period, last_seq)
    values (${companyId}, ${customerId}, ${period}, 1)
    on conflict (company_id, customer_id, period) do update set last_seq = order_number_counters.last_seq + 1
    returning last_seq`.execute(db);
  return r.rows[0].last_seq;
}

/**
 * What registering an order reads before it numbers and prices it, in one statement: the customer, the company's
 * settings as stored and its default warehouse (`findDefaultWarehouse`). Undefined when there is no such customer.
 */
export function registrationFacts(db: Db, companyId: string, customerId: string) {
  return db
    .selectFrom('customers')
    .select(customerColumns)
    .select((eb) => [
      eb.selectFrom('company_settings').select('settings').where('company_id', '=', companyId).as('stored_settings'),
      defaultWarehouse(eb.selectFrom('warehouses'), companyId).as('default_warehouse_id'),
    ])
    .where('company_id', '=', companyId)
    .where('id', '=', customerId)
    .executeTakeFirst();
}

/** The central warehouse, else the first active one by code. */
const defaultWarehouse = (from: SelectQueryBuilder<DB, 'warehouses', object>, companyId: string) =>
  from
    .select('id')
    .where('company_id', '=', companyId)
    .where('active', '=', true)
    .orderBy(sql`kind = 'central'`, 'desc')
    .orderBy('code')
    .limit(1);

export async function findDefaultWarehouse(db: Db, companyId: string) {
  return defaultWarehouse(db.selectFrom('warehouses'), companyId).executeTakeFirst();
}

/** Complaints on the order not closed yet (an order with one cannot be completed). */
export async function countUnclosedComplaints(db: Db, companyId: string, orderId: string): Promise<number> {
  const r = await db
    .selectFrom('complaints')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .where('status', 'in', [...UNCLOSED_COMPLAINT])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function insertInvoice(db: Db, row: Insertable<InvoicesTable>) {
  return db.insertInto('invoices').values(row).execute();
}

/** Backordered lines of shippable orders waiting for these products, locked, in the order they are served. */
export function lockBackorderedLines(db: Db, companyId: string, warehouseId: string, productIds: string[]) {
  return sql<{
    order_id: string;
    line_no: number;
    product_id: string;
    backordered: number;
    reserved: number;
    number: string;
    customer_id: string;
  }>`
    select l.order_id, l.line_no, l.product_id, l.backordered, l.reserved, o.number, o.customer_id
    from order_lines l join orders o on o.company_id = l.company_id and o.id = l.order_id
    where l.company_id = ${companyId} and o.warehouse_id = ${warehouseId}
      and l.product_id = any(${productIds}::uuid[])
      and l.backordered > 0 and o.status = ${inStatuses(SHIPPABLE)}
    order by (o.urgency = 'urgent') desc, o.confirmed_at, o.number, l.line_no
    for update of l`.execute(db);
}

/** Available stock a customer's order may take: other customers' earmarked units (备货预留) are not. */
export function availableForCustomer(
  db: Db,
  companyId: string,
  warehouseId: string,
  productIds: string[],
  customerId?: string,
) {
  return sql<{ product_id: string; available: number }>`
    select b.product_id, greatest(b.on_hand - b.reserved - coalesce((
             select sum(e.remaining) from stock_earmarks e
              where e.company_id = b.company_id and e.warehouse_id = b.warehouse_id and e.product_id = b.product_id
                and e.remaining > 0 and e.customer_id is distinct from ${customerId ?? null}::uuid), 0), 0)::int
             as available
      from stock_balances b
     where b.company_id = ${companyId} and b.warehouse_id = ${warehouseId}
       and b.product_id = any(${productIds}::uuid[])`.execute(db);
}

/** How many of the customer's other orders were confirmed business (a customer with none is new). */
export function countConfirmedBusiness(db: Db, companyId: string, customerId: string, orderId: string) {
  return sql<{ n: number }>`
    select count(*)::int as n from orders
    where company_id = ${companyId} and customer_id = ${customerId} and id <> ${orderId}
      and status = ${inStatuses(CONFIRMED_BUSINESS)}`.execute(db);
}
