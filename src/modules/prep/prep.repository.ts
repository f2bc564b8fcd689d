import type { Insertable } from 'kysely';
import type { Db } from '../../db/database';
import type { PrepRequestLinesTable, PrepRequestsTable, PrepRequestStatus } from './prep.table';

function requestsQuery(db: Db, companyId: string) {
  return db
    .selectFrom('prep_requests as q')
    .leftJoin('customers as c', (j) => j.onRef('c.company_id', '=', 'q.company_id').onRef('c.id', '=', 'q.customer_id'))
    .leftJoin('users as u', 'u.id', 'q.requested_by')
    .select([
      'q.id',
      'q.number',
      'q.kind',
      'q.status',
      'q.customer_id',
      'c.name as customer_name',
      'q.warehouse_id',
      'q.note',
      'q.expected_date',
      'q.amount',
      'q.requested_by',
      'u.display_name as requested_by_name',
      'q.decided_by',
      'q.decided_at',
      'q.decision_reason',
      'q.created_at',
    ])
    .where('q.company_id', '=', companyId);
}
export type PrepRequestRow = Awaited<ReturnType<ReturnType<typeof requestsQuery>['execute']>>[number];

export function listRequests(db: Db, companyId: string, q: { status?: PrepRequestStatus; customerId?: string }) {
  let query = requestsQuery(db, companyId);
  if (q.status) query = query.where('q.status', '=', q.status);
  if (q.customerId) query = query.where('q.customer_id', '=', q.customerId);
  return query.orderBy('q.created_at', 'desc').limit(500).execute();
}

export function findRequest(db: Db, companyId: string, id: string) {
  return requestsQuery(db, companyId).where('q.id', '=', id).executeTakeFirst();
}

export function lockRequest(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('prep_requests')
    .select(['id', 'number', 'status', 'amount', 'requested_by', 'customer_id', 'warehouse_id'])
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function insertRequest(db: Db, row: Insertable<PrepRequestsTable>) {
  return db.insertInto('prep_requests').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertLines(db: Db, rows: Insertable<PrepRequestLinesTable>[]) {
  if (rows.length) await db.insertInto('prep_request_lines').values(rows).execute();
}

export function findLines(db: Db, companyId: string, ids: string[]) {
  return db
    .selectFrom('prep_request_lines as l')
    .innerJoin('products as p', (j) => j.onRef('p.company_id', '=', 'l.company_id').onRef('p.id', '=', 'l.product_id'))
    .select(['l.prep_request_id', 'l.line_no', 'l.product_id', 'p.sku', 'p.name', 'l.qty', 'l.standard_cost'])
    .where('l.company_id', '=', companyId)
    .where('l.prep_request_id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000'])
    .orderBy('l.prep_request_id')
    .orderBy('l.line_no')
    .execute();
}
