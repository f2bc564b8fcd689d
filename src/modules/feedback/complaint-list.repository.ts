import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { fetchPage, likePattern } from '../../lib/paging';
import type { PageQuery } from '../../lib/schemas';
import type { ComplaintStatus } from './feedback.table';

// 投诉列表: complaints as customer service filters them, one page or all of it for the export.

export type ComplaintFilter = {
  status?: ComplaintStatus;
  customerId?: string;
  /** Registered on or after / before this calendar day (YYYY-MM-DD) in the company's time zone. */
  from?: string;
  to?: string;
  q?: string;
  timeZone: string;
};

function filteredComplaints(db: Db, companyId: string, f: ComplaintFilter) {
  let query = db
    .selectFrom('complaints as c')
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'c.company_id').onRef('o.id', '=', 'c.order_id'))
    .innerJoin('customers as cu', (j) =>
      j.onRef('cu.company_id', '=', 'o.company_id').onRef('cu.id', '=', 'o.customer_id'),
    )
    .select([
      'c.id',
      'c.order_id',
      'o.number',
      'o.customer_id',
      'cu.code as customer_code',
      'cu.name as customer_name',
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
      'c.created_at',
    ])
    .where('c.company_id', '=', companyId);
  if (f.status) query = query.where('c.status', '=', f.status);
  if (f.customerId) query = query.where('o.customer_id', '=', f.customerId);
  const day = sql<string>`to_char(c.created_at at time zone ${f.timeZone}, 'YYYY-MM-DD')`;
  if (f.from) query = query.where(day, '>=', f.from);
  if (f.to) query = query.where(day, '<=', f.to);
  if (f.q) {
    const p = likePattern(f.q);
    query = query.where((eb) =>
      eb.or([eb('o.number', 'ilike', p), eb('cu.name', 'ilike', p), eb('c.description', 'ilike', p)]),
    );
  }
  return query;
}

export function pageComplaints(db: Db, companyId: string, q: PageQuery & ComplaintFilter) {
  return fetchPage(
    filteredComplaints(db, companyId, q),
    q,
    { dueAt: 'c.due_at', createdAt: 'c.created_at', number: 'o.number' },
    'dueAt',
  );
}

/** What the list shows under a filter, soonest due first, for the export (bounded). */
export function allComplaints(db: Db, companyId: string, f: ComplaintFilter, limit: number) {
  return filteredComplaints(db, companyId, f).orderBy('c.due_at').orderBy('c.id').limit(limit).execute();
}
export type ComplaintListRow = Awaited<ReturnType<typeof allComplaints>>[number];
