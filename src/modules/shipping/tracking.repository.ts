import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database';
import { LEFT_WAREHOUSE } from './shipment.machine';
import type { LogisticsExceptionsTable, TrackingEventsTable } from './shipment.table';

// 物流跟踪: tracking events and logistics exceptions.

/** The events recorded for a tracking number (what the manual carrier adapter answers). */
export async function eventsOfTrackingNo(db: Db, companyId: string, trackingNo: string) {
  const r = await sql<{ at: Date; location: string; description: string }>`select e.at, e.location, e.description
    from tracking_events e join shipments s on s.company_id = e.company_id and s.id = e.shipment_id
    where e.company_id = ${companyId} and s.tracking_no = ${trackingNo} order by e.at`.execute(db);
  return r.rows;
}

/** Tracking number → id of the shipments that have left the warehouse, for the numbers given. */
export async function shippedByTrackingNo(db: Db, companyId: string, numbers: string[]) {
  const rows = await db
    .selectFrom('shipments')
    .select(['id', 'tracking_no'])
    .where('company_id', '=', companyId)
    .where('tracking_no', 'in', numbers.length ? numbers : [''])
    .where('status', 'in', LEFT_WAREHOUSE)
    .execute();
  return new Map(rows.map((s) => [s.tracking_no, s.id]));
}

export function findShipmentLastEvent(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('shipments')
    .select(['id', 'last_event_at'])
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertTrackingEvent(db: Db, row: Insertable<TrackingEventsTable>) {
  await db.insertInto('tracking_events').values(row).execute();
}

export async function setLastEventAt(db: Db, companyId: string, id: string, at: Date) {
  await db
    .updateTable('shipments')
    .set({ last_event_at: at })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute();
}

/** Shipped, not delivered, and no tracking movement since the given time. */
export function shipmentsQuietSince(db: Db, companyId: string, since: Date) {
  return db
    .selectFrom('shipments')
    .select(['id', 'number', 'carrier', 'tracking_no', 'shipped_at', 'last_event_at'])
    .where('company_id', '=', companyId)
    .where('status', '=', 'shipped')
    .where((eb) =>
      eb.or([eb('last_event_at', '<', since), eb.and([eb('last_event_at', 'is', null), eb('shipped_at', '<', since)])]),
    )
    .orderBy('last_event_at')
    .execute();
}

export function insertLogisticsException(db: Db, row: Insertable<LogisticsExceptionsTable>) {
  return db
    .insertInto('logistics_exceptions')
    .values(row)
    .returning(['id', 'type', 'status'])
    .executeTakeFirstOrThrow();
}

export function lockLogisticsException(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('logistics_exceptions')
    .select(['status'])
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function listLogisticsExceptions(
  db: Db,
  companyId: string,
  f: { status?: 'open' | 'closed'; orderId?: string },
) {
  let q = db
    .selectFrom('logistics_exceptions as x')
    .innerJoin('shipments as s', (j) =>
      j.onRef('s.company_id', '=', 'x.company_id').onRef('s.id', '=', 'x.shipment_id'),
    )
    .select([
      'x.id',
      'x.shipment_id',
      's.number',
      'x.type',
      'x.found_at',
      'x.action',
      'x.result',
      'x.customer_informed',
      'x.status',
    ])
    .where('x.company_id', '=', companyId);
  if (f.status) q = q.where('x.status', '=', f.status);
  if (f.orderId) {
    const orderId = f.orderId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('shipment_lines as l')
          .select('l.line_no')
          .whereRef('l.company_id', '=', 'x.company_id')
          .whereRef('l.shipment_id', '=', 'x.shipment_id')
          .where('l.order_id', '=', orderId),
      ),
    );
  }
  return q.orderBy('x.found_at', 'desc').limit(500).execute();
}
