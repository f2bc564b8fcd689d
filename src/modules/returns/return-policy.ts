import { formatMoney, parseMoney, percentOf } from '../../lib/money';
import type { Settings } from '../settings/settings.schemas';
import type { ReturnPolicy, ReturnReason } from './return.table';

// 退货政策: within N days of delivery, only returnable products, a restocking fee per reason. The result is kept
// on the return; an out-of-policy return may still be approved, by the sales director only (see the machine).

const DAY_MS = 86_400_000;

export function checkPolicy(
  settings: Settings['returns'],
  deliveredAt: Date | null,
  now: Date,
  lines: { lineNo: number; reason: ReturnReason; returnable: boolean }[],
): ReturnPolicy {
  const daysSinceDelivery = deliveredAt ? Math.floor((now.getTime() - deliveredAt.getTime()) / DAY_MS) : null;
  const withinDays = daysSinceDelivery === null || daysSinceDelivery <= settings.days;
  const policyLines = lines.map((l) => ({
    lineNo: l.lineNo,
    returnable: l.returnable,
    feePercent: String(settings.feePercent[l.reason]),
  }));
  return {
    days: settings.days,
    daysSinceDelivery,
    withinDays,
    lines: policyLines,
    inPolicy: withinDays && lines.every((l) => l.returnable),
  };
}

/**
 * The refund follows what came back (good + defective) at the original line prices, less the restocking fee of
 * each line's reason (half-up to the fen).
 */
export function refundOf(
  lines: { unit_price: string; fee_percent: string; good: number | null; defective: number | null }[],
) {
  let value = 0n;
  let fee = 0n;
  for (const l of lines) {
    const v = parseMoney(l.unit_price) * BigInt((l.good ?? 0) + (l.defective ?? 0));
    value += v;
    fee += percentOf(v, l.fee_percent);
  }
  return { value: formatMoney(value), fee: formatMoney(fee), amount: formatMoney(value - fee) };
}
