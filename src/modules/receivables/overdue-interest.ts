import type { Db } from '../../db/database';
import { divRoundHalfUp, formatMoney, parseMoney } from '../../lib/money';
import { openReceivables } from './receivable.service';

// 逾期利息: a customer's daily rate (basis points a day, customers.overdue_interest_bp; 5 = 0.05 % a day) on what
// is overdue, shown on the statement as lines of their own; the receivables themselves never change.
// For each overdue receivable: outstanding × rate × days overdue within the statement period (up to today),
// rounded half up to the fen. The outstanding is today's (what payments have covered so far).
// A contract-level rate will come with contracts and take precedence over the customer's.

const DAY_MS = 86_400_000;
const dayNo = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / DAY_MS);

/** Days of [from, to] after the due date (the due day itself is not overdue). */
export function overdueDaysIn(dueDate: string, from: string, to: string): number {
  const first = Math.max(dayNo(from), dayNo(dueDate) + 1);
  return Math.max(0, dayNo(to) - first + 1);
}

/** Interest in fen: outstanding fen × basis points a day × days / 10 000, half up. */
export function interestFen(outstanding: bigint, rateBp: number, days: number): bigint {
  return divRoundHalfUp(outstanding * BigInt(rateBp) * BigInt(days), 10_000n);
}

export type InterestLine = {
  receivableId: string;
  reference: string;
  dueDate: string;
  outstanding: string;
  days: number;
  rateBp: number;
  interest: string;
};

/** The interest lines of a customer's statement for [from, to], counted up to `today`; none without a rate. */
export async function overdueInterestLines(
  db: Db,
  companyId: string,
  customerId: string,
  rateBp: number,
  period: { from: string; to: string; today: string },
): Promise<{ lines: InterestLine[]; total: string }> {
  if (rateBp <= 0) return { lines: [], total: '0.00' };
  const end = period.to < period.today ? period.to : period.today;
  const lines: InterestLine[] = [];
  let total = 0n;
  for (const r of await openReceivables(db, companyId, period.today, customerId)) {
    const outstanding = parseMoney(r.outstanding);
    if (outstanding <= 0n) continue;
    const days = overdueDaysIn(r.dueDate, period.from, end);
    const fen = interestFen(outstanding, rateBp, days);
    if (days === 0 || fen === 0n) continue;
    total += fen;
    lines.push({
      receivableId: r.id,
      reference: r.orderNumber ?? '',
      dueDate: r.dueDate,
      outstanding: r.outstanding,
      days,
      rateBp,
      interest: formatMoney(fen),
    });
  }
  return { lines, total: formatMoney(total) };
}
