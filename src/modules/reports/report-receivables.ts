import type { Db } from '../../db/database';
import { periodReceivableRows, periodReceivableSums } from '../receivables/receivable.repository';
import type { Period } from './report.repository';
import { lastDayOf } from './report-period';
import type { AgingBucket } from './report.types';

// Receivables of a period, by the receivables list's own rule (receipts and allowances applied to an order cover
// its receivables oldest due first, as of the moment the report is built), computed in the database: only the
// receivables the period counts come back, not every receivable of the company.

const bucketOf = (daysOverdue: number): AgingBucket =>
  daysOverdue <= 30 ? '1-30' : daysOverdue <= 60 ? '31-60' : daysOverdue <= 90 ? '61-90' : '90+';

export type PeriodReceivables = {
  /** Receivables due in the period: their order, amount and what is collected of it (fen of RMB). */
  due: { orderId: string | null; amountFen: number; collectedFen: number }[];
  /** Outstanding past due on the period's last day (fen of RMB). */
  overdue: { orderId: string | null; outstandingFen: number; bucket: AgingBucket }[];
};

export async function periodReceivables(db: Db, p: Period): Promise<PeriodReceivables> {
  const rows = await periodReceivableRows(db, p.companyId, p.from, lastDayOf(p));
  const due = rows
    .filter((r) => r.due_in_period)
    .map((r) => ({
      orderId: r.order_id,
      amountFen: Number(r.amount_fen),
      collectedFen: Number(r.amount_fen) - Number(r.outstanding_fen),
    }));
  const overdue = rows
    .filter((r) => r.overdue)
    .map((r) => ({ orderId: r.order_id, outstandingFen: Number(r.outstanding_fen), bucket: bucketOf(r.days_overdue) }));
  return { due, overdue };
}

/** What the report adds of a period's receivables: those due in it one by one, and what is overdue by age. */
export type ReceivableFigures = {
  due: PeriodReceivables['due'];
  /** Outstanding past due on the period's last day, per age bucket (only the buckets that have any). */
  aging: { bucket: AgingBucket; amountFen: number; count: number }[];
};

/** `periodReceivables` as the report adds it, without a row per overdue receivable (there are many at scale). */
export async function periodReceivableFigures(db: Db, p: Period): Promise<ReceivableFigures> {
  const rows = await periodReceivableSums(db, p.companyId, p.from, lastDayOf(p));
  const due: ReceivableFigures['due'] = [];
  const aging = new Map<AgingBucket, { bucket: AgingBucket; amountFen: number; count: number }>();
  for (const r of rows) {
    if (r.days_overdue === null) {
      const amountFen = Number(r.amount_fen);
      due.push({ orderId: r.order_id, amountFen, collectedFen: amountFen - Number(r.outstanding_fen) });
      continue;
    }
    const bucket = bucketOf(r.days_overdue);
    const b = aging.get(bucket) ?? { bucket, amountFen: 0, count: 0 };
    b.amountFen += Number(r.outstanding_fen);
    b.count += r.count;
    aging.set(bucket, b);
  }
  return { due, aging: [...aging.values()] };
}

export const sumOf = <T>(rows: T[], f: (r: T) => number) => rows.reduce((n, r) => n + f(r), 0);

export const distinctOrders = (rows: { orderId: string | null }[]) => [
  ...new Set(rows.flatMap((r) => (r.orderId ? [r.orderId] : []))),
];
