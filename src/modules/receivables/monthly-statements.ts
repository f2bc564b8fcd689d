import type { Db } from '../../db/database';
import { addDays } from '../../lib/calendar/calendar';
import { formatMoney, parseMoney } from '../../lib/money';
import type { Actor } from '../auth/auth.service';
import { getSettings } from '../settings/settings.service';
import { statement } from './statement';
import * as repo from './receivable.repository';

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
  const due = await repo.periodDueWithoutStatement(db, companyId, period);
  const actor = { companyId } as Actor;
  const issued: { customerId: string; period: string; amount: string }[] = [];
  for (const r of due) {
    const s = await statement(db, actor, r.customer_id, from, to, 'zh-CN', today);
    const row = await repo.insertStatement(db, {
      company_id: companyId,
      customer_id: r.customer_id,
      period,
      from_date: from,
      to_date: to,
      amount: r.amount,
      due_date: r.due_date,
      closing_balance: s.closing,
    });
    if (!row) continue; // another instance issued it first
    await repo.insertOutboxMessage(db, {
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
    });
    issued.push({ customerId: r.customer_id, period, amount: r.amount });
  }
  return issued;
}

export async function listStatements(db: Db, actor: Actor, customerId?: string) {
  const rows = await repo.listStatements(db, actor.companyId, customerId);
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
