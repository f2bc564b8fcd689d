import { sql, type Insertable, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database';
import { parseMoney } from '../../lib/money';
import { fetchPage, likePattern } from '../../lib/paging';
import type { PageQuery } from '../../lib/schemas';
import type { CustomerReceiptsTable, LettersOfCreditTable, ReceiptApplicationsTable } from './payment.table';

/**
 * What has been paid on an order (已付): the receipts applied to it — negative rows (unapplying, reversals)
 * included. Allowances (折让, negative receivables of kind 'allowance') and return credits ('return_credit', 退货)
 * are not payments: they lower what the order still owes, so they come back separately, as a positive amount.
 * An order is settled when paid + allowances covers its total. This is the one definition; `orderSettlement` and
 * every query that needs it in SQL use `settlementOf` (a lateral subquery on an `orders` row), so the two can
 * never drift apart.
 */
export function settlementOf(orderAlias: string): RawBuilder<unknown> {
  const o = sql.ref(orderAlias);
  return sql`lateral (
    select
      coalesce((select sum(a.amount) from receipt_applications a
        where a.company_id = ${o}.company_id and a.order_id = ${o}.id), 0) as paid,
      coalesce((select -sum(r.amount) from receivables r
        where r.company_id = ${o}.company_id and r.order_id = ${o}.id
          and r.kind in ('allowance', 'return_credit')), 0) as allowances
  )`;
}

export type Settlement = { paid: bigint; allowances: bigint };

/**
 * Paid and allowed per order, for the given orders (missing orders are absent from the map). The same sums as
 * `settlementOf`, grouped once over the orders asked for rather than looked up order by order: a list of every
 * receivable of a company asks for hundreds of thousands of orders, and receivables have no index by order.
 */
export async function orderSettlement(db: Db, companyId: string, orderIds: string[]): Promise<Map<string, Settlement>> {
  if (!orderIds.length) return new Map();
  const r = await sql<{ id: string; paid: string; allowances: string }>`
    with paid as (
      select a.order_id, sum(a.amount) as paid from receipt_applications a
       where a.company_id = ${companyId} and a.order_id = any(${orderIds}::uuid[]) group by a.order_id),
    allowed as (
      select r.order_id, -sum(r.amount) as allowances from receivables r
       where r.company_id = ${companyId} and r.kind in ('allowance', 'return_credit')
         and r.order_id = any(${orderIds}::uuid[]) group by r.order_id)
    select o.id, coalesce(p.paid, 0)::text as paid, coalesce(x.allowances, 0)::text as allowances
      from orders o
      left join paid p on p.order_id = o.id
      left join allowed x on x.order_id = o.id
     where o.company_id = ${companyId} and o.id = any(${orderIds}::uuid[])`.execute(db);
  return new Map(r.rows.map((x) => [x.id, { paid: parseMoney(x.paid), allowances: parseMoney(x.allowances) }]));
}

/** The receipt's amount and what of it is applied to orders. */
export async function receiptAmounts(db: Db, companyId: string, receiptId: string) {
  const r = await db
    .selectFrom('customer_receipts as r')
    .select((eb) => [
      'r.amount',
      eb
        .selectFrom('receipt_applications as a')
        .select((e) => e.fn.sum<string>('a.amount').as('s'))
        .whereRef('a.company_id', '=', 'r.company_id')
        .whereRef('a.receipt_id', '=', 'r.id')
        .as('applied'),
    ])
    .where('r.company_id', '=', companyId)
    .where('r.id', '=', receiptId)
    .executeTakeFirstOrThrow();
  return { amount: parseMoney(r.amount), applied: parseMoney(r.applied ?? '0') };
}

/**
 * The customer's receipts and what of them is applied to orders, per currency, each also in RMB at its
 * receipt's rate (an application is in its receipt's currency).
 */
export async function customerReceiptTotals(db: Db, companyId: string, customerId: string) {
  const r = await sql<{
    currency: string;
    received: string;
    applied: string;
    received_rmb: string;
    applied_rmb: string;
  }>`
    select r.currency, sum(r.amount)::text as received, sum(r.amount_rmb)::text as received_rmb,
           coalesce(sum(a.s), 0)::text as applied,
           coalesce(sum(round(a.s * r.exchange_rate, 2)), 0)::text as applied_rmb
    from customer_receipts r
    left join lateral (select sum(x.amount) as s from receipt_applications x
                       where x.company_id = r.company_id and x.receipt_id = r.id) a on true
    where r.company_id = ${companyId} and r.customer_id = ${customerId}
    group by r.currency order by r.currency`.execute(db);
  return r.rows.map((x) => ({
    currency: x.currency,
    received: parseMoney(x.received),
    applied: parseMoney(x.applied),
    receivedRmb: parseMoney(x.received_rmb),
    appliedRmb: parseMoney(x.applied_rmb),
  }));
}

export function lockReceipt(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('customer_receipts')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function findReversal(db: Db, companyId: string, receiptId: string) {
  return db
    .selectFrom('customer_receipts')
    .select('id')
    .where('company_id', '=', companyId)
    .where('reverses_id', '=', receiptId)
    .executeTakeFirst();
}

/** Locks the order a receipt is applied to. */
export function lockOrderForPayment(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('orders')
    .select(['id', 'number', 'customer_id', 'total', 'currency'])
    .where('company_id', '=', companyId)
    .where('id', '=', orderId)
    .forUpdate()
    .executeTakeFirst();
}

/** What the payment gates need to know of an order. */
export function orderPaymentTerms(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('orders')
    .select(['id', 'total', 'payment_method', 'deposit_percent', 'expected_delivery_date'])
    .where('company_id', '=', companyId)
    .where('id', '=', orderId)
    .executeTakeFirst();
}

export function customerExists(db: Db, companyId: string, customerId: string) {
  return db
    .selectFrom('customers')
    .select('id')
    .where('company_id', '=', companyId)
    .where('id', '=', customerId)
    .executeTakeFirst();
}

export async function insertReceipt(db: Db, row: Insertable<CustomerReceiptsTable>) {
  return (await db.insertInto('customer_receipts').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertApplications(db: Db, rows: Insertable<ReceiptApplicationsTable>[]) {
  if (rows.length) await db.insertInto('receipt_applications').values(rows).execute();
}

/** What a receipt still has applied per order (orders it was fully unapplied from are left out). */
export function appliedByOrder(db: Db, companyId: string, receiptId: string) {
  return db
    .selectFrom('receipt_applications')
    .select((eb) => ['order_id', eb.fn.sum<string>('amount').as('s')])
    .where('company_id', '=', companyId)
    .where('receipt_id', '=', receiptId)
    .groupBy('order_id')
    .having((eb) => eb.fn.sum('amount'), '<>', 0)
    .execute();
}

export function findReceipt(db: Db, companyId: string, id: string) {
  return receiptsQuery(db, companyId).where('r.id', '=', id).executeTakeFirst();
}

function receiptsQuery(db: Db, companyId: string) {
  return db
    .selectFrom('customer_receipts as r')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 'r.company_id').onRef('c.id', '=', 'r.customer_id'),
    )
    .select([
      'r.id',
      'r.customer_id',
      'c.code as customer_code',
      'c.name as customer_name',
      'r.amount',
      'r.currency',
      'r.exchange_rate',
      'r.amount_rmb',
      'r.received_on',
      'r.method',
      'r.reference',
      'r.reverses_id',
      'r.created_at',
    ])
    .where('r.company_id', '=', companyId);
}

/** The receipts list's filter: customer, received between from and to, payment method, search. */
export type ReceiptFilter = { customerId?: string; from?: string; to?: string; method?: string; q?: string };

function filteredReceipts(db: Db, companyId: string, f: ReceiptFilter) {
  let q = receiptsQuery(db, companyId);
  if (f.customerId) q = q.where('r.customer_id', '=', f.customerId);
  if (f.from) q = q.where('r.received_on', '>=', f.from);
  if (f.to) q = q.where('r.received_on', '<=', f.to);
  if (f.method) q = q.where('r.method', '=', f.method);
  if (f.q) {
    const like = likePattern(f.q);
    q = q.where((w) => w.or([w('c.name', 'ilike', like), w('c.code', 'ilike', like), w('r.reference', 'ilike', like)]));
  }
  return q;
}

/** Every receipt the filter shows, newest first (the export), up to `limit`. */
export function listReceipts(db: Db, companyId: string, f: ReceiptFilter, limit: number) {
  return filteredReceipts(db, companyId, f).orderBy('r.created_at', 'desc').orderBy('r.id').limit(limit).execute();
}

/** One page of the receipts the filter shows, newest first unless sorted. */
export function pageReceipts(db: Db, companyId: string, f: ReceiptFilter, q: PageQuery) {
  return fetchPage(
    filteredReceipts(db, companyId, f),
    { ...q, order: q.order ?? (q.sort ? 'asc' : 'desc') },
    { createdAt: 'r.created_at', receivedOn: 'r.received_on', amount: 'r.amount' },
    'createdAt',
    'r.id',
  );
}

export function listApplications(db: Db, companyId: string, receiptId: string) {
  return db
    .selectFrom('receipt_applications as a')
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'a.company_id').onRef('o.id', '=', 'a.order_id'))
    .select(['a.order_id', 'o.number', 'a.amount', 'a.created_at'])
    .where('a.company_id', '=', companyId)
    .where('a.receipt_id', '=', receiptId)
    .orderBy('a.id')
    .execute();
}

