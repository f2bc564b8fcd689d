import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database';
import { fetchPage, likePattern } from '../../lib/paging';
import type { MovementKind } from './stock.table';
import type { ListMovementsQuery, ListStockQuery } from './stock.schemas';
import { prepared } from '../../lib/sql';

export type BalanceKey = { warehouseId: string; productId: string };
export type BalanceRow = BalanceKey & { onHand: number; reserved: number };
export type MovementRow = BalanceKey & {
  kind: MovementKind;
  onHandDelta: number;
  reservedDelta: number;
  reason: string;
  reference: string;
  receiptId?: string;
};

const arrays = (keys: BalanceKey[]) => ({ w: keys.map((k) => k.warehouseId), p: keys.map((k) => k.productId) });

/** Creates missing balance rows (zero) so that they can be locked. */
export async function ensureBalances(db: Db, companyId: string, keys: BalanceKey[]) {
  const { w, p } = arrays(keys);
  await sql`
    insert into stock_balances (company_id, warehouse_id, product_id)
    select ${companyId}::uuid, k.w, k.p from unnest(${w}::uuid[], ${p}::uuid[]) as k(w, p)
    order by k.w, k.p
    on conflict do nothing`.execute(db);
}

/** Locks the balance rows in (warehouse, product) order — one fixed order, so no deadlock. */
export async function lockBalances(db: Db, companyId: string, keys: BalanceKey[]): Promise<BalanceRow[]> {
  const { w, p } = arrays(keys);
  const r = await sql<{
    warehouse_id: string;
    product_id: string;
    on_hand: number;
    reserved: number;
  }>`${prepared('stock.lock-balances')}
    select b.warehouse_id, b.product_id, b.on_hand, b.reserved
    from stock_balances b
    join unnest(${w}::uuid[], ${p}::uuid[]) as k(w, p) on b.warehouse_id = k.w and b.product_id = k.p
    where b.company_id = ${companyId}
    order by b.warehouse_id, b.product_id
    for update of b`.execute(db);
  return r.rows.map((x) => ({
    warehouseId: x.warehouse_id,
    productId: x.product_id,
    onHand: x.on_hand,
    reserved: x.reserved,
  }));
}

/** New balances and their ledger rows in one statement (one round trip while the rows are locked). */
export async function writeBalancesAndMovements(
  db: Db,
  companyId: string,
  actorId: string,
  balances: BalanceRow[],
  movements: MovementRow[],
) {
  const { w, p } = arrays(balances);
  await sql`${prepared('stock.write-balances')}
    with written as (
      update stock_balances b set on_hand = k.on_hand, reserved = k.reserved, updated_at = now()
      from unnest(${w}::uuid[], ${p}::uuid[], ${balances.map((r) => r.onHand)}::int[],
                  ${balances.map((r) => r.reserved)}::int[]) as k(w, p, on_hand, reserved)
      where b.company_id = ${companyId} and b.warehouse_id = k.w and b.product_id = k.p
      returning 1)
    ${movementsInsert(companyId, actorId, movements)}`.execute(db);
}

/**
 * The same write, done only if none of these balances has an open earmark (read in this statement, after the
 * caller locked the balances, so nothing committed meanwhile is missed); `alongside` is another write of the
 * caller's, done in the same statement. Returns false, having written nothing of its own, when an earmark is open.
 */
export async function writeUnlessEarmarked(
  db: Db,
  companyId: string,
  actorId: string,
  balances: BalanceRow[],
  movements: MovementRow[],
  alongside?: RawBuilder<unknown>,
): Promise<boolean> {
  const { w, p } = arrays(balances);
  const r = await sql<{ free: boolean }>`${prepared('stock.write-unless-earmarked')}
    with free as (
      select not exists (
        select 1 from stock_earmarks e join unnest(${w}::uuid[], ${p}::uuid[]) as k(w, p)
            on e.warehouse_id = k.w and e.product_id = k.p
         where e.company_id = ${companyId} and e.remaining > 0) as free),
    written as (
      update stock_balances b set on_hand = k.on_hand, reserved = k.reserved, updated_at = now()
      from unnest(${w}::uuid[], ${p}::uuid[], ${balances.map((r) => r.onHand)}::int[],
                  ${balances.map((r) => r.reserved)}::int[]) as k(w, p, on_hand, reserved)
      where (select free from free) and b.company_id = ${companyId} and b.warehouse_id = k.w and b.product_id = k.p
      returning 1),
    moved as (${movementsInsert(companyId, actorId, movements, sql`(select free from free)`)})
    ${alongside ? sql`, alongside as (${alongside})` : sql``}
    select free from free`.execute(db);
  return r.rows[0].free;
}

function movementsInsert(companyId: string, actorId: string, rows: MovementRow[], when = sql`true`) {
  const { w, p } = arrays(rows);
  return sql`
    insert into stock_movements (company_id, warehouse_id, product_id, kind, on_hand_delta, reserved_delta, reason,
                                 reference, actor_id, receipt_id)
    select ${companyId}::uuid, k.w, k.p, k.kind, k.oh, k.rs, k.reason, k.reference, ${actorId}::uuid, k.receipt_id
    from unnest(${w}::uuid[], ${p}::uuid[], ${rows.map((r) => r.kind)}::text[],
                ${rows.map((r) => r.onHandDelta)}::int[],
                ${rows.map((r) => r.reservedDelta)}::int[], ${rows.map((r) => r.reason)}::text[],
                ${rows.map((r) => r.reference)}::text[],
                ${rows.map((r) => r.receiptId ?? null)}::uuid[])
         with ordinality as k(w, p, kind, oh, rs, reason, reference, receipt_id, n)
    where ${when}
    order by k.n`;
}

