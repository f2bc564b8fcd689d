import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database';
import type { ProductionRequestsTable, ProductionRequestStatus } from './production.table';

const columns = [
  'p.id',
  'p.order_id',
  'o.number as order_number',
  'p.prep_request_id',
  'q.number as prep_number',
  'p.line_no',
  'p.product_id',
  'pr.sku',
  'pr.name as product_name',
  'p.qty',
  'p.status',
  'p.due_at',
  'p.completion_date',
  'p.reason',
  'p.answered_by',
  'p.answered_at',
  'p.created_at',
  'p.last_progress_at',
  'p.progress_note',
] as const;

function requestsQuery(db: Db, companyId: string) {
  return db
    .selectFrom('production_requests as p')
    .leftJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'p.company_id').onRef('o.id', '=', 'p.order_id'))
    .leftJoin('prep_requests as q', (j) =>
      j.onRef('q.company_id', '=', 'p.company_id').onRef('q.id', '=', 'p.prep_request_id'),
    )
    .innerJoin('products as pr', (j) =>
      j.onRef('pr.company_id', '=', 'p.company_id').onRef('pr.id', '=', 'p.product_id'),
    )
    .select(columns)
    .where('p.company_id', '=', companyId);
}
export type ProductionRequestRow = Awaited<ReturnType<ReturnType<typeof requestsQuery>['execute']>>[number];

export function findRequest(db: Db, companyId: string, id: string) {
  return requestsQuery(db, companyId).where('p.id', '=', id).executeTakeFirst();
}

export function listRequests(db: Db, companyId: string, q: { status?: ProductionRequestStatus; orderId?: string }) {
  let query = requestsQuery(db, companyId);
  if (q.status) query = query.where('p.status', '=', q.status);
  if (q.orderId) query = query.where('p.order_id', '=', q.orderId);
  return query.orderBy('p.due_at').orderBy('o.number').limit(500).execute();
}

export function listForOrder(db: Db, companyId: string, orderId: string) {
  return requestsQuery(db, companyId)
    .where('p.order_id', '=', orderId)
    .orderBy('p.created_at')
    .orderBy('p.line_no')
    .execute();
}

export async function insertRequests(db: Db, rows: Insertable<ProductionRequestsTable>[]) {
  if (rows.length) await db.insertInto('production_requests').values(rows).execute();
}

/** Locks one request before a move. */
export function lockRequest(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('production_requests')
    .select(['id', 'status', 'order_id', 'prep_request_id', 'product_id', 'qty'])
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Locks an order's requests in the given states, in id order. */
export function lockRequestsOfOrder(
  db: Db,
  companyId: string,
  orderId: string,
  statuses: readonly ProductionRequestStatus[],
) {
  return db
    .selectFrom('production_requests')
    .select(['id', 'status', 'line_no', 'qty'])
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .where('status', 'in', [...statuses])
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function countRequestsOfOrder(
  db: Db,
  companyId: string,
  orderId: string,
  statuses: readonly ProductionRequestStatus[],
): Promise<number> {
  const r = await db
    .selectFrom('production_requests')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .where('status', 'in', [...statuses])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** What a gate needs to know of the request's order. */
export function orderPaymentFacts(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('orders')
    .select(['id', 'number', 'total', 'payment_method', 'deposit_percent', 'expected_delivery_date'])
    .where('company_id', '=', companyId)
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
}

export function orderNotice(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('orders')
    .select(['number', 'registrar_id'])
    .where('company_id', '=', companyId)
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
}

/**
 * Schedules in `statuses` not updated for a week, flagged once per lapse (a new progress report re-arms the
 * flag); returns what was newly flagged. The flag is a mark, not a state.
 */
export async function flagLateProgress(
  db: Db,
  companyId: string,
  now: Date,
  statuses: readonly ProductionRequestStatus[],
) {
  const lastReport = sql<Date>`coalesce(p.last_progress_at, p.answered_at, p.created_at)`;
  return db
    .updateTable('production_requests as p')
    .from('orders as o')
    .set({ progress_flagged_at: now })
    .where('p.company_id', '=', companyId)
    .whereRef('o.company_id', '=', 'p.company_id')
    .whereRef('o.id', '=', 'p.order_id')
    .where('p.status', 'in', [...statuses])
    .where(lastReport, '<', sql<Date>`${now}::timestamptz - interval '7 days'`)
    .where((eb) => eb.or([eb('p.progress_flagged_at', 'is', null), eb('p.progress_flagged_at', '<', lastReport)]))
    .returning(['p.id', 'p.order_id', 'o.number'])
    .execute();
}

/** A prep request's production requests and their states. */
export function requestsOfPrep(db: Db, companyId: string, prepRequestId: string) {
  return requestsQuery(db, companyId).where('p.prep_request_id', '=', prepRequestId).orderBy('p.created_at').execute();
}
