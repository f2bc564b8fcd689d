import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { fetchPage, likePattern } from '../../lib/paging';
import type { PageQuery } from '../../lib/schemas';
import type { ShipmentStatus } from './shipment.table';

// 出库单列表: the shipment list as the warehouse and logistics filter it, one page or all of it for the export.

export type ShipmentFilter = {
  status?: ShipmentStatus;
  carrier?: string;
  customerId?: string;
  /** Created on or after / before this calendar day (YYYY-MM-DD) in the company's time zone. */
  from?: string;
  to?: string;
  q?: string;
  timeZone: string;
};

function filteredShipments(db: Db, companyId: string, f: ShipmentFilter) {
  let query = db
    .selectFrom('shipments as s')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 's.company_id').onRef('c.id', '=', 's.customer_id'),
    )
    .select([
      's.id',
      's.number',
      's.status',
      's.customer_id',
      'c.code as customer_code',
      'c.name as customer_name',
      's.carrier',
      's.tracking_no',
      's.pick_due_at',
      's.shipped_at',
      's.tracking_due_at',
      's.tracking_entered_at',
      's.delivered_at',
      's.signed_by',
      's.created_at',
    ])
    .where('s.company_id', '=', companyId);
  if (f.status) query = query.where('s.status', '=', f.status);
  if (f.carrier) query = query.where('s.carrier', 'ilike', likePattern(f.carrier));
  if (f.customerId) query = query.where('s.customer_id', '=', f.customerId);
  const day = sql<string>`to_char(s.created_at at time zone ${f.timeZone}, 'YYYY-MM-DD')`;
  if (f.from) query = query.where(day, '>=', f.from);
  if (f.to) query = query.where(day, '<=', f.to);
  if (f.q) {
    const p = likePattern(f.q);
    query = query.where((eb) =>
      eb.or([eb('s.number', 'ilike', p), eb('s.tracking_no', 'ilike', p), eb('c.name', 'ilike', p)]),
    );
  }
  return query;
}

export function pageShipments(db: Db, companyId: string, q: PageQuery & ShipmentFilter) {
  return fetchPage(
    filteredShipments(db, companyId, q),
    q,
    { createdAt: 's.created_at', number: 's.number', pickDueAt: 's.pick_due_at', shippedAt: 's.shipped_at' },
    'pickDueAt',
  );
}

/** What the list shows under a filter, in its default order, for the export (bounded). */
export function allShipments(db: Db, companyId: string, f: ShipmentFilter, limit: number) {
  return filteredShipments(db, companyId, f).orderBy('s.pick_due_at').orderBy('s.number').limit(limit).execute();
}
export type ShipmentListRow = Awaited<ReturnType<typeof allShipments>>[number];
