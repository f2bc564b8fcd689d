import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database';
import type { PickListsTable } from './allocation.table';
import { OPEN_PICK_LIST, type PickListStatus } from './pick-list.machine';

// Queries of pick lists (拣货单) and the order lines they ship.

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

export type PickLineRow = {
  pickListId: string;
  lineNo: number;
  productId: string;
  qty: number;
  orderId: string | null;
  orderLineNo: number | null;
  unitPrice: string | null;
};

/** Many pick lists and all their lines in two statements (unnest of column arrays), ids made by the caller. */
export async function insertPickListsBulk(
  db: Db,
  companyId: string,
  lists: readonly Omit<Insertable<PickListsTable>, 'company_id'>[],
  lines: readonly PickLineRow[],
) {
  if (!lists.length) return;
  const col = <T, K extends keyof T>(rows: readonly T[], k: K) => rows.map((r) => r[k] ?? null);
  await sql`
    insert into pick_lists (company_id, id, run_id, warehouse_id, target_kind, target_id, target_name, status)
    select ${companyId}::uuid, k.*
    from unnest(${col(lists, 'id')}::uuid[], ${col(lists, 'run_id')}::uuid[], ${col(lists, 'warehouse_id')}::uuid[],
      ${col(lists, 'target_kind')}::text[], ${col(lists, 'target_id')}::text[], ${col(lists, 'target_name')}::text[],
      ${col(lists, 'status')}::text[]) as k(id, run_id, warehouse_id, target_kind, target_id, target_name, status)
  `.execute(db);
  if (!lines.length) return;
  await sql`
    insert into pick_list_lines (company_id, pick_list_id, line_no, product_id, qty, order_id, order_line_no,
      unit_price)
    select ${companyId}::uuid, k.*
    from unnest(${col(lines, 'pickListId')}::uuid[], ${col(lines, 'lineNo')}::int[], ${col(lines, 'productId')}::uuid[],
      ${col(lines, 'qty')}::int[], ${col(lines, 'orderId')}::uuid[], ${col(lines, 'orderLineNo')}::int[],
      ${col(lines, 'unitPrice')}::numeric[]) as k(pick_list_id, line_no, product_id, qty, order_id, order_line_no,
      unit_price)
  `.execute(db);
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

/** Goods receipts at central warehouses, with their allocation run if any. */