export async function insertLetterOfCredit(db: Db, row: Insertable<LettersOfCreditTable>) {
  await db.insertInto('letters_of_credit').values(row).execute();
}

export function lettersOfCredit(db: Db, companyId: string, orderIds: string[]) {
  return db
    .selectFrom('letters_of_credit')
    .select(['order_id', 'amount', 'expiry_date', 'latest_shipment_date'])
    .where('company_id', '=', companyId)
    .where('status', '=', 'checked_ok')
    .where('order_id', 'in', orderIds.length ? orderIds : ['00000000-0000-0000-0000-000000000000'])
    .execute();
}

export function listLettersOfCredit(db: Db, companyId: string) {
  return db
    .selectFrom('letters_of_credit as l')
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'l.company_id').onRef('o.id', '=', 'l.order_id'))
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 'o.company_id').onRef('c.id', '=', 'o.customer_id'),
    )
    .innerJoin('users as u', 'u.id', 'l.checked_by')
    .select([
      'l.id',
      'l.order_id',
      'o.number as order_number',
      'o.total',
      'c.name as customer_name',
      'l.number',
      'l.amount',
      'l.expiry_date',
      'l.latest_shipment_date',
      'u.display_name',
      'l.checked_at',
    ])
    .where('l.company_id', '=', companyId)
    .orderBy('l.checked_at', 'desc')
    .limit(500)
    .execute();
}

/** L/C orders still open and not yet marked late. */
export function openLcOrders(db: Db, companyId: string, statuses: readonly string[]) {
  return db
    .selectFrom('orders')
    .select(['id', 'number', 'total', 'expected_delivery_date'])
    .where('company_id', '=', companyId)
    .where('payment_method', '=', 'lc')
    .where('lc_late_at', 'is', null)
    .where('status', 'in', [...statuses] as never[])
    .execute();
}

/** Marks the orders late once (claimed with the mark itself, so two instances never flag one twice). */
export async function markLcLate(db: Db, companyId: string, orderIds: string[], at: Date) {
  if (!orderIds.length) return new Set<string>();
  const rows = await db
    .updateTable('orders')
    .set({ lc_late_at: at })
    .where('company_id', '=', companyId)
    .where('id', 'in', orderIds)
    .where('lc_late_at', 'is', null)
    .returning('id')
    .execute();
  return new Set(rows.map((r) => r.id));
}
