import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database';
import type { BalanceKey } from './stock.repository';
import type { StockEarmarksTable } from './earmark.table';

export type OpenEarmark = BalanceKey & { id: string; customerId: string; remaining: number };

/**
 * The open earmarks of these balances, locked (taken after the balance rows, so in the same fixed order), oldest
 * first: what a customer's reservation takes first, and what nobody else's may take.
 */
export async function lockOpenEarmarks(db: Db, companyId: string, keys: BalanceKey[]): Promise<OpenEarmark[]> {
  if (!keys.length) return [];
  const r = await sql<{ id: string; warehouse_id: string; product_id: string; customer_id: string; remaining: number }>`
    select e.id, e.warehouse_id, e.product_id, e.customer_id, e.remaining
      from stock_earmarks e
      join unnest(${keys.map((k) => k.warehouseId)}::uuid[], ${keys.map((k) => k.productId)}::uuid[]) as k(w, p)
        on e.warehouse_id = k.w and e.product_id = k.p
     where e.company_id = ${companyId} and e.remaining > 0
     order by e.warehouse_id, e.product_id, e.created_at, e.id
     for update of e`.execute(db);
  return r.rows.map((x) => ({
    id: x.id,
    warehouseId: x.warehouse_id,
    productId: x.product_id,
    customerId: x.customer_id,
    remaining: x.remaining,
  }));
}

/** Saves what is left of each earmark after a reservation took from it. */
export async function setRemaining(db: Db, companyId: string, rows: { id: string; remaining: number }[]) {
  if (!rows.length) return;
  await sql`
    update stock_earmarks e set remaining = k.remaining
      from unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.remaining)}::int[]) as k(id, remaining)
     where e.company_id = ${companyId} and e.id = k.id`.execute(db);
}

export function insertEarmark(db: Db, row: Insertable<StockEarmarksTable>) {
  return db.insertInto('stock_earmarks').values(row).returning('id').executeTakeFirstOrThrow();
}

export function earmarksOfPrep(db: Db, companyId: string, prepRequestId: string) {
  return db
    .selectFrom('stock_earmarks')
    .select(['id', 'product_id', 'customer_id', 'warehouse_id', 'qty', 'remaining', 'created_at', 'flagged_at'])
    .where('company_id', '=', companyId)
    .where('prep_request_id', '=', prepRequestId)
    .orderBy('created_at')
    .execute();
}

/** Companies with open earmarks not yet flagged (the idle-earmark job visits only these). */
export async function companiesWithOpenEarmarks(db: Db): Promise<string[]> {
  const r = await db
    .selectFrom('stock_earmarks')
    .select('company_id')
    .distinct()
    .where('remaining', '>', 0)
    .where('flagged_at', 'is', null)
    .execute();
  return r.map((x) => x.company_id);
}

/**
 * Earmarks unused (something left) since before `before`, flagged once: the update claims each row for exactly one
 * run, so two app instances never report it twice.
 */
export function flagIdleEarmarks(db: Db, companyId: string, before: Date, now: Date) {
  return db
    .updateTable('stock_earmarks')
    .set({ flagged_at: now })
    .where('company_id', '=', companyId)
    .where('remaining', '>', 0)
    .where('flagged_at', 'is', null)
    .where('created_at', '<', before)
    .returning(['id', 'product_id', 'customer_id', 'remaining'])
    .execute();
}
