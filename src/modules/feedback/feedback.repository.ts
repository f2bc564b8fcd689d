import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database';
import type { CallbackStatus, CallbacksTable, ComplaintStatus, ComplaintsTable } from './feedback.table';

// 客户反馈: the queries of call-backs, complaints and return requests.

export function insertCallback(db: Db, row: Insertable<CallbacksTable>) {
  return db.insertInto('callbacks').values(row).returning('id').executeTakeFirstOrThrow();
}

export function listCallbacks(db: Db, companyId: string, status?: CallbackStatus) {
  let q = db
    .selectFrom('callbacks as b')
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'b.company_id').onRef('o.id', '=', 'b.order_id'))
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 'o.company_id').onRef('c.id', '=', 'o.customer_id'),
    )
    .select([
      'b.id',
      'b.order_id',
      'o.number',
      'c.name as customer_name',
      'b.shipment_id',
      'b.due_at',
      'b.status',
      'b.outcome',
      'b.notes',
      'b.done_at',
    ])
    .where('b.company_id', '=', companyId);
  if (status) q = q.where('b.status', '=', status);
  return q.orderBy('b.due_at').orderBy('b.id').limit(500).execute();
}
export type CallbackRow = Awaited<ReturnType<typeof listCallbacks>>[number];

export function findCallbackForUpdate(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('callbacks')
    .select(['status', 'order_id'])
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function insertComplaint(db: Db, row: Insertable<ComplaintsTable>) {
  return db.insertInto('complaints').values(row).returning('id').executeTakeFirstOrThrow();
}

const complaintColumns = [
  'c.id',
  'c.order_id',
  'o.number',
  'c.type',
  'c.description',
  'c.status',
  'c.due_at',
  'c.late_at',
  'c.resolution',
  'c.amount',
  'c.replacement_order_id',
  'c.return_request_id',
  'c.resolved_at',
  'c.close_result',
  'c.satisfaction',
  'c.closed_at',
] as const;

function complaints(db: Db, companyId: string) {
  return db
    .selectFrom('complaints as c')
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'c.company_id').onRef('o.id', '=', 'c.order_id'))
    .select(complaintColumns)
    .where('c.company_id', '=', companyId);
}

export function findComplaint(db: Db, companyId: string, id: string) {
  return complaints(db, companyId).where('c.id', '=', id).executeTakeFirst();
}
export type ComplaintRow = NonNullable<Awaited<ReturnType<typeof findComplaint>>>;

export function listComplaints(db: Db, companyId: string, q: { status?: ComplaintStatus; orderId?: string }) {
  let query = complaints(db, companyId);
  if (q.status) query = query.where('c.status', '=', q.status);
  if (q.orderId) query = query.where('c.order_id', '=', q.orderId);
  return query.orderBy('c.due_at').orderBy('c.id').limit(500).execute();
}

export function findComplaintForUpdate(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('complaints')
    .select(['id', 'order_id', 'status', 'type', 'description'])
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** The outcome of a resolution: the replacement order, the return request or the allowance granted. */
export function setComplaintResolution(
  db: Db,
  companyId: string,
  id: string,
  set: Pick<Partial<ComplaintsTable>, 'replacement_order_id' | 'return_request_id' | 'amount'>,
) {
  return db.updateTable('complaints').set(set).where('company_id', '=', companyId).where('id', '=', id).execute();
}

/** Complaints past their limit, marked once (the first runner wins). */
export function markLateComplaints(db: Db, now: Date) {
  return db
    .updateTable('complaints as c')
    .set({ late_at: now })
    .from('orders as o')
    .whereRef('o.company_id', '=', 'c.company_id')
    .whereRef('o.id', '=', 'c.order_id')
    .where('c.status', '=', 'open')
    .where('c.due_at', '<', now)
    .where('c.late_at', 'is', null)
    .returning(['c.company_id', 'c.id', 'c.order_id', 'o.number'])
    .execute();
}

export function insertReturnRequest(
  db: Db,
  row: { company_id: string; order_id: string; complaint_id: string; reason: string; created_by: string },
) {
  return db
    .insertInto('return_requests')
    .values({ ...row, status: 'requested' })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function orderLinesForReplacement(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('order_lines')
    .select(['product_id', 'qty'])
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .orderBy('line_no')
    .execute();
}

export function orderForComplaint(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('orders')
    .select(['id', 'customer_id', 'total', 'warehouse_id', 'delivery'])
    .where('company_id', '=', companyId)
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
}

/** The order's status, locked, before a complaint is registered on it. */
export function orderStatusForComplaint(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('orders')
    .select(['id', 'status'])
    .where('company_id', '=', companyId)
    .where('id', '=', orderId)
    .forUpdate()
    .executeTakeFirst();
}
