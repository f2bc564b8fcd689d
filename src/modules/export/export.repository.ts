import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database';
import type { LettersOfCreditTable } from '../payments/payment.table';
import type { InspectionsTable, LcVersionsTable } from './export.table';

const NONE = '00000000-0000-0000-0000-000000000000';

export function findExportOrder(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('orders')
    .select([
      'id',
      'number',
      'status',
      'export',
      'currency',
      'payment_method',
      'registrar_id',
      'expected_delivery_date',
      'total',
    ])
    .where('company_id', '=', companyId)
    .where('id', '=', orderId)
    .executeTakeFirst();
}

export function exportOrdersAmong(db: Db, companyId: string, orderIds: string[]) {
  return db
    .selectFrom('orders')
    .select(['id', 'number', 'payment_method'])
    .where('company_id', '=', companyId)
    .where('id', 'in', orderIds.length ? orderIds : [NONE])
    .where('export', '=', true)
    .execute();
}

export async function insertLc(db: Db, row: Insertable<LettersOfCreditTable>) {
  return db.insertInto('letters_of_credit').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertLcVersion(db: Db, row: Insertable<LcVersionsTable>) {
  await db.insertInto('lc_versions').values(row).execute();
}

export async function setVersionDiscrepancies(db: Db, companyId: string, lcId: string, version: number, d: string[]) {
  await db
    .updateTable('lc_versions')
    .set({ discrepancies: JSON.stringify(d) })
    .where('company_id', '=', companyId)
    .where('lc_id', '=', lcId)
    .where('version', '=', version)
    .execute();
}

const lcColumns = [
  'l.id',
  'l.order_id',
  'o.number as order_number',
  'l.number',
  'l.status',
  'l.version',
  'l.amount',
  'l.currency',
  'l.expiry_date',
  'l.latest_shipment_date',
  'l.documents_required',
  'l.discrepancies',
  'l.received_on',
  'l.checked_by',
  'l.checked_at',
  'l.created_at',
] as const;

function lcQuery(db: Db, companyId: string) {
  return db
    .selectFrom('letters_of_credit as l')
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'l.company_id').onRef('o.id', '=', 'l.order_id'))
    .select(lcColumns)
    .where('l.company_id', '=', companyId);
}
export type LcRow = NonNullable<Awaited<ReturnType<typeof findLc>>>;

export function findLc(db: Db, companyId: string, id: string) {
  return lcQuery(db, companyId).where('l.id', '=', id).executeTakeFirst();
}

export function lockLc(db: Db, companyId: string, id: string) {
  return lcQuery(db, companyId).where('l.id', '=', id).forUpdate('l').executeTakeFirst();
}

/** The order's newest letter of credit (its current version is on the row). */
export function latestLcOfOrder(db: Db, companyId: string, orderId: string) {
  return lcQuery(db, companyId)
    .where('l.order_id', '=', orderId)
    .orderBy('l.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function listLcs(db: Db, companyId: string, orderId?: string) {
  let q = lcQuery(db, companyId).orderBy('l.created_at', 'desc').limit(500);
  if (orderId) q = q.where('l.order_id', '=', orderId);
  return q.execute();
}

export function lcVersions(db: Db, companyId: string, lcId: string) {
  return db
    .selectFrom('lc_versions')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('lc_id', '=', lcId)
    .orderBy('version')
    .execute();
}

export async function insertInspection(db: Db, row: Insertable<InspectionsTable>) {
  return db.insertInto('inspections').values(row).returning('id').executeTakeFirstOrThrow();
}

function inspectionQuery(db: Db, companyId: string) {
  return db
    .selectFrom('inspections as i')
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'i.company_id').onRef('o.id', '=', 'i.order_id'))
    .select([
      'i.id',
      'i.order_id',
      'o.number as order_number',
      'i.booked_for',
      'i.inspector',
      'i.status',
      'i.note',
      'i.result_at',
      'i.waive_reason',
      'i.waived_at',
      'i.created_at',
    ])
    .where('i.company_id', '=', companyId);
}

export function findInspection(db: Db, companyId: string, id: string) {
  return inspectionQuery(db, companyId).where('i.id', '=', id).executeTakeFirst();
}

export function lockInspection(db: Db, companyId: string, id: string) {
  return inspectionQuery(db, companyId).where('i.id', '=', id).forUpdate('i').executeTakeFirst();
}

/** The order's newest inspection: a re-inspection replaces the one before. */
export function latestInspection(db: Db, companyId: string, orderId: string) {
  return inspectionQuery(db, companyId)
    .where('i.order_id', '=', orderId)
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id')
    .limit(1)
    .executeTakeFirst();
}

export function listInspections(db: Db, companyId: string, f: { orderId?: string; status?: string }) {
  let q = inspectionQuery(db, companyId).orderBy('i.booked_for', 'desc').limit(500);
  if (f.orderId) q = q.where('i.order_id', '=', f.orderId);
  if (f.status) q = q.where('i.status', '=', f.status as never);
  return q.execute();
}

/** Open export orders shipping by `until` with no inspection booked at all. */
export function exportOrdersWithoutInspection(
  db: Db,
  companyId: string,
  statuses: readonly string[],
  until: string,
  /** Leaves out the orders whose registrar was already reminded on this day. */
  day: string,
) {
  return db
    .selectFrom('orders as o')
    .select(['o.id', 'o.number', 'o.registrar_id', 'o.expected_delivery_date'])
    .where('o.company_id', '=', companyId)
    .where('o.export', '=', true)
    .where('o.status', 'in', statuses as never)
    .where('o.expected_delivery_date', '<=', until)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('inspections as i')
            .select('i.id')
            .whereRef('i.company_id', '=', 'o.company_id')
            .whereRef('i.order_id', '=', 'o.id'),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('notifications as n')
            .select('n.id')
            .whereRef('n.company_id', '=', 'o.company_id')
            .whereRef('n.order_id', '=', 'o.id')
            .where('n.kind', '=', 'inspection_not_booked')
            .where(sql<string>`n.params->>'day'`, '=', day),
        ),
      ),
    )
    .execute();
}

export function companyIds(db: Db) {
  return db.selectFrom('companies').select('id').execute();
}

/** A company's inspection reminders are sent by one run at a time (two instances, or a retry beside a late run). */
export async function lockInspectionReminders(db: Db, companyId: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`inspection_reminders:${companyId}`}))`.execute(db);
}
