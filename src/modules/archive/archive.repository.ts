import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { fetchPage, likePattern } from '../../lib/paging';
import type { PageQuery } from '../../lib/schemas';
import { settlementOf } from '../payments/payment.repository';

/** The archived ones among the given orders, with their numbers. */
export function findArchived(db: Db, companyId: string, orderIds: string[]) {
  if (!orderIds.length) return Promise.resolve([] as { id: string; number: string }[]);
  return db
    .selectFrom('orders')
    .select(['id', 'number'])
    .where('company_id', '=', companyId)
    .where('id', 'in', orderIds)
    .where('archived_at', 'is not', null)
    .execute();
}

/** Things that belong to orders, by the table that holds their `order_id`. */
export type OrderPart = 'change' | 'complaint' | 'return' | 'callback' | 'shipment' | 'receipt';

const PART_TABLE: Record<OrderPart, { table: string; key: string }> = {
  change: { table: 'change_requests', key: 'id' },
  complaint: { table: 'complaints', key: 'id' },
  return: { table: 'return_requests', key: 'id' },
  callback: { table: 'callbacks', key: 'id' },
  shipment: { table: 'shipment_lines', key: 'shipment_id' },
  receipt: { table: 'receipt_applications', key: 'receipt_id' },
};

/** The orders a change, complaint, return, call-back, shipment or receipt belongs to. */
export async function ordersOfPart(db: Db, companyId: string, part: OrderPart, id: string): Promise<string[]> {
  const { table, key } = PART_TABLE[part];
  const r = await sql<{ order_id: string }>`
    select distinct order_id from ${sql.table(table)}
    where company_id = ${companyId} and ${sql.ref(key)} = ${id}::uuid`.execute(db);
  return r.rows.map((x) => x.order_id);
}

/**
 * Orders ready for the archive and not archived yet: completed, cancelled, or short-closed and delivered; nothing
 * owed (paid and allowed cover the total; a cancelled order owes nothing); no change, complaint or return open.
 * Each comes with its last delivery, so the caller can wait out the return window.
 */
export async function findArchivable(db: Db, scope: { companyId?: string; orderIds?: string[]; cancelled?: boolean }) {
  if (scope.orderIds && !scope.orderIds.length) return [];
  const r = await sql<{ company_id: string; id: string; status: string; last_delivered_at: Date | null }>`
    select o.company_id, o.id, o.status,
      (select max(sh.delivered_at) from shipments sh where sh.company_id = o.company_id and sh.id in (
        select sl.shipment_id from shipment_lines sl where sl.company_id = o.company_id and sl.order_id = o.id)
      ) as last_delivered_at
    from orders o cross join ${settlementOf('o')} s
    where o.archived_at is null
      ${scope.companyId ? sql`and o.company_id = ${scope.companyId}` : sql``}
      ${scope.orderIds ? sql`and o.id = any(${scope.orderIds}::uuid[])` : sql``}
      and (o.status = 'completed' or (o.status = 'delivered' and o.short_closed_at is not null)
        ${scope.cancelled === false ? sql`` : sql`or o.status = 'cancelled'`})
      and (o.status = 'cancelled' or o.total - s.allowances - s.paid <= 0)
      and not exists (select 1 from change_requests c where c.company_id = o.company_id and c.order_id = o.id
        and c.status in ('draft', 'submitted', 'approved'))
      and not exists (select 1 from complaints c where c.company_id = o.company_id and c.order_id = o.id
        and c.status <> 'closed')
      and not exists (select 1 from return_requests x where x.company_id = o.company_id and x.order_id = o.id
        and x.status not in ('closed', 'rejected'))
    order by o.company_id, o.id`.execute(db);
  return r.rows;
}

/** Sets the archive mark once; false when the order was archived already. */
export async function markArchived(db: Db, companyId: string, orderId: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('orders')
    .set({ archived_at: at })
    .where('company_id', '=', companyId)
    .where('id', '=', orderId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function findArchivedAt(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('orders')
    .select('archived_at')
    .where('company_id', '=', companyId)
    .where('id', '=', orderId)
    .executeTakeFirst();
}

/** The receipts applied to an order, oldest first. */
export function orderReceipts(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('receipt_applications as a')
    .innerJoin('customer_receipts as r', (j) =>
      j.onRef('r.id', '=', 'a.receipt_id').onRef('r.company_id', '=', 'a.company_id'),
    )
    .select(['r.received_on', 'r.method', 'r.reference', 'r.amount as receipt_amount', 'a.amount', 'a.created_at'])
    .where('a.company_id', '=', companyId)
    .where('a.order_id', '=', orderId)
    .orderBy('a.created_at')
    .execute();
}

/** What the order was billed for (at shipment) and what was allowed or credited back. */
export function orderReceivables(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('receivables')
    .select(['kind', 'amount', 'due_date', 'created_at'])
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .orderBy('created_at')
    .execute();
}

export function orderCallbacks(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('callbacks')
    .select(['status', 'outcome', 'notes', 'due_at', 'done_at'])
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .orderBy('due_at')
    .execute();
}

export type ArchiveFilter = { q?: string; from?: string; to?: string; timeZone: string };

/** Archived orders by number, customer, product name or code; from/to on the day the order was finished. */
export function searchArchive(db: Db, companyId: string, f: ArchiveFilter, page: PageQuery) {
  const finished = sql<Date>`coalesce(
    (select max(h.at) from state_history h where h.company_id = o.company_id and h.entity_type = 'order'
      and h.entity_id = o.id and h.to_state in ('completed', 'cancelled')),
    o.short_closed_at, o.archived_at)`;
  const finishedOn = sql<string>`to_char(${finished} at time zone ${f.timeZone}, 'YYYY-MM-DD')`;
  let q = db
    .selectFrom('orders as o')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.id', '=', 'o.customer_id').onRef('c.company_id', '=', 'o.company_id'),
    )
    .select([
      'o.id',
      'o.number',
      'o.status',
      'o.order_date',
      'o.total',
      'o.archived_at',
      'c.name as customer_name',
      'c.code as customer_code',
      finishedOn.as('finished_on'),
      sql<string>`(select string_agg(l.name, '、' order by l.line_no) from order_lines l
        where l.company_id = o.company_id and l.order_id = o.id)`.as('products'),
    ])
    .where('o.company_id', '=', companyId)
    .where('o.archived_at', 'is not', null);
  if (f.q) {
    const like = likePattern(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('o.number', 'ilike', like),
        eb('c.name', 'ilike', like),
        eb('c.code', 'ilike', like),
        eb.exists(
          eb
            .selectFrom('order_lines as l')
            .select('l.line_no')
            .whereRef('l.company_id', '=', 'o.company_id')
            .whereRef('l.order_id', '=', 'o.id')
            .where((e) => e.or([e('l.name', 'ilike', like), e('l.sku', 'ilike', like)])),
        ),
      ]),
    );
  }
  if (f.from) q = q.where(finishedOn, '>=', f.from);
  if (f.to) q = q.where(finishedOn, '<=', f.to);
  return fetchPage(
    q,
    page,
    { finishedOn: 'finished_on', number: 'o.number', total: 'o.total', archivedAt: 'o.archived_at' },
    'finishedOn',
    'o.id',
  );
}
