import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database';
import type {
  AllocationReservationsTable,
  AllocationRunsTable,
  FranchiseeLedgerTable,
  PickListsTable,
} from './allocation.table';
import type { OrderStatus } from '../orders/order.table';
import { HELD, type ReservationStatus } from './reservation.machine';
import { OPEN_PICK_LIST, type PickListStatus } from './pick-list.machine';

// Queries of allocation's reservations, pick lists and the order lines they move. Plain functions, db first.

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

/** A new reservation, in its initial (held) state. */
export async function insertReservations(db: Db, rows: Insertable<AllocationReservationsTable>[]) {
  if (!rows.length) return [];
  const r = await db.insertInto('allocation_reservations').values(rows).returning('id').execute();
  return r.map((x) => x.id);
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

export async function customerCode(db: Db, companyId: string, customerId: string) {
  const r = await db
    .selectFrom('customers')
    .select('code')
    .where('company_id', '=', companyId)
    .where('id', '=', customerId)
    .executeTakeFirstOrThrow();
  return r.code;
}

export async function findFranchisee(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('customers')
    .select(['id', 'kind'])
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** What a franchisee's open pick lists already plan to charge, in fen as a decimal string. */
export async function plannedCharge(db: Db, companyId: string, customerId: string) {
  const r = await sql<{ planned: string | null }>`
    select sum(l.qty * l.unit_price)::text as planned
    from pick_lists p join pick_list_lines l on l.company_id = p.company_id and l.pick_list_id = p.id
    where p.company_id = ${companyId} and p.target_kind = 'franchisee' and p.target_id = ${customerId}
      and p.status = any(${[...OPEN_PICK_LIST]}::text[])`.execute(db);
  return r.rows[0].planned ?? '0';
}

export async function insertPickList(db: Db, row: Insertable<PickListsTable>) {
  const r = await db.insertInto('pick_lists').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export function insertPickLines(
  db: Db,
  companyId: string,
  pickListId: string,
  lines: readonly {
    productId: string;
    qty: number;
    orderId?: string;
    orderLineNo?: number;
    unitPrice?: string;
  }[],
) {
  return db
    .insertInto('pick_list_lines')
    .values(
      lines.map((l, i) => ({
        company_id: companyId,
        pick_list_id: pickListId,
        line_no: i + 1,
        product_id: l.productId,
        qty: l.qty,
        order_id: l.orderId ?? null,
        order_line_no: l.orderLineNo ?? null,
        unit_price: l.unitPrice ?? null,
      })),
    )
    .execute();
}

export function listPickListRows(
  db: Db,
  companyId: string,
  q: { status?: PickListStatus; runId?: string; id?: string },
) {
  let query = db
    .selectFrom('pick_lists as p')
    .select([
      'p.id',
      'p.run_id',
      'p.warehouse_id',
      'p.target_kind',
      'p.target_id',
      'p.target_name',
      'p.status',
      'p.created_at',
      'p.posted_at',
      sql<number>`(
        select coalesce(sum(qty), 0)::int from pick_list_lines l
        where l.company_id = p.company_id and l.pick_list_id = p.id)`.as('units'),
    ])
    .where('p.company_id', '=', companyId);
  if (q.status) query = query.where('p.status', '=', q.status);
  if (q.runId) query = query.where('p.run_id', '=', q.runId);
  if (q.id) query = query.where('p.id', '=', q.id);
  return query.orderBy('p.created_at', 'desc').orderBy('p.target_name').limit(500).execute();
}

export function pickListLines(db: Db, companyId: string, pickListId: string) {
  return db
    .selectFrom('pick_list_lines as l')
    .innerJoin('products as p', (j) => j.onRef('p.company_id', '=', 'l.company_id').onRef('p.id', '=', 'l.product_id'))
    .leftJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'l.company_id').onRef('o.id', '=', 'l.order_id'))
    .select([
      'l.line_no',
      'l.product_id',
      'p.sku',
      'p.name',
      'l.qty',
      'l.order_id',
      'l.order_line_no',
      'o.number as order_number',
      'o.status as order_status',
      'l.unit_price',
    ])
    .where('l.company_id', '=', companyId)
    .where('l.pick_list_id', '=', pickListId)
    .orderBy('l.line_no')
    .execute();
}

export function lockPickList(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('pick_lists')
    .select(['id', 'status', 'target_kind', 'target_id', 'warehouse_id'])
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Takes the order's lines off open pick lists; returns the lists it touched. */
export async function removeOrderFromOpenPickLists(db: Db, companyId: string, orderId: string) {
  const r = await sql<{ pick_list_id: string }>`
    delete from pick_list_lines l using pick_lists p
    where l.company_id = ${companyId} and l.order_id = ${orderId}
      and p.company_id = l.company_id and p.id = l.pick_list_id and p.status = any(${[...OPEN_PICK_LIST]}::text[])
    returning l.pick_list_id`.execute(db);
  return [...new Set(r.rows.map((x) => x.pick_list_id))];
}

export async function pickLineCount(db: Db, companyId: string, pickListId: string) {
  const r = await db
    .selectFrom('pick_list_lines')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('company_id', '=', companyId)
    .where('pick_list_id', '=', pickListId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** An order's status, locked (a shipment moves it). */
export function lockOrderStatus(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('orders')
    .select(['status'])
    .where('company_id', '=', companyId)
    .where('id', '=', orderId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export function orderLineProgress(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('order_lines')
    .select(['qty', 'shipped'])
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .execute();
}

/** Goods receipts at central warehouses, with their allocation run if any. */
export function centralReceipts(db: Db, companyId: string) {
  return db
    .selectFrom('goods_receipts as g')
    .innerJoin('warehouses as w', (j) =>
      j.onRef('w.company_id', '=', 'g.company_id').onRef('w.id', '=', 'g.warehouse_id'),
    )
    .leftJoin('allocation_runs as a', (j) =>
      j.onRef('a.company_id', '=', 'g.company_id').onRef('a.receipt_id', '=', 'g.id'),
    )
    .select(['g.id', 'g.reference', 'g.created_at', 'w.name as warehouse_name', 'a.id as run_id'])
    .where('g.company_id', '=', companyId)
    .where('w.kind', '=', 'central')
    .orderBy('g.created_at', 'desc')
    .limit(100)
    .execute();
}

// What allocation-input/v1 reads: the receipt, the central warehouse, products, stock and franchisees' demand.

const NO_ID = '00000000-0000-0000-0000-000000000000';

export function findReceiptWarehouse(db: Db, companyId: string, receiptId: string) {
  return db
    .selectFrom('goods_receipts as r')
    .innerJoin('warehouses as w', (j) =>
      j.onRef('w.company_id', '=', 'r.company_id').onRef('w.id', '=', 'r.warehouse_id'),
    )
    .select(['r.warehouse_id', 'w.kind'])
    .where('r.company_id', '=', companyId)
    .where('r.id', '=', receiptId)
    .executeTakeFirst();
}

export async function productsOfReceipt(db: Db, companyId: string, receiptId: string) {
  const rows = await db
    .selectFrom('stock_movements')
    .select('product_id')
    .distinct()
    .where('company_id', '=', companyId)
    .where('receipt_id', '=', receiptId)
    .execute();
  return rows.map((r) => r.product_id);
}

export async function firstCentralWarehouse(db: Db, companyId: string) {
  const r = await db
    .selectFrom('warehouses')
    .select('id')
    .where('company_id', '=', companyId)
    .where('kind', '=', 'central')
    .where('active', '=', true)
    .orderBy('code')
    .executeTakeFirst();
  return r?.id;
}

/** The active allocated (分货) products, all or only those named. */
export function allocatedProducts(db: Db, companyId: string, only?: string[]) {
  let q = db
    .selectFrom('products')
    .select(['id', 'sku', 'list_price', 'seasonal', 'launch_priority'])
    .where('company_id', '=', companyId)
    .where('allocated', '=', true)
    .where('active', '=', true);
  if (only) q = q.where('id', 'in', only.length ? only : [NO_ID]);
  return q.orderBy('sku').execute();
}

export function availableAt(db: Db, companyId: string, warehouseId: string, productIds: string[]) {
  return (
    db
      .selectFrom('stock_balances')
      // Stock earmarked for a customer (备货预留) is not handed out by allocation.
      .select([
        'product_id',
        sql<number>`greatest(on_hand - reserved - coalesce((select sum(e.remaining) from stock_earmarks e
        where e.company_id = stock_balances.company_id and e.warehouse_id = stock_balances.warehouse_id
          and e.product_id = stock_balances.product_id and e.remaining > 0), 0), 0)::int`.as('available'),
      ])
      .where('company_id', '=', companyId)
      .where('warehouse_id', '=', warehouseId)
      .where('product_id', 'in', productIds.length ? productIds : [NO_ID])
      .execute()
  );
}

export function activeFranchiseesWithMoney(db: Db, companyId: string) {
  return db
    .selectFrom('customers as c')
    .leftJoin('franchisee_balances as b', (j) =>
      j.onRef('b.company_id', '=', 'c.company_id').onRef('b.customer_id', '=', 'c.id'),
    )
    .select(['c.id', 'c.code', 'c.priority', 'b.funds', 'b.credit'])
    .where('c.company_id', '=', companyId)
    .where('c.kind', '=', 'franchisee')
    .where('c.active', '=', true)
    .orderBy('c.code')
    .execute();
}

/** The backordered lines of franchisees' orders in one of the given statuses, oldest confirmation first. */
export function franchiseeBackorders(
  db: Db,
  companyId: string,
  warehouseId: string,
  productIds: string[],
  statuses: readonly OrderStatus[],
) {
  return db
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'l.company_id').onRef('o.id', '=', 'l.order_id'))
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 'o.company_id').onRef('c.id', '=', 'o.customer_id'),
    )
    .select(['l.order_id', 'l.line_no', 'l.product_id', 'l.backordered', 'l.unit_price', 'o.customer_id', 'c.code'])
    .where('l.company_id', '=', companyId)
    .where('c.kind', '=', 'franchisee')
    .where('o.warehouse_id', '=', warehouseId)
    .where('o.status', 'in', [...statuses])
    .where('l.backordered', '>', 0)
    .where('l.product_id', 'in', productIds.length ? productIds : [NO_ID])
    .orderBy('o.confirmed_at')
    .orderBy('o.number')
    .orderBy('l.line_no')
    .execute();
}

// Allocation runs.

/** Runs of one company take turns (transaction-scoped advisory lock). */
export async function lockCompanyRuns(db: Db, companyId: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`allocation:${companyId}`}))`.execute(db);
}

export async function runOfReceipt(db: Db, companyId: string, receiptId: string) {
  const r = await db
    .selectFrom('allocation_runs')
    .select('id')
    .where('company_id', '=', companyId)
    .where('receipt_id', '=', receiptId)
    .executeTakeFirst();
  return r?.id;
}

export function insertRun(db: Db, row: Insertable<AllocationRunsTable>) {
  return db.insertInto('allocation_runs').values(row).returning('id').executeTakeFirstOrThrow();
}

export function findRun(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('allocation_runs')
    .select(['id', 'receipt_id', 'warehouse_id', 'season', 'policy', 'result', 'created_at', 'created_by'])
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function recentRuns(db: Db, companyId: string) {
  return db
    .selectFrom('allocation_runs')
    .select(['id', 'receipt_id', 'season', 'created_at', 'result'])
    .where('company_id', '=', companyId)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
}

// 加盟商资金: the franchisee money ledger's rows (franchisee-money.ts keeps the rules).

export async function ensureMoneyRow(db: Db, companyId: string, customerId: string) {
  await db
    .insertInto('franchisee_balances')
    .values({ company_id: companyId, customer_id: customerId, funds: '0', credit: '0' })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function lockMoneyRow(db: Db, companyId: string, customerId: string) {
  return db
    .selectFrom('franchisee_balances')
    .select(['funds', 'credit'])
    .where('company_id', '=', companyId)
    .where('customer_id', '=', customerId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function updateMoneyRow(
  db: Db,
  companyId: string,
  customerId: string,
  m: { funds: string; credit: string; at: Date },
) {
  await db
    .updateTable('franchisee_balances')
    .set({ funds: m.funds, credit: m.credit, updated_at: m.at })
    .where('company_id', '=', companyId)
    .where('customer_id', '=', customerId)
    .execute();
}

export async function insertMoneyLedgerRow(db: Db, row: Insertable<FranchiseeLedgerTable>) {
  await db.insertInto('franchisee_ledger').values(row).execute();
}

export function franchiseeBalanceRows(db: Db, companyId: string) {
  return db
    .selectFrom('customers as c')
    .leftJoin('franchisee_balances as b', (j) =>
      j.onRef('b.company_id', '=', 'c.company_id').onRef('b.customer_id', '=', 'c.id'),
    )
    .select(['c.id', 'c.code', 'c.name', 'c.priority', 'b.funds', 'b.credit', 'b.updated_at'])
    .where('c.company_id', '=', companyId)
    .where('c.kind', '=', 'franchisee')
    .where('c.active', '=', true)
    .orderBy('c.priority')
    .orderBy('c.code')
    .execute();
}

export function moneyLedgerRows(db: Db, companyId: string, customerId: string) {
  return db
    .selectFrom('franchisee_ledger as l')
    .leftJoin('users as u', 'u.id', 'l.actor_id')
    .select([
      'l.id',
      'l.at',
      'l.kind',
      'l.funds_delta',
      'l.credit_delta',
      'l.reason',
      'l.reference',
      'u.display_name as actor_name',
    ])
    .where('l.company_id', '=', companyId)
    .where('l.customer_id', '=', customerId)
    .orderBy('l.id', 'desc')
    .limit(500)
    .execute();
}

/** Franchisees whose balance differs from the sum of their ledger rows (empty when the ledger holds). */
export async function moneyMismatches(db: Db, companyId: string) {
  const r = await sql<{ customer_id: string }>`
    select b.customer_id from franchisee_balances b
    left join (
      select customer_id, sum(funds_delta) as f, sum(credit_delta) as c from franchisee_ledger
      where company_id = ${companyId} group by 1
    ) l on l.customer_id = b.customer_id
    where b.company_id = ${companyId} and (b.funds <> coalesce(l.f, 0) or b.credit <> coalesce(l.c, 0))`.execute(db);
  return r.rows;
}
