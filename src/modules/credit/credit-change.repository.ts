import type { Insertable } from 'kysely';
import type { Db } from '../../db/database';
import type { CreditChangeRequestsTable, CreditChangeStatus } from './credit-change.table';

const requestColumns = [
  'r.id',
  'r.customer_id',
  'c.code as customer_code',
  'c.name as customer_name',
  'r.status',
  'r.old_credit_limit',
  'r.new_credit_limit',
  'r.old_payment_method',
  'r.new_payment_method',
  'r.old_payment_days',
  'r.new_payment_days',
  'r.reason',
  'r.requested_by',
  'ru.display_name as requested_by_name',
  'r.requested_at',
  'r.decided_by',
  'du.display_name as decided_by_name',
  'r.decided_at',
  'r.decision_note',
] as const;

function requestsQuery(db: Db, companyId: string) {
  return db
    .selectFrom('credit_change_requests as r')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 'r.company_id').onRef('c.id', '=', 'r.customer_id'),
    )
    .innerJoin('users as ru', 'ru.id', 'r.requested_by')
    .leftJoin('users as du', 'du.id', 'r.decided_by')
    .select(requestColumns)
    .where('r.company_id', '=', companyId);
}
export type CreditChangeRequestRow = Awaited<ReturnType<ReturnType<typeof requestsQuery>['execute']>>[number];

export function findRequest(db: Db, companyId: string, id: string) {
  return requestsQuery(db, companyId).where('r.id', '=', id).executeTakeFirst();
}

/** Locks the request before it is decided, so two controllers cannot decide it twice. */
export function lockRequest(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('credit_change_requests')
    .select(['id', 'customer_id', 'status', 'requested_by'])
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function listRequests(
  db: Db,
  companyId: string,
  q: { statuses?: readonly CreditChangeStatus[]; customerId?: string },
) {
  let query = requestsQuery(db, companyId);
  if (q.statuses) query = query.where('r.status', 'in', [...q.statuses]);
  if (q.customerId) query = query.where('r.customer_id', '=', q.customerId);
  return query.orderBy('r.requested_at', 'desc').limit(500).execute();
}

export async function insertRequest(db: Db, row: Insertable<CreditChangeRequestsTable>) {
  const r = await db.insertInto('credit_change_requests').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export { insertCreditChanges } from '../customers/customer.repository';

export function listCreditChanges(db: Db, companyId: string, customerId: string) {
  return db
    .selectFrom('customer_credit_changes as h')
    .innerJoin('users as u', 'u.id', 'h.changed_by')
    .select([
      'h.id',
      'h.field',
      'h.old_value',
      'h.new_value',
      'h.reason',
      'h.changed_by',
      'u.display_name as changed_by_name',
      'h.changed_at',
      'h.request_id',
    ])
    .where('h.company_id', '=', companyId)
    .where('h.customer_id', '=', customerId)
    .orderBy('h.id', 'desc')
    .execute();
}
