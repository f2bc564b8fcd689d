import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database';
import { fetchPage, likePattern } from '../../lib/paging';
import type { PageQuery } from '../../lib/schemas';
import type { OutboxMessagesTable } from '../shipping/shipment.table';
import type { CustomerStatementsTable, ReceivablesTable } from './receivable.table';
import type { InvoicesTable } from '../feedback/feedback.table';

type InvoiceType = InvoicesTable['type'];

export async function insertReceivable(db: Db, row: Insertable<ReceivablesTable>) {
  await db.insertInto('receivables').values(row).execute();
}

/** Receivables with their customer and order, oldest due first. */
export function listReceivables(db: Db, companyId: string, customerId?: string) {
  let q = db
    .selectFrom('receivables as r')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 'r.company_id').onRef('c.id', '=', 'r.customer_id'),
    )
    .leftJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'r.company_id').onRef('o.id', '=', 'r.order_id'))
    .select([
      'r.id',
      'r.customer_id',
      'c.name as customer_name',
      'c.code as customer_code',
      'r.order_id',
      'o.number as order_number',
      'o.currency',
      'o.exchange_rate',
      'r.kind',
      'r.amount',
      'r.due_date',
      'r.period',
      'r.reminded_at',
    ])
    .where('r.company_id', '=', companyId)
    .where('r.kind', 'not in', ['allowance', 'return_credit']);
  if (customerId) q = q.where('r.customer_id', '=', customerId);
  return q.orderBy('r.due_date').orderBy('r.created_at').orderBy('r.id').execute();
}

/**
 * Debits (receivables) and credits (receipts) of a customer, in date order, for the statement of account: each in
 * its currency (a receivable in its order's), with its RMB amount (the order's stored rate; a receipt's stored RMB).
 */
export async function statementMovements(db: Db, companyId: string, customerId: string) {
  const r = await sql<{
    date: string;
    kind: string;
    reference: string;
    currency: string;
    amount: string;
    amount_rmb: string;
    created_at: Date;
  }>`
    select to_char(r.created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as date, r.kind,
           coalesce(o.number, '') as reference, coalesce(o.currency, 'CNY') as currency, r.amount::text as amount,
           round(r.amount * coalesce(o.exchange_rate, 1), 2)::text as amount_rmb, r.created_at
    from receivables r left join orders o on o.company_id = r.company_id and o.id = r.order_id
    where r.company_id = ${companyId} and r.customer_id = ${customerId}
    union all
    select to_char(p.received_on, 'YYYY-MM-DD'), 'receipt', p.reference, p.currency, (-p.amount)::text,
           (-p.amount_rmb)::text, p.created_at
    from customer_receipts p where p.company_id = ${companyId} and p.customer_id = ${customerId}
    order by 1, 7`.execute(db);
  return r.rows;
}

export function findCustomerHead(db: Db, companyId: string, customerId: string) {
  return db
    .selectFrom('customers')
    .select(['id', 'code', 'name', 'overdue_interest_bp'])
    .where('company_id', '=', companyId)
    .where('id', '=', customerId)
    .executeTakeFirst();
}

/** Per customer, the shipment receivables of a closed period that has no statement yet. */
export async function periodDueWithoutStatement(db: Db, companyId: string, period: string) {
  const r = await sql<{ customer_id: string; amount: string; due_date: string }>`
    select r.customer_id, sum(r.amount)::text as amount, to_char(max(r.due_date), 'YYYY-MM-DD') as due_date
    from receivables r
    where r.company_id = ${companyId} and r.period = ${period} and r.kind = 'shipment'
      and not exists (select 1 from customer_statements s where s.company_id = r.company_id
                        and s.customer_id = r.customer_id and s.period = ${period})
    group by r.customer_id order by r.customer_id`.execute(db);
  return r.rows;
}

