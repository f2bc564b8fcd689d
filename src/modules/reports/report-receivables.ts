import type { Db } from '../../db/database';
import { parseMoney } from '../../lib/money';
import { openReceivables } from '../receivables/receivable.service';
import type { Period } from './report.repository';
import { lastDayOf } from './report-period';
import type { AgingBucket } from './report.types';

// Receivables of a period, by the receivables list's own rule (receipts and allowances applied to an order cover
// its receivables oldest due first, as of the moment the report is built).

const toFen = (money: string) => Number(parseMoney(money));

const agingOf: Record<string, AgingBucket> = { '0-30': '1-30', '31-60': '31-60', '61-90': '61-90', '>90': '90+' };

export type PeriodReceivables = {
  /** Receivables due in the period: their order, amount and what is collected of it (fen of RMB). */
  due: { orderId: string | null; amountFen: number; collectedFen: number }[];
  /** Outstanding past due on the period's last day (fen of RMB). */
  overdue: { orderId: string | null; outstandingFen: number; bucket: AgingBucket }[];
};

export async function periodReceivables(db: Db, p: Period): Promise<PeriodReceivables> {
  const last = lastDayOf(p);
  const rows = await openReceivables(db, p.companyId, last);
  const due = rows
    .filter((r) => r.dueDate >= p.from && r.dueDate <= last && parseMoney(r.amount) > 0n)
    .map((r) => ({
      orderId: r.orderId,
      amountFen: toFen(r.amountRmb),
      collectedFen: toFen(r.amountRmb) - toFen(r.outstandingRmb),
    }));
  const overdue = rows
    .filter((r) => agingOf[r.bucket] !== undefined)
    .map((r) => ({ orderId: r.orderId, outstandingFen: toFen(r.outstandingRmb), bucket: agingOf[r.bucket] }));
  return { due, overdue };
}

export const sumOf = <T>(rows: T[], f: (r: T) => number) => rows.reduce((n, r) => n + f(r), 0);

export const distinctOrders = (rows: { orderId: string | null }[]) => [
  ...new Set(rows.flatMap((r) => (r.orderId ? [r.orderId] : []))),
];
