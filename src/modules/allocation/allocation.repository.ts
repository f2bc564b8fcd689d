import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database';
import type { AllocationRunsTable } from './allocation.table';
import type { OrderStatus } from '../orders/order.table';
import { OPEN_PICK_LIST } from './pick-list.machine';

// Queries of allocation runs: central receipts, what is available to allocate, and the runs themselves.

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
