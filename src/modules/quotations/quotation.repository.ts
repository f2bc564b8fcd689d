import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB, Db } from '../../db/database';
import { likePattern } from '../../lib/paging';
import type {
  InquiriesTable,
  InquiryStatus,
  QuotationLinesTable,
  QuotationStatus,
  QuotationsTable,
  QuotationVersionsTable,
} from './quotation.table';

/** The next number of the month for inquiries (XJ) or quotations (BJ): prefix + yyyyMM + '-' + 4 digits. */
export async function nextNumber(db: Db, companyId: string, table: 'inquiries' | 'quotations', prefix: string) {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('company_id', '=', companyId)
    .where('number', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();
  return `${prefix}${String(Number(r.n) + 1).padStart(4, '0')}`;
}

export async function insertInquiry(db: Db, row: Insertable<InquiriesTable>) {
  return db.insertInto('inquiries').values(row).returning('id').executeTakeFirstOrThrow();
}

function inquiriesQuery(db: Db, companyId: string) {
  return db
    .selectFrom('inquiries as i')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 'i.company_id').onRef('c.id', '=', 'i.customer_id'),
    )
    .leftJoin('users as u', 'u.id', 'i.handler_id')
    .selectAll('i')
    .select(['c.name as customer_name', 'c.code as customer_code', 'u.display_name as handler_name'])
    .where('i.company_id', '=', companyId);
}
export type InquiryRow = Awaited<ReturnType<ReturnType<typeof inquiriesQuery>['execute']>>[number];

export function findInquiry(db: Db, companyId: string, id: string) {
  return inquiriesQuery(db, companyId).where('i.id', '=', id).executeTakeFirst();
}

export async function listInquiries(
  db: Db,
  companyId: string,
  q: { status?: InquiryStatus; customerId?: string; q?: string; page: number; pageSize: number },
) {
  let query = inquiriesQuery(db, companyId);
  if (q.status) query = query.where('i.status', '=', q.status);
  if (q.customerId) query = query.where('i.customer_id', '=', q.customerId);
  if (q.q) {
    const p = likePattern(q.q);
    query = query.where((eb) =>
      eb.or([eb('i.number', 'ilike', p), eb('c.name', 'ilike', p), eb('i.description', 'ilike', p)]),
    );
  }
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const items = await query
    .orderBy('i.created_at', 'desc')
    .orderBy('i.number', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items, total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

export function lockInquiry(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('inquiries')
    .select(['id', 'status', 'customer_id', 'source'])
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertQuotation(db: Db, row: Insertable<QuotationsTable>) {
  return db.insertInto('quotations').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function updateQuotation(db: Db, companyId: string, id: string, patch: Updateable<QuotationsTable>) {
  await db.updateTable('quotations').set(patch).where('company_id', '=', companyId).where('id', '=', id).execute();
}

function quotationsQuery(db: Db, companyId: string) {
  return db
    .selectFrom('quotations as q')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 'q.company_id').onRef('c.id', '=', 'q.customer_id'),
    )
    .leftJoin('inquiries as i', (j) => j.onRef('i.company_id', '=', 'q.company_id').onRef('i.id', '=', 'q.inquiry_id'))
    .leftJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'q.company_id').onRef('o.id', '=', 'q.order_id'))
    .leftJoin('users as u', 'u.id', 'q.created_by')
    .selectAll('q')
    .select([
      'c.name as customer_name',
      'c.code as customer_code',
      'i.number as inquiry_number',
      'o.number as order_number',
      'u.display_name as created_by_name',
    ])
    .where('q.company_id', '=', companyId);
}
export type QuotationRow = Awaited<ReturnType<ReturnType<typeof quotationsQuery>['execute']>>[number];

export function findQuotation(db: Db, companyId: string, id: string) {
  return quotationsQuery(db, companyId).where('q.id', '=', id).executeTakeFirst();
}

