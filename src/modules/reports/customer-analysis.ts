import type { Db } from '../../db/database';
import * as repo from './report.repository';
import type { MonthlyReport } from './report.types';

// 客户分析: where the month's customers are, their ABC classes by amount and by number of orders, and those whose
// orders fell off against the three months before.

const PREVIOUS_MONTHS = 3;
const FALL_BELOW = 0.5;

type Klass = 'A' | 'B' | 'C';

/** Pareto classes: the customers making up the first 70% of the total are A, up to 90% B, the rest C. */
export function abcClasses<T>(rows: T[], value: (r: T) => number): Map<T, Klass> {
  const sorted = [...rows].sort((a, b) => value(b) - value(a));
  const total = sorted.reduce((n, r) => n + value(r), 0);
  const out = new Map<T, Klass>();
  let before = 0;
  for (const r of sorted) {
    const share = total ? before / total : 0;
    out.set(r, share < 0.7 ? 'A' : share < 0.9 ? 'B' : 'C');
    before += value(r);
  }
  return out;
}

type MonthRow = { customer_id: string; name: string; back: number; amount_fen: string };

/** Customers whose month fell below half of their average over the three months before (back 1..3). */
export function fallingOffCustomers(rows: MonthRow[]) {
  const customers = new Map<string, { name: string; now: number; before: number }>();
  for (const r of rows) {
    const c = customers.get(r.customer_id) ?? { name: r.name, now: 0, before: 0 };
    if (r.back === 0) c.now += Number(r.amount_fen);
    else c.before += Number(r.amount_fen);
    customers.set(r.customer_id, c);
  }
  return [...customers.entries()]
    .map(([customerId, c]) => ({
      customerId,
      name: c.name,
      monthAmountFen: c.now,
      previousAvgFen: Math.round(c.before / PREVIOUS_MONTHS),
      dropRate: c.before ? 1 - c.now / (c.before / PREVIOUS_MONTHS) : 0,
    }))
    .filter((c) => c.previousAvgFen > 0 && c.monthAmountFen < c.previousAvgFen * FALL_BELOW)
    .sort((a, b) => b.dropRate - a.dropRate || b.previousAvgFen - a.previousAvgFen);
}

export async function customerAnalysis(db: Db, p: repo.Period): Promise<MonthlyReport['customers']> {
  const rows = await repo.customerMonths(db, p, PREVIOUS_MONTHS);
  const month = rows.filter((r) => r.back === 0);
  const byRegion = new Map<string, { customers: number; orders: number; amount: number }>();
  for (const r of month) {
    const g = byRegion.get(r.region) ?? { customers: 0, orders: 0, amount: 0 };
    g.customers += 1;
    g.orders += r.order_count;
    g.amount += Number(r.amount_fen);
    byRegion.set(r.region, g);
  }
  const byAmount = abcClasses(month, (r) => Number(r.amount_fen));
  const byFrequency = abcClasses(month, (r) => r.order_count);

  const fallingOff = fallingOffCustomers(rows);

  return {
    byRegion: [...byRegion.entries()]
      .map(([region, g]) => ({
        key: region,
        name: region,
        customerCount: g.customers,
        orderCount: g.orders,
        amountFen: g.amount,
      }))
      .sort((a, b) => b.amountFen - a.amountFen || a.key.localeCompare(b.key)),
    abc: month
      .map((r) => ({
        customerId: r.customer_id,
        name: r.name,
        amountFen: Number(r.amount_fen),
        orderCount: r.order_count,
        amountClass: byAmount.get(r)!,
        frequencyClass: byFrequency.get(r)!,
      }))
      .sort((a, b) => b.amountFen - a.amountFen),
    fallingOff,
  };
}