/** Records a statement once per customer and period; undefined when another instance issued it first. */
export function insertStatement(db: Db, row: Insertable<CustomerStatementsTable>) {
  return db
    .insertInto('customer_statements')
    .values(row)
    .onConflict((oc) => oc.columns(['company_id', 'customer_id', 'period']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function listStatements(db: Db, companyId: string, customerId?: string) {
  let q = db
    .selectFrom('customer_statements as s')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 's.company_id').onRef('c.id', '=', 's.customer_id'),
    )
    .select([
      's.id',
      's.customer_id',
      'c.name as customer_name',
      's.period',
      's.from_date',
      's.to_date',
      's.amount',
      's.due_date',
      's.closing_balance',
      's.issued_at',
    ])
    .where('s.company_id', '=', companyId);
  if (customerId) q = q.where('s.customer_id', '=', customerId);
  return q.orderBy('s.period', 'desc').orderBy('c.name').limit(500).execute();
}

/**
 * Claims the receivables due between `from` and `to` not yet reminded (setting reminded_at), so two
 * instances never remind one twice.
 */
export async function claimDueForReminder(db: Db, companyId: string, from: string, to: string, at: Date) {
  const r = await sql<{ id: string; customer_id: string; amount: string; due_date: string; number: string | null }>`
    update receivables r set reminded_at = ${at}
    from (select id from receivables where company_id = ${companyId} and kind not in ('allowance', 'return_credit')
            and reminded_at is null
            and due_date <= ${to}::date and due_date >= ${from}::date for update skip locked) x
    where r.company_id = ${companyId} and r.id = x.id
    returning r.id, r.customer_id, r.amount::text, to_char(r.due_date, 'YYYY-MM-DD') as due_date,
      (select number from orders o where o.company_id = r.company_id and o.id = r.order_id) as number`.execute(db);
  return r.rows;
}

export async function insertOutboxMessage(db: Db, row: Insertable<OutboxMessagesTable>) {
  await db.insertInto('outbox_messages').values(row).execute();
}

/** 发票登记's filter: customer, issued between from and to, invoice type. */
/** The invoices list's filter: customer, issued between from and to, type, search. */
export type InvoiceFilter = { customerId?: string; from?: string; to?: string; type?: InvoiceType; q?: string };

/** Invoices recorded at completion with their order and customer, newest first. */
function filteredInvoices(db: Db, companyId: string, f: InvoiceFilter) {
  let q = db
    .selectFrom('invoices as i')
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'i.company_id').onRef('o.id', '=', 'i.order_id'))
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 'o.company_id').onRef('c.id', '=', 'o.customer_id'),
    )
    .select([
      'i.id',
      'i.order_id',
      'o.number as order_number',
      'c.code as customer_code',
      'c.name as customer_name',
      'i.number',
      'i.issued_on',
      'i.amount',
      'i.tax_rate',
      'i.type',
      'i.outbound_voucher',
    ])
    .where('i.company_id', '=', companyId);
  if (f.customerId) q = q.where('o.customer_id', '=', f.customerId);
  if (f.from) q = q.where('i.issued_on', '>=', f.from);
  if (f.to) q = q.where('i.issued_on', '<=', f.to);
  if (f.type) q = q.where('i.type', '=', f.type);
  if (f.q) {
    const like = likePattern(f.q);
    q = q.where((w) => w.or([w('i.number', 'ilike', like), w('o.number', 'ilike', like), w('c.name', 'ilike', like)]));
  }
  return q;
}

/** Every invoice the filter shows, newest first (the export), up to `limit`. */
export function listInvoices(db: Db, companyId: string, f: InvoiceFilter, limit: number) {
  return filteredInvoices(db, companyId, f).orderBy('i.created_at', 'desc').orderBy('i.id').limit(limit).execute();
}

/** One page of the invoices the filter shows, newest first unless sorted. */
export function pageInvoices(db: Db, companyId: string, f: InvoiceFilter, q: PageQuery) {
  return fetchPage(
    filteredInvoices(db, companyId, f),
    { ...q, order: q.order ?? (q.sort ? 'asc' : 'desc') },
    { createdAt: 'i.created_at', issuedOn: 'i.issued_on', amount: 'i.amount', number: 'i.number' },
    'createdAt',
    'i.id',
  );
}

/**
 * How many receivables are past due with something still outstanding, by `openReceivables`' rule counted in the
 * database: what is paid on an order plus its allowances covers its receivables oldest due first, so one is
 * outstanding when that credit falls short of it and every receivable of the order due before it. Each order's
 * balance (order_balances, kept at every commit) holds the due dates of the receivables so left unpaid, and only
 * orders whose credit is below what they were billed have any; receivables of no order count against no credit.
 * The due dates are kept in order, so only balances whose first is past (order_balances_overdue) are read.
 */
export async function countOverdueOutstanding(db: Db, companyId: string, today: string) {
  const r = await sql<{ n: number }>`
    select (select count(*) from order_balances b cross join unnest(b.outstanding_due) as d(due_date)
             where b.company_id = ${companyId} and b.open and b.outstanding_due[1] < ${today}
               and d.due_date < ${today})::int
         + (select count(*) from (
              select r.amount, sum(r.amount) over (order by r.due_date, r.created_at, r.id) as upto
                from receivables r
               where r.company_id = ${companyId} and r.order_id is null
                 and r.kind not in ('allowance', 'return_credit') and r.due_date < ${today}) x
             where x.amount > 0 and x.upto > 0)::int as n`.execute(db);
  return r.rows[0].n;
}

/**
 * The receivables a report period counts, by `openReceivables`' rule computed in the database rather than over
 * every receivable in memory: what is paid on an order plus its allowances covers its receivables oldest due first
 * (as of now), so a receivable is covered by what its order's credit leaves after those due before it. Rows
 * (`counted`) are those due from `from` to `last` (both included) with a positive amount, and those past due on
 * `last` with something outstanding, in the order's currency with its rate.
 * Only an open order (order_balances: credit below what it was billed) leaves anything unpaid, so the rule is
 * worked over the open orders' receivables; the rest of the month's are collected in full. Receivables of no order
 * count against no credit, only against those of no order due before them.
 */
