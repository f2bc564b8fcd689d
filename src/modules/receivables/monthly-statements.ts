import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { addDays } from '../../lib/calendar/calendar';
import { formatMoney, parseMoney } from '../../lib/money';
import type { Actor } from '../auth/auth.service';
import { getSettings } from '../settings/settings.service';
import { statement } from './statement';

// 月结对账单: after each closing day (default the 25th) every 月结 customer with shipments in the
// period gets one statement: recorded here, sent through the outbox, printable from the statement route.

/** The latest period closed on or before `today`: its label (YYYY-MM) and first and last days. */
export function closedPeriod(today: string, closingDay: number): { period: string; from: string; to: string } {
  const [y, m, d] = today.split('-').map(Number);
  const close = new Date(Date.UTC(y, d > closingDay ? m - 1 : m - 2, closingDay));
  const prev = new Date(Date.UTC(close.getUTCFullYear(), close.getUTCMonth() - 1, closingDay));
  const to = close.toISOString().slice(0, 10);
  return { period: to.slice(0, 7), from: addDays(prev.toISOString().slice(0, 10), 1), to };
}

export async function issueMonthlyStatements(db: Db, companyId: string, today: string) {
  const { period, from, to } = closedPeriod(today, (await getSettings(db, companyId)).fulfilment.statementClosingDay);
  const due = await sql<{ customer_id: string; amount: string; due_date: string }>`
    select r.customer_id, sum(r.amount)::text as amount, to_char(max(r.due_date), 'YYYY-MM-DD') as due_date from receivables r
    where r.company_id = ${companyId} and r.period = ${period} and r.kind = 'shipment'
      and not exists (select 1 from customer_statements s where s.company_id = r.company_id and s.customer_id = r.customer_id and s.period = ${period})
    group by r.customer_id order by r.customer_id`.execute(db);
  const actor = { companyId } as Actor;
  const issued: { customerId: string; period: string; amount: string }[] = [];
  for (const r of due.rows) {
    const s = await statement(db, actor, r.customer_id, from, to);
    const row = await db
      .insertInto('customer_statements')
      .values({
        company_id: companyId,
        customer_id: r.customer_id,
        period,
        from_date: from,
        to_date: to,
        amount: r.amount,
        due_date: r.due_date,
        closing_balance: s.closing,
      })
      .onConflict((oc) => oc.columns(['company_id', 'customer_id', 'period']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) continue; // another instance issued it first
    await db
      .insertInto('outbox_messages')
      .values({
        company_id: companyId,
        customer_id: r.customer_id,
        channel: 'email',
        kind: 'monthly_statement',
        params: JSON.stringify({
          period,
          from,
          to,
          amount: formatMoney(parseMoney(r.amount)),
          due: r.due_date,
          balance: s.closing,
          document: `/api/customers/${r.customer_id}/statement?from=${from}&to=${to}&format=html`,
        }),
      })
      .execute();
    issued.push({ customerId: r.customer_id, period, amount: r.amount });
  }
  return issued;
}

export async function listStatements(db: Db, actor: Actor, customerId?: string) {
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
    .where('s.company_id', '=', actor.companyId);
  if (customerId) q = q.where('s.customer_id', '=', customerId);
  const rows = await q.orderBy('s.period', 'desc').orderBy('c.name').limit(500).execute();
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    period: r.period,
    from: r.from_date,
    to: r.to_date,
    amount: r.amount,
    dueDate: r.due_date,
    closingBalance: r.closing_balance,
    issuedAt: r.issued_at,
  }));
}
