import type { Db } from '../db/database';
import { addDays } from '../lib/calendar/calendar';
import { notifyRole } from '../modules/notifications/notification.service';
import { openReceivables } from '../modules/receivables/receivable.service';
import { claimDueForReminder, insertOutboxMessage } from '../modules/receivables/receivable.repository';
import { getSettings } from '../modules/settings/settings.service';
import { flagLateComplaints } from '../modules/feedback/complaints';
import { staleShipments } from '../modules/shipping/tracking.service';
import { flagLateLettersOfCredit } from '../modules/payments/payment-gates';
import { flagLateProgress } from '../modules/production/production.service';
import { issueMonthlyStatements } from '../modules/receivables/monthly-statements';
import { claimOverduePublication } from '../modules/receivables/receivable-overdue.repository';
import { recordDomainEvent } from '../lib/domain-events';
import { claimDay } from './daily-claim.repository';

/**
 * 催款: each receivable due in N days (default 3) gets one reminder to the customer (outbox), claimed
 * by setting reminded_at so two instances never send it twice. Overdue totals by aging bucket go to
 * sales and finance once a day.
 */
export async function remindReceivables(db: Db, today: string, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    const companies = await trx.selectFrom('companies').select('id').execute();
    let reminded = 0;
    for (const { id: companyId } of companies) {
      const days = (await getSettings(trx, companyId)).fulfilment.reminderDaysBefore;
      const due = await claimDueForReminder(trx, companyId, today, addDays(today, days), now);
      const open = new Map((await openReceivables(trx, companyId, today)).map((r) => [r.id, r]));
      for (const r of due) {
        if (open.get(r.id)?.bucket === 'paid') continue;
        await insertOutboxMessage(trx, {
          company_id: companyId,
          customer_id: r.customer_id,
          channel: 'sms',
          kind: 'payment_reminder',
          params: JSON.stringify({
            order: r.number ?? '',
            amount: open.get(r.id)?.outstanding ?? r.amount,
            due: r.due_date,
          }),
        });
        reminded++;
      }
    }
    return reminded;
  });
}

/**
 * The daily overdue list (aging 0–30, 31–60, 61–90, >90) to sales and finance; late schedules, complaints and
 * tracking flagged. `now` is the job's clock (the runner's; tests pass a fixed one).
 */
export async function dailyCashReport(db: Db, today: string, now = new Date()) {
  const companies = await db.selectFrom('companies').select('id').execute();
  for (const { id: companyId } of companies)
    await db.transaction().execute(async (trx) => {
      // Once per company and day, whichever instance or retry gets here first.
      if (await claimDay(trx, companyId, 'cash_report', today, now))
        await companyCashReport(trx, companyId, today, now);
    });
  const late = await flagLateComplaints(db, now);
  for (const c of late)
    await notifyRole(db, c.company_id, 'sales_director', {
      kind: 'complaint_late',
      params: { number: c.number },
      orderId: c.order_id,
    });
}

async function companyCashReport(db: Db, companyId: string, today: string, now: Date) {
  const overdue = (await openReceivables(db, companyId, today)).filter(
    (r) => r.bucket !== 'paid' && r.bucket !== 'not_due',
  );
  // Subscribers hear of each receivable once, on the first report that finds it overdue.
  const told = await claimOverduePublication(
    db,
    companyId,
    overdue.map((r) => r.id),
    now,
  );
  const byId = new Map(overdue.map((r) => [r.id, r]));
  for (const { id } of told) {
    const r = byId.get(id)!;
    await recordDomainEvent(db, {
      companyId,
      type: 'receivable.overdue',
      entityType: 'receivable',
      entityId: id,
      data: {
        customerId: r.customerId,
        orderId: r.orderId,
        orderNumber: r.orderNumber,
        outstanding: r.outstanding,
        dueDate: r.dueDate,
        daysOverdue: r.daysOverdue,
      },
      at: now,
    });
  }
  if (overdue.length) {
    const params = { count: overdue.length, date: today };
    await notifyRole(db, companyId, 'finance', { kind: 'overdue_receivables', params });
    await notifyRole(db, companyId, 'sales_director', { kind: 'overdue_receivables', params });
  }
  for (const p of await flagLateProgress(db, companyId, now)) {
    await notifyRole(db, companyId, 'production_planner', {
      kind: 'production_progress_late',
      params: { number: p.number },
      orderId: p.order_id,
    });
  }
  // 每日跟踪: shipments without tracking movement go to logistics.
  const stale = await staleShipments(db, { companyId } as Parameters<typeof staleShipments>[1], now);
  if (stale.length)
    await notifyRole(db, companyId, 'logistics', {
      kind: 'tracking_stale',
      params: {
        count: stale.length,
        numbers: stale
          .slice(0, 10)
          .map((s) => s.number)
          .join(', '),
      },
    });
}

/**
 * Once a day: 月结 statements of the period just closed go out to customers, and L/C orders past
 * their check-by date without a valid credit are flagged to finance and the sales director.
 */
export async function dailyFinanceChecks(db: Db, today: string, now = new Date()) {
  const companies = await db.selectFrom('companies').select('id').execute();
  for (const { id: companyId } of companies) {
    await db.transaction().execute(async (trx) => {
      const issued = await issueMonthlyStatements(trx, companyId, today);
      if (issued.length)
        await notifyRole(trx, companyId, 'finance', {
          kind: 'statements_issued',
          params: { count: issued.length, period: issued[0].period },
        });
      for (const o of await flagLateLettersOfCredit(trx, companyId, today, now)) {
        for (const role of ['finance', 'sales_director'])
          await notifyRole(trx, companyId, role, {
            kind: 'lc_late',
            params: { number: o.number, checkBy: o.checkBy },
            orderId: o.id,
          });
      }
    });
  }
}
