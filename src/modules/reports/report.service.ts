import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.service';
import { quotationOrderIds } from '../quotations/quotation-order';
import { kpiRows } from './kpis';
import { buildMonthlyReport } from './monthly-report';
import { allocationOrderIds, drillOrders } from './report-orders.repository';
import { daysPeriod, lastDayOf, monthClosed, monthPeriod } from './report-period';
import { distinctOrders, periodReceivableFigures, periodReceivables } from './report-receivables';
import * as store from './report-store.repository';
import type { FigureKey } from './report.labels';
import type { GroupBy } from './report.repository';
import type { MonthlyReport } from './report.types';

// 月度订单分析报表 and KPIs: a closed month's report is read from its snapshot (built on first reading if the job
// has not yet); the running month is computed on every reading and never stored.

const MAX_DAYS = 366;
const tzOf = (env: Env) => env.workingHours.timeZone;

export async function monthlyReport(db: Db, actor: Actor, env: Env, month: string): Promise<MonthlyReport> {
  if (!monthClosed(month, env.now, tzOf(env)))
    return buildMonthlyReport(db, actor.companyId, month, tzOf(env), env.now);
  const stored = await store.findReport(db, actor.companyId, month);
  if (stored?.data) return stored.data as MonthlyReport;
  const report = await buildMonthlyReport(db, actor.companyId, month, tzOf(env), env.now);
  await store.saveReport(db, { companyId: actor.companyId, month, data: report, builtAt: env.now, builtBy: null });
  return report;
}

/** Builds a closed month again from today's data and replaces its snapshot. */
export async function rebuildMonthlyReport(db: Db, actor: Actor, env: Env, month: string): Promise<MonthlyReport> {
  if (!monthClosed(month, env.now, tzOf(env))) throw new AppError('REPORT.MONTH_OPEN', { month });
  const report = await buildMonthlyReport(db, actor.companyId, month, tzOf(env), env.now);
  await store.saveReport(db, {
    companyId: actor.companyId,
    month,
    data: report,
    builtAt: env.now,
    builtBy: actor.userId,
  });
  return report;
}

/** The orders behind a figure of the month, as they stand now. */
export async function figureOrders(
  db: Db,
  actor: Actor,
  env: Env,
  month: string,
  figure: FigureKey,
  q: { page: number; pageSize: number },
) {
  const p = monthPeriod(actor.companyId, month, tzOf(env), env.now);
  if (figure === 'collectionRate' || figure === 'overdueAmount') {
    const r = await periodReceivables(db, p);
    const ids = distinctOrders(figure === 'collectionRate' ? r.due : r.overdue);
    return drillOrders(db, p, figure, q, ids);
  }
  if (figure === 'allocationFillRate') return drillOrders(db, p, figure, q, await allocationOrderIds(db, p));
  if (figure === 'quotationConversionRate')
    return drillOrders(db, p, figure, q, await quotationOrderIds(db, p.companyId, { ...p, to: lastDayOf(p) }));
  return drillOrders(db, p, figure, q);
}

/** KPIs of the orders registered from `from` to `to` (both included), grouped one way. */
export async function kpis(
  db: Db,
  actor: Actor,
  env: Env,
  q: { from: string; to: string; groupBy: Exclude<GroupBy, 'none'> },
) {
  if (q.from > q.to)
    throw new AppError('VALIDATION.FAILED', { summary: 'query.from' }, [
      { path: 'query.from', message: 'on or before to' },
    ]);
  if (Date.parse(q.to) - Date.parse(q.from) > MAX_DAYS * 86_400_000)
    throw new AppError('VALIDATION.FAILED', { summary: 'query.to' }, [
      { path: 'query.to', message: `at most ${MAX_DAYS} days after from` },
    ]);
  const p = daysPeriod(actor.companyId, q.from, q.to, tzOf(env), env.now);
  const rows = await kpiRows(db, p, q.groupBy, await periodReceivableFigures(db, p));
  return { from: q.from, to: q.to, groupBy: q.groupBy, rows };
}
