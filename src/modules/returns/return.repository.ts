import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database';
import type { PageQuery } from '../../lib/schemas';
import { fetchPage, likePattern } from '../../lib/paging';
import type { ReturnLinesTable, ReturnsTable, ReturnStatus } from './return.table';

/** Statuses whose requested units are on their way back: they count against what may still be returned. */
const PENDING: ReturnStatus[] = ['requested', 'approved', 'awaiting_goods', 'received'];

/** The order a return is made against, locked so two requests on it are taken one after the other. */
export function lockOrderForReturn(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('orders')
    .select(['id', 'number', 'customer_id', 'status', 'warehouse_id', 'total', 'delivery'])
    .where('company_id', '=', companyId)
    .where('id', '=', orderId)
    .forUpdate()
    .executeTakeFirst();
}

/** The order's lines with what was shipped, what came back and what is on its way back. */
export async function returnableLines(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('order_lines as l')
    .innerJoin('products as p', (j) => j.onRef('p.company_id', '=', 'l.company_id').onRef('p.id', '=', 'l.product_id'))
    .select((eb) => [
      'l.line_no',
      'l.product_id',
      'l.sku',
      'l.name',
      'l.spec',
      'l.unit',
      'l.unit_price',
      'l.shipped',
      'l.returned',
      'p.returnable',
      eb
        .selectFrom('return_lines as rl')
        .innerJoin('return_requests as r', (j) =>
          j.onRef('r.company_id', '=', 'rl.company_id').onRef('r.id', '=', 'rl.return_id'),
        )
        .select(sql<number>`coalesce(sum(rl.qty), 0)::int`.as('q'))
        .whereRef('rl.company_id', '=', 'l.company_id')
        .whereRef('r.order_id', '=', 'l.order_id')
        .whereRef('rl.line_no', '=', 'l.line_no')
        .where('r.status', 'in', PENDING)
        .as('pending'),
    ])
    .where('l.company_id', '=', companyId)
    .where('l.order_id', '=', orderId)
    .orderBy('l.line_no')
    .execute();
}

/** When the order's goods reached the customer (the last delivery), or null when none is delivered yet. */
export async function lastDelivery(db: Db, companyId: string, orderId: string) {
  const r = await db
    .selectFrom('shipments as s')
    .select((eb) => eb.fn.max('s.delivered_at').as('at'))
    .where('s.company_id', '=', companyId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('shipment_lines as l')
          .select('l.line_no')
          .whereRef('l.company_id', '=', 's.company_id')
          .whereRef('l.shipment_id', '=', 's.id')
          .where('l.order_id', '=', orderId),
      ),
    )
    .executeTakeFirst();
  return (r?.at as Date | null | undefined) ?? null;
}