function balancesQuery(db: Db, companyId: string, q: { q?: string; product?: string; warehouse?: string }) {
  let query = db
    .selectFrom('stock_balances as b')
    .innerJoin('products as p', (j) => j.onRef('p.company_id', '=', 'b.company_id').onRef('p.id', '=', 'b.product_id'))
    .innerJoin('warehouses as w', (j) =>
      j.onRef('w.company_id', '=', 'b.company_id').onRef('w.id', '=', 'b.warehouse_id'),
    )
    .select([
      'b.product_id',
      'p.sku',
      'p.name as product_name',
      'p.spec',
      'p.unit',
      'b.warehouse_id',
      'w.code as warehouse_code',
      'w.name as warehouse_name',
      'b.on_hand',
      'b.reserved',
      sql<number>`b.on_hand - b.reserved`.as('available'),
      'b.updated_at',
    ])
    .where('b.company_id', '=', companyId);
  if (q.product) query = query.where('b.product_id', '=', q.product);
  if (q.warehouse) query = query.where('b.warehouse_id', '=', q.warehouse);
  if (q.q)
    query = query.where((eb) =>
      eb.or([eb('p.sku', 'ilike', likePattern(q.q!)), eb('p.name', 'ilike', likePattern(q.q!))]),
    );
  return query;
}

export function listBalances(db: Db, companyId: string, q: ListStockQuery) {
  return fetchPage(
    balancesQuery(db, companyId, q),
    q,
    {
      sku: 'p.sku',
      warehouse: 'w.code',
      onHand: 'b.on_hand',
      reserved: 'b.reserved',
      available: 'available',
      updatedAt: 'b.updated_at',
    },
    'sku',
  );
}

export function allBalances(db: Db, companyId: string) {
  return balancesQuery(db, companyId, {}).orderBy('p.sku').orderBy('w.code').execute();
}

function movementsQuery(db: Db, companyId: string, q: Partial<ListMovementsQuery>) {
  let query = db
    .selectFrom('stock_movements as m')
    .innerJoin('products as p', (j) => j.onRef('p.company_id', '=', 'm.company_id').onRef('p.id', '=', 'm.product_id'))
    .innerJoin('warehouses as w', (j) =>
      j.onRef('w.company_id', '=', 'm.company_id').onRef('w.id', '=', 'm.warehouse_id'),
    )
    .leftJoin('users as u', 'u.id', 'm.actor_id')
    .select([
      'm.id',
      'm.at',
      'm.kind',
      'm.product_id',
      'p.sku',
      'p.name as product_name',
      'm.warehouse_id',
      'w.code as warehouse_code',
      'm.on_hand_delta',
      'm.reserved_delta',
      'm.reason',
      'm.reference',
      'm.actor_id',
      'u.display_name as actor_name',
    ])
    .where('m.company_id', '=', companyId);
  if (q.product) query = query.where('m.product_id', '=', q.product);
  if (q.warehouse) query = query.where('m.warehouse_id', '=', q.warehouse);
  if (q.kind) query = query.where('m.kind', '=', q.kind);
  if (q.q)
    query = query.where((eb) =>
      eb.or([
        eb('p.sku', 'ilike', likePattern(q.q!)),
        eb('m.reference', 'ilike', likePattern(q.q!)),
        eb('m.reason', 'ilike', likePattern(q.q!)),
      ]),
    );
  return query;
}

export function listMovements(db: Db, companyId: string, q: ListMovementsQuery) {
  return fetchPage(movementsQuery(db, companyId, q), q, { at: 'm.id', sku: 'p.sku', kind: 'm.kind' }, 'at');
}

export function allMovements(db: Db, companyId: string) {
  return movementsQuery(db, companyId, {}).orderBy('m.id').limit(100_000).execute();
}

/** Balances that differ from the sum of their movements (empty when the ledger holds). */
export async function ledgerMismatches(db: Db, companyId: string) {
  const r = await sql<{ warehouse_id: string; product_id: string }>`
    select b.warehouse_id, b.product_id from stock_balances b
    left join (select warehouse_id, product_id, sum(on_hand_delta)::int as oh, sum(reserved_delta)::int as rs
               from stock_movements where company_id = ${companyId} group by 1, 2) m
      on m.warehouse_id = b.warehouse_id and m.product_id = b.product_id
    where b.company_id = ${companyId} and (b.on_hand <> coalesce(m.oh, 0) or b.reserved <> coalesce(m.rs, 0))`.execute(
    db,
  );
  return r.rows;
}

/** A goods receipt's header (its lines are the stock movements that name it). */
export function insertGoodsReceipt(
  db: Db,
  row: { company_id: string; warehouse_id: string; reference: string; created_by: string },
) {
  return db.insertInto('goods_receipts').values(row).returning('id').executeTakeFirstOrThrow();
}
