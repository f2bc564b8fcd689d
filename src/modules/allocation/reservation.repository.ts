import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database';
import type { AllocationReservationsTable } from './allocation.table';
import { HELD, type ReservationStatus } from './reservation.machine';

// Queries of allocation's reservations: held stock for franchisee orders, and the order lines they move.

export function listReservationRows(db: Db, companyId: string, status?: ReservationStatus) {
  let q = db
    .selectFrom('allocation_reservations as r')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 'r.company_id').onRef('c.id', '=', 'r.customer_id'),
    )
    .innerJoin('products as p', (j) => j.onRef('p.company_id', '=', 'r.company_id').onRef('p.id', '=', 'r.product_id'))
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'r.company_id').onRef('o.id', '=', 'r.order_id'))
    .select([
      'r.id',
      'r.run_id',
      'r.customer_id',
      'c.code as customer_code',
      'c.name as customer_name',
      'r.order_id',
      'o.number as order_number',
      'r.line_no',
      'p.sku',
      'r.qty',
      'r.unit_price',
      'r.expires_on',
      'r.status',
      'r.created_at',
      'r.closed_at',
    ])
    .where('r.company_id', '=', companyId);
  if (status) q = q.where('r.status', '=', status);
  return q.orderBy('r.expires_on').orderBy('c.code').orderBy('r.created_at').limit(1000).execute();
}

const reservationColumns = [
  'id',
  'company_id',
  'run_id',
  'customer_id',
  'order_id',
  'line_no',
  'product_id',
  'warehouse_id',
  'qty',
  'unit_price',
  'expires_on',
  'status',
] as const;

/** Held reservations of every company whose day has come, oldest first. */
export function dueReservations(db: Db, today: string) {
  return db
    .selectFrom('allocation_reservations')
    .select(['company_id', 'id'])
    .where('status', 'in', [...HELD])
    .where('expires_on', '<=', today)
    .orderBy('company_id')
    .orderBy('expires_on')
    .orderBy('id')
    .execute();
}

/** One reservation, locked until the transaction ends. */
export function lockReservation(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('allocation_reservations')
    .select(reservationColumns)
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}
export type ReservationRow = NonNullable<Awaited<ReturnType<typeof lockReservation>>>;

/** The held reservations of an order, locked. */
export function heldForOrder(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('allocation_reservations')
    .select(reservationColumns)
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .where('status', 'in', [...HELD])
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** A franchisee's held reservations in launch-plan order, each with its order's number and status; locked. */
export function heldForCustomer(db: Db, companyId: string, customerId: string) {
  return db
    .selectFrom('allocation_reservations as r')
    .innerJoin('products as p', (j) => j.onRef('p.company_id', '=', 'r.company_id').onRef('p.id', '=', 'r.product_id'))
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'r.company_id').onRef('o.id', '=', 'r.order_id'))
    .select([
      'r.id',
      'r.company_id',
      'r.run_id',
      'r.customer_id',
      'r.order_id',
      'r.line_no',
      'r.product_id',
      'r.warehouse_id',
      'r.qty',
      'r.unit_price',
      'r.expires_on',
      'r.status',
      'o.number as order_number',
      'o.status as order_status',
    ])
    .where('r.company_id', '=', companyId)
    .where('r.customer_id', '=', customerId)
    .where('r.status', 'in', [...HELD])
    .orderBy('p.launch_priority')
    .orderBy('p.sku')
    .orderBy('r.created_at')
    .orderBy('r.order_id')
    .orderBy('r.line_no')
    .forUpdate('r')
    .execute();
}

export function setReservationQty(db: Db, companyId: string, id: string, qty: number) {
  return db
    .updateTable('allocation_reservations')
    .set({ qty })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute();
}

type Reservation = Insertable<AllocationReservationsTable>;
/** What the reservations of one insert share: a run's thousands differ only by order line, quantity and price. */
export type SharedByReservations = Pick<Reservation, 'company_id' | 'run_id' | 'warehouse_id' | 'expires_on'>;

/**
 * Many reservations in one statement, in their initial (held) state: what they share is sent once, the rest as
 * column arrays (unnest), whatever the row count.
 */
export async function insertReservations(
  db: Db,
  shared: SharedByReservations,
  rows: Omit<Reservation, keyof SharedByReservations | 'status'>[],
) {
  if (!rows.length) return [];
  const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  const r = await sql<{ id: string }>`
    insert into allocation_reservations (company_id, run_id, customer_id, order_id, line_no, product_id,
      warehouse_id, qty, unit_price, expires_on, status)
    select ${shared.company_id}::uuid, ${shared.run_id}::uuid, k.customer_id, k.order_id, k.line_no, k.product_id,
      ${shared.warehouse_id}::uuid, k.qty, k.unit_price, ${shared.expires_on}::date, 'held'
    from unnest(${col('customer_id')}::uuid[], ${col('order_id')}::uuid[], ${col('line_no')}::int[],
      ${col('product_id')}::uuid[], ${col('qty')}::int[], ${col('unit_price')}::numeric[])
      as k(customer_id, order_id, line_no, product_id, qty, unit_price)
    returning id
  `.execute(db);
  return r.rows.map((x) => x.id);
}

/** Who committed the run (the expiry job acts in their name). */
export async function runCreator(db: Db, companyId: string, runId: string) {
  const r = await db
    .selectFrom('allocation_runs')
    .select('created_by')
    .where('company_id', '=', companyId)
    .where('id', '=', runId)
    .executeTakeFirstOrThrow();
  return r.created_by;
}

/** Released units go back from reserved to backordered on their order line. */
export function backorderReserved(db: Db, companyId: string, orderId: string, lineNo: number, qty: number) {
  return db
    .updateTable('order_lines')
    .set((eb) => ({ reserved: eb('reserved', '-', qty), backordered: eb('backordered', '+', qty) }))
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .where('line_no', '=', lineNo)
    .execute();
}

/** Shipped units leave the reservation of their order lines. */
export async function shipReserved(
  db: Db,
  companyId: string,
  lines: readonly { orderId: string; lineNo: number; qty: number }[],
) {
  if (!lines.length) return;
  await sql`
    update order_lines l set reserved = l.reserved - k.qty, shipped = l.shipped + k.qty
    from unnest(
      ${lines.map((x) => x.orderId)}::uuid[],
      ${lines.map((x) => x.lineNo)}::int[],
      ${lines.map((x) => x.qty)}::int[]
    ) as k(order_id, line_no, qty)
    where l.company_id = ${companyId} and l.order_id = k.order_id and l.line_no = k.line_no`.execute(db);
}

/** Granted units move from backordered to reserved on their order lines. */
export async function reserveBackordered(
  db: Db,
  companyId: string,
  lines: readonly { orderId: string; lineNo: number; qty: number }[],
) {
  if (!lines.length) return;
  await sql`
    update order_lines l set reserved = l.reserved + k.qty, backordered = l.backordered - k.qty
    from unnest(
      ${lines.map((x) => x.orderId)}::uuid[],
      ${lines.map((x) => x.lineNo)}::int[],
      ${lines.map((x) => x.qty)}::int[]
    ) as k(order_id, line_no, qty)
    where l.company_id = ${companyId} and l.order_id = k.order_id and l.line_no = k.line_no`.execute(db);
}
