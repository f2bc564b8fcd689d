import type { Db } from '../../db/database';
import { customerAnalysis } from './customer-analysis';
import { kpiRows } from './kpis';
import { keyNames } from './report-orders.repository';
import { quotationConversion } from '../quotations/quotation-order';
import { lastDayOf, monthPeriod } from './report-period';
import { periodReceivableFigures, sumOf } from './report-receivables';
import { orderAggregateSets, type OrderAggregate } from './report-figures.repository';
import * as repo from './report.repository';
import { rate, type AgingBucket, type Figure, type MonthlyReport, type SalesRow } from './report.types';

// 模板4 月度订单分析报表: the figures of a company's month, computed from a few aggregate queries.

const TOP = 100;
const BUCKETS: AgingBucket[] = ['1-30', '31-60', '61-90', '90+'];

const ratio = (key: Figure['key'], numerator: number, denominator: number): Figure => ({
  key,
  value: rate(numerator, denominator),
  unit: 'rate',
  numerator,
  denominator,
  drill: true,
});

const round2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

export async function buildMonthlyReport(
  db: Db,
  companyId: string,
  month: string,
  timeZone: string,
  now: Date,
): Promise<MonthlyReport> {
  const p = monthPeriod(companyId, month, timeZone, now);
  const sets = await orderAggregateSets(db, p);
  const [total] = sets.none;
  const stageSets = await repo.stageAggregateSets(db, p);
  const stages = stageSets.none;
  const reasons = await repo.reasons(db, p);
  const receivables = await periodReceivableFigures(db, p);
  const fill = await repo.allocationFill(db, p);
  const quotes = await quotationConversion(db, companyId, { from: p.from, to: lastDayOf(p), timeZone });

  const count = total?.order_count ?? 0;
  const dueFen = sumOf(receivables.due, (d) => d.amountFen);
  const collectedFen = sumOf(receivables.due, (d) => d.collectedFen);
  const timed = sumOf(stages, (s) => s.timed);
  const figures: Figure[] = [
    { key: 'orderCount', value: count, unit: 'count', drill: true },
    { key: 'orderAmount', value: Number(total?.amount_fen ?? 0), unit: 'fen', drill: true },
    ratio('completionRate', total?.completed ?? 0, count),
    {
      key: 'avgCycleHours',
      value: round2(total?.avg_cycle_hours ?? null),
      unit: 'hours',
      denominator: total?.completed ?? 0,
      drill: true,
    },
    ratio(
      'onTimeProcessingRate',
      sumOf(stages, (s) => s.on_time),
      timed,
    ),
    ratio('onTimeDeliveryRate', total?.delivery_on_time ?? 0, total?.delivery_due ?? 0),
    ratio('accuracyRate', total?.accurate ?? 0, count),
    ratio('complaintRate', total?.complained ?? 0, count),
    ratio('returnRate', total?.returned ?? 0, count),
    ratio('collectionRate', collectedFen, dueFen),
    {
      key: 'overdueAmount',
      value: sumOf(receivables.aging, (a) => a.amountFen),
      unit: 'fen',
      drill: true,
    },
    ratio('allocationFillRate', fill.allocated, fill.requested),
    ratio('quotationConversionRate', quotes.ordered, quotes.sent),
  ];

  return {
    month,
    companyId,
    builtAt: now.toISOString(),
    figures,
    stageCycles: stages.map((s) => ({
      stage: s.stage,
      avgHours: round2(s.avg_hours),
      count: s.finished,
      onTimeRate: rate(s.on_time, s.timed),
      timed: s.timed,
      onTime: s.on_time,
    })),
    complaintReasons: reasons.complaints,
    returnReasons: reasons.returns,
    agingBuckets: BUCKETS.map((bucket) => {
      const b = receivables.aging.find((a) => a.bucket === bucket);
      return { bucket, amountFen: b?.amountFen ?? 0, count: b?.count ?? 0 };
    }),
    sales: {
      byRegion: await salesRows(db, p, 'region', sets.region),
      byCustomer: await salesRows(db, p, 'customer', sets.customer.slice(0, TOP)),
      byProduct: (await repo.salesByProduct(db, p, TOP)).map((r) => ({
        key: r.key,
        name: r.name,
        orderCount: r.order_count,
        amountFen: Number(r.amount_fen),
      })),
      bySalesperson: await salesRows(db, p, 'clerk', sets.clerk),
    },
    kpis: {
      clerks: await kpiRows(db, p, 'clerk', receivables, { orders: sets.clerk, stages: stageSets.clerk }),
      departments: await kpiRows(db, p, 'department', receivables, {
        orders: sets.department,
        stages: stageSets.department,
      }),
    },
    customers: await customerAnalysis(db, p),
  };
}

async function salesRows(db: Db, p: repo.Period, by: repo.GroupBy, rows: OrderAggregate[]): Promise<SalesRow[]> {
  const names = await keyNames(
    db,
    p.companyId,
    by,
    rows.map((r) => r.key),
  );
  return rows.map((r) => ({
    key: r.key,
    name: names.get(r.key) ?? r.key,
    orderCount: r.order_count,
    amountFen: Number(r.amount_fen),
  }));
}