export async function listQuotations(
  db: Db,
  companyId: string,
  q: { status?: QuotationStatus; customerId?: string; q?: string; page: number; pageSize: number },
) {
  let query = quotationsQuery(db, companyId);
  if (q.status) query = query.where('q.status', '=', q.status);
  if (q.customerId) query = query.where('q.customer_id', '=', q.customerId);
  if (q.q) {
    const p = likePattern(q.q);
    query = query.where((eb) => eb.or([eb('q.number', 'ilike', p), eb('c.name', 'ilike', p)]));
  }
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const items = await query
    .orderBy('q.created_at', 'desc')
    .orderBy('q.number', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items, total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

export function lockQuotation(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('quotations')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertVersion(db: Db, row: Insertable<QuotationVersionsTable>) {
  await db.insertInto('quotation_versions').values(row).execute();
}

export async function insertLines(db: Db, rows: Insertable<QuotationLinesTable>[]) {
  if (rows.length) await db.insertInto('quotation_lines').values(rows).execute();
}

export function findLines(db: Db, companyId: string, quotationId: string, version: number) {
  return db
    .selectFrom('quotation_lines')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('quotation_id', '=', quotationId)
    .where('version', '=', version)
    .orderBy('line_no')
    .execute();
}
export type QuotationLineRow = Awaited<ReturnType<typeof findLines>>[number];

/** The lines of a version still an inquiry's free description, by number. */
export async function unmatchedLines(db: Db, companyId: string, quotationId: string, version: number) {
  const rows = await db
    .selectFrom('quotation_lines')
    .select(['line_no', 'name'])
    .where('company_id', '=', companyId)
    .where('quotation_id', '=', quotationId)
    .where('version', '=', version)
    .where('product_id', 'is', null)
    .orderBy('line_no')
    .execute();
  return rows.map((r) => ({ line: r.line_no, description: r.name }));
}

/** The current version's lines of several quotations, in one query (the list). */
export function findCurrentLines(db: Db, companyId: string, quotationIds: string[]) {
  if (quotationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('quotation_lines as l')
    .innerJoin('quotations as q', (j) =>
      j
        .onRef('q.company_id', '=', 'l.company_id')
        .onRef('q.id', '=', 'l.quotation_id')
        .onRef('q.version', '=', 'l.version'),
    )
    .selectAll('l')
    .where('l.company_id', '=', companyId)
    .where('l.quotation_id', 'in', quotationIds)
    .orderBy('l.quotation_id')
    .orderBy('l.line_no')
    .execute();
}

export function listVersions(db: Db, companyId: string, quotationId: string) {
  return db
    .selectFrom('quotation_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .selectAll('v')
    .select('u.display_name as created_by_name')
    .where('v.company_id', '=', companyId)
    .where('v.quotation_id', '=', quotationId)
    .orderBy('v.version', 'desc')
    .execute();
}

/** Sent quotations whose validity ended before `today`, of every company (the expiry job). */
export function dueQuotations(db: Kysely<DB>, today: string) {
  return db
    .selectFrom('quotations')
    .select(['company_id', 'id', 'created_by'])
    .where('status', '=', 'sent')
    .where('valid_until', '<', today)
    .orderBy('valid_until')
    .limit(1000)
    .execute();
}

/**
 * Quotation → order conversion of the quotations made between two local days (inclusive, company time zone):
 * how many were made, sent to the customer (now sent or answered), accepted, and became an order.
 */
/** The orders registered from the quotations made from `from` to `to` (local days). */
export async function convertedOrderIds(db: Db, companyId: string, from: string, to: string, timeZone: string) {
  const day = sql<string>`(created_at at time zone ${timeZone})::date`;
  const rows = await db
    .selectFrom('quotations')
    .select('order_id')
    .where('company_id', '=', companyId)
    .where('order_id', 'is not', null)
    .where(day, '>=', from)
    .where(day, '<=', to)
    .execute();
  return rows.map((r) => r.order_id!);
}

export async function conversionCounts(db: Db, companyId: string, from: string, to: string, timeZone: string) {
  const day = sql<string>`(created_at at time zone ${timeZone})::date`;
  const r = await db
    .selectFrom('quotations')
    .select((eb) => [
      eb.fn.countAll<string>().as('made'),
      sql<string>`count(*) filter (where status in ('sent', 'accepted', 'declined', 'expired'))`.as('sent'),
      sql<string>`count(*) filter (where status = 'accepted')`.as('accepted'),
      sql<string>`count(order_id)`.as('ordered'),
    ])
    .where('company_id', '=', companyId)
    .where(day, '>=', from)
    .where(day, '<=', to)
    .executeTakeFirstOrThrow();
  return { made: Number(r.made), sent: Number(r.sent), accepted: Number(r.accepted), ordered: Number(r.ordered) };
}
