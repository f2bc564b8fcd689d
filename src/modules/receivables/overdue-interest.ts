import type { Db } from '../../db/database';
import { divRoundHalfUp, formatMoney, parseMoney } from '../../lib/money';
import { openReceivables } from './receivable.service';
import { contractInterestRates } from './receivable-overdue.repository';

// 逾期利息: a customer's daily rate (basis points a day, customers.overdue_interest_bp; 5 = 0.05 % a day) on what
// is overdue, shown on the statement as lines of their own; the receivables themselves never change.
// For each overdue receivable: outstanding × rate × days overdue within the statement period (up to today),
// rounded half up to the fen. The outstanding is today's (what payments have covered so far).
// A contract may set its own rate (contracts.overdue_interest_bp): the receivables of orders called off it use
// that one instead of the customer's, 0 included.

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
  const byContract = await contractInterestRates(db, companyId, customerId);
  if (rateBp <= 0 && ![...byContract.values()].some((bp) => bp > 0)) return { lines: [], total: '0.00' };
  const end = period.to < period.today ? period.to : period.today;
  const lines: InterestLine[] = [];
  let total = 0n;
  for (const r of await openReceivables(db, companyId, period.today, customerId)) {
    const outstanding = parseMoney(r.outstanding);
    const rate = (r.orderId ? byContract.get(r.orderId) : undefined) ?? rateBp;
    if (outstanding <= 0n || rate <= 0) continue;
    const days = overdueDaysIn(r.dueDate, period.from, end);
    const fen = interestFen(outstanding, rate, days);
    if (days === 0 || fen === 0n) continue;
    total += fen;
    lines.push({
      receivableId: r.id,
      reference: r.orderNumber ?? '',
      dueDate: r.dueDate,
      outstanding: r.outstanding,
      days,
      rateBp: rate,
      interest: formatMoney(fen),
    });
  }
  return { lines, total: formatMoney(total) };
}
