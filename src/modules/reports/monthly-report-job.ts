import type { Db } from '../../db/database';
import { localDate } from '../../lib/local-date';
import { notifyUsers } from '../notifications/notification.service';
import { buildMonthlyReport } from './monthly-report';
import { previousMonth } from './report-period';
import * as store from './report-store.repository';

export type MonthlyRunOutcome = { companyId: string; month: string; built: boolean; notified: number };

/**
 * 每月5日前: last month's report of every company, built once (the month's claim row) and announced once (its
 * notified_at claim) to the sales directors and general managers, with a link to the PDF. Staff users carry no
 * e-mail address, so the announcement is in-app. Run on days 1–5; a day whose run found the month done does nothing.
 */
export async function runMonthlyReports(
  db: Db,
  timeZone: string,
  now: Date,
  log: (msg: string, err?: unknown) => void = () => {},
): Promise<MonthlyRunOutcome[]> {
  const month = previousMonth(localDate(now, timeZone).slice(0, 7));
  const out: MonthlyRunOutcome[] = [];
  for (const companyId of await store.companyIds(db)) {
    try {
      let built = false;
      if (await store.claimMonth(db, companyId, month, now)) {
        const data = await buildMonthlyReport(db, companyId, month, timeZone, now);
        await store.saveReport(db, { companyId, month, data, builtAt: now, builtBy: null });
        built = true;
      }
      const notified = await db.transaction().execute(async (trx) => {
        if (!(await store.claimNotification(trx, companyId, month, now))) return 0;
        const users = await store.reportRecipients(trx, companyId);
        await notifyUsers(trx, companyId, users, {
          kind: 'monthly_report_ready',
          params: { month, link: `/api/reports/monthly?month=${month}&format=pdf` },
        });
        return users.length;
      });
      out.push({ companyId, month, built, notified });
    } catch (err) {
      log(`monthly report ${month} of company ${companyId} failed`, err);
    }
  }
  return out;
}