/** Return numbers are taken one at a time per company (a transaction-scoped advisory lock). */
export async function lockReturnNumbers(db: Db, companyId: string) {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`return_numbers:${companyId}`}, 0))`.execute(db);
}

export async function countReturnsWithPrefix(db: Db, companyId: string, prefix: string) {
  const r = await db
    .selectFrom('return_requests')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('company_id', '=', companyId)
    .where('number', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function insertReturn(db: Db, row: Insertable<ReturnsTable>) {
  return (await db.insertInto('return_requests').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertReturnLines(db: Db, rows: Insertable<ReturnLinesTable>[]) {
  if (rows.length) await db.insertInto('return_lines').values(rows).execute();
}

const returnQuery = (db: Db, companyId: string) =>
  db
    .selectFrom('return_requests as r')
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'r.company_id').onRef('o.id', '=', 'r.order_id'))
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 'o.company_id').onRef('c.id', '=', 'o.customer_id'),
    )
    .leftJoin('orders as x', (j) =>
      j.onRef('x.company_id', '=', 'r.company_id').onRef('x.id', '=', 'r.replacement_order_id'),
    )
    .selectAll('r')
    .select([
      'o.number as order_number',
      'o.customer_id',
      'o.total as order_total',
      'c.name as customer_name',
      'c.code as customer_code',
      'x.number as replacement_order_number',
    ])
    .where('r.company_id', '=', companyId);

export type ReturnRow = NonNullable<Awaited<ReturnType<typeof findReturn>>>;

export function findReturn(db: Db, companyId: string, id: string) {
  return returnQuery(db, companyId).where('r.id', '=', id).executeTakeFirst();
}

export function lockReturn(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('return_requests')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export type ReturnFilter = {
  status?: ReturnStatus;
  orderId?: string;
  customerId?: string;
  from?: string;
  to?: string;
  q?: string;
};
// Requested on a day as the company sees it (China time, as the statements do).
const requestedOn = sql<string>`to_char(r.created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;

/**
 * Returns by status, order, customer, request date, and a search on the return or order number or the customer's
 * name or code.
 */
function filteredReturns(db: Db, companyId: string, f: ReturnFilter) {
  let query = returnQuery(db, companyId);
  if (f.status) query = query.where('r.status', '=', f.status);
  if (f.customerId) query = query.where('o.customer_id', '=', f.customerId);
  if (f.from) query = query.where(requestedOn, '>=', f.from);
  if (f.to) query = query.where(requestedOn, '<=', f.to);
  // An order's returns, and the return an exchange order replaces goods for (both ways).
  const orderId = f.orderId;
  if (orderId)
    query = query.where((eb) => eb.or([eb('r.order_id', '=', orderId), eb('r.replacement_order_id', '=', orderId)]));
  if (f.q) {
    const p = likePattern(f.q);
    query = query.where((eb) =>
      eb.or([
        eb('r.number', 'ilike', p),
        eb('o.number', 'ilike', p),
        eb('c.name', 'ilike', p),
        eb('c.code', 'ilike', p),
      ]),
    );
  }
  return query;
}

export function listReturns(db: Db, companyId: string, q: PageQuery & ReturnFilter) {
  return fetchPage(
    filteredReturns(db, companyId, q),
    q,
    { createdAt: 'r.created_at', number: 'r.number', status: 'r.status' },
    'createdAt',
  );
}

/** What the list shows under a filter, newest first, for the export (bounded). */
export function allReturns(db: Db, companyId: string, f: ReturnFilter, limit: number) {
  return filteredReturns(db, companyId, f)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.number', 'desc')
    .limit(limit)
    .execute();
}

export function returnLines(db: Db, companyId: string, returnId: string) {
  return db
    .selectFrom('return_lines as rl')
    .innerJoin('return_requests as r', (j) =>
      j.onRef('r.company_id', '=', 'rl.company_id').onRef('r.id', '=', 'rl.return_id'),
    )
    .innerJoin('order_lines as l', (j) =>
      j
        .onRef('l.company_id', '=', 'rl.company_id')
        .onRef('l.order_id', '=', 'r.order_id')
        .onRef('l.line_no', '=', 'rl.line_no'),
    )
    .select([
      'rl.line_no',
      'rl.product_id',
      'l.sku',
      'l.name',
      'l.spec',
      'l.unit',
      'rl.qty',
      'rl.reason',
      'rl.unit_price',
      'rl.returnable',
      'rl.fee_percent',
      'rl.good',
      'rl.defective',
    ])
    .where('rl.company_id', '=', companyId)
    .where('rl.return_id', '=', returnId)
    .orderBy('rl.line_no')
    .execute();
}

export async function setLineInspection(
  db: Db,
  companyId: string,
  returnId: string,
  l: { lineNo: number; good: number; defective: number },
) {
  await db
    .updateTable('return_lines')
    .set({ good: l.good, defective: l.defective })
    .where('company_id', '=', companyId)
    .where('return_id', '=', returnId)
    .where('line_no', '=', l.lineNo)
    .execute();
}

/** Units back from the customer are counted on the order line; shipped is never changed. */
export async function addReturned(db: Db, companyId: string, orderId: string, lineNo: number, qty: number) {
  await db
    .updateTable('order_lines')
    .set((eb) => ({ returned: eb('returned', '+', qty) }))
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .where('line_no', '=', lineNo)
    .execute();
}

export function orderTotal(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('orders')
    .select(['total', 'customer_id', 'warehouse_id', 'delivery'])
    .where('company_id', '=', companyId)
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
}

export function findComplaintOrder(db: Db, companyId: string, complaintId: string) {
  return db
    .selectFrom('complaints')
    .select('order_id')
    .where('company_id', '=', companyId)
    .where('id', '=', complaintId)
    .executeTakeFirst();
}

export type LockedReturn = NonNullable<Awaited<ReturnType<typeof lockReturn>>>;

export async function setRefundAmount(db: Db, companyId: string, id: string, amount: string) {
  await db
    .updateTable('return_requests')
    .set({ refund_amount: amount })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute();
}

export async function setRefundResult(
  db: Db,
  companyId: string,
  id: string,
  r: {
    credit_amount?: string;
    refund_paid?: string;
    refund_receipt_id?: string | null;
    invoice_reversal_id?: string | null;
    replacement_order_id?: string;
  },
) {
  await db.updateTable('return_requests').set(r).where('company_id', '=', companyId).where('id', '=', id).execute();
}

/** The moves of the order's returns (or of one return), oldest first, with the return's number and the actor. */
export function returnHistory(db: Db, companyId: string, by: { orderId?: string; returnId?: string }) {
  let q = db
    .selectFrom('state_history as h')
    .innerJoin('return_requests as r', (j) =>
      j.onRef('r.company_id', '=', 'h.company_id').onRef('r.id', '=', 'h.entity_id'),
    )
    .leftJoin('users as u', 'u.id', 'h.actor_id')
    .select([
      'h.id',
      'r.id as return_id',
      'r.number',
      'h.from_state',
      'h.to_state',
      'h.event',
      'u.display_name as actor_name',
      'h.at',
      'h.reason',
    ])
    .where('h.company_id', '=', companyId)
    .where('h.entity_type', '=', 'return_request');
  if (by.orderId) q = q.where('r.order_id', '=', by.orderId);
  if (by.returnId) q = q.where('r.id', '=', by.returnId);
  return q.orderBy('h.id').execute();
}