function periodOwed(c: string, from: string, last: string) {
  const owing = sql`r.kind not in ('allowance', 'return_credit') and r.due_date <= ${last}::date`;
  return sql`
    owed as (
      -- open orders: each receivable covered by what the order's credit leaves after those due before it
      select r.order_id, r.amount, r.due_date,
             r.amount - least(r.amount, greatest(b.credit - (sum(r.amount) over w - r.amount), 0)) as outstanding
        from order_balances b join receivables r on r.company_id = b.company_id and r.order_id = b.order_id
       where b.company_id = ${c} and b.open and ${owing}
      window w as (partition by r.order_id order by r.due_date, r.created_at, r.id)
      union all
      -- receivables of no order: covered only by negative ones of no order due before them
      select null, r.amount, r.due_date,
             r.amount - least(r.amount, greatest(-(sum(r.amount) over w - r.amount), 0))
        from receivables r
       where r.company_id = ${c} and r.order_id is null and ${owing}
      window w as (order by r.due_date, r.created_at, r.id)
      union all
      -- the period's receivables of orders whose credit covers all they were billed: collected in full
      select r.order_id, r.amount, r.due_date, 0
        from receivables r
       where r.company_id = ${c} and r.order_id is not null and ${owing}
         and r.due_date >= ${from}::date and r.amount > 0
         and not exists (select 1 from order_balances b
                          where b.company_id = ${c} and b.order_id = r.order_id and b.open)),
    counted as materialized (
      select w.order_id, w.amount, w.outstanding, w.due_date,
             w.due_date >= ${from}::date and w.amount > 0 as due_in_period,
             w.due_date < ${last}::date and w.outstanding > 0 as overdue,
             -- looked up per row: the rows are a few of the company's orders, which a join would read in full
             coalesce((select o.exchange_rate from orders o where o.company_id = ${c} and o.id = w.order_id), 1) as rate
        from owed w
       where (w.due_date >= ${from}::date and w.amount > 0) or (w.due_date < ${last}::date and w.outstanding > 0))`;
}

/** An amount of a counted receivable in fen of RMB at its order's rate, rounded half-up like `toRmb`. */
const fen = (amount: string) => sql.raw(`(round(w.${amount} * w.rate, 2) * 100)::bigint`);

/** The receivables `periodOwed` counts, one row each. */
export async function periodReceivableRows(db: Db, companyId: string, from: string, last: string) {
  const r = await sql<{
    order_id: string | null;
    due_in_period: boolean;
    overdue: boolean;
    amount_fen: string;
    outstanding_fen: string;
    days_overdue: number;
  }>`
    with ${periodOwed(companyId, from, last)}
    select w.order_id::text, w.due_in_period, w.overdue, ${fen('amount')}::text as amount_fen,
           ${fen('outstanding')}::text as outstanding_fen, (${last}::date - w.due_date)::int as days_overdue
      from counted w`.execute(db);
  return r.rows;
}

/**
 * The receivables `periodOwed` counts as the report adds them: those due in the period one by one (`days_overdue`
 * null), and what is overdue on `last` summed per number of days overdue.
 */
export async function periodReceivableSums(db: Db, companyId: string, from: string, last: string) {
  const r = await sql<{
    order_id: string | null;
    amount_fen: string | null;
    outstanding_fen: string;
    days_overdue: number | null;
    count: number;
  }>`
    with ${periodOwed(companyId, from, last)}
    select w.order_id::text, ${fen('amount')}::text as amount_fen, ${fen('outstanding')}::text as outstanding_fen,
           null::int as days_overdue, 1 as count
      from counted w where w.due_in_period
    union all
    select null, null, sum(${fen('outstanding')})::text, (${last}::date - w.due_date)::int, count(*)::int
      from counted w where w.overdue group by w.due_date`.execute(db);
  return r.rows;
}

/**
 * Every order's balance of the company counted afresh from its receivables and payments, with the due dates of the
 * receivables its credit leaves unpaid (after a bulk load that skipped the triggers keeping it).
 */
export async function recountOrderBalances(db: Db, companyId: string) {
  await sql`
    with bal as (
      select x.order_id, sum(x.billed) as billed, sum(x.credit) as credit from (
        select order_id,
               case when kind in ('allowance', 'return_credit') then 0 else greatest(amount, 0) end as billed,
               case when kind in ('allowance', 'return_credit') then -amount else 0 end as credit
          from receivables where company_id = ${companyId} and order_id is not null
        union all
        select order_id, 0, amount from receipt_applications where company_id = ${companyId}) x
       group by x.order_id),
    unpaid as (
      select r.order_id, array_agg(r.due_date order by r.due_date) as due from (
        select order_id, due_date, amount,
               sum(amount) over (partition by order_id order by due_date, created_at, id) as upto
          from receivables
         where company_id = ${companyId} and order_id is not null and kind not in ('allowance', 'return_credit')) r
        join bal b on b.order_id = r.order_id
       where r.amount > 0 and b.credit < r.upto
       group by r.order_id)
    insert into order_balances (company_id, order_id, billed, credit, outstanding_due)
    select ${companyId}, b.order_id, b.billed, b.credit, coalesce(u.due, '{}')
      from bal b left join unpaid u on u.order_id = b.order_id
    on conflict (company_id, order_id) do update
      set billed = excluded.billed, credit = excluded.credit, outstanding_due = excluded.outstanding_due`.execute(db);
}
