import { formatMoney, lineAmount, parseMoney, toRmb } from '../../lib/money';
import { deepDiscount, thinMargin } from '../review/review-plan';
import type { ExtraCost } from './quotation.table';

// A quotation's numbers: each line's amount and cost (standard cost × qty + its share of the extra costs, spread
// by amount), the margin per line and in total, and why the sales director must approve (the order review's price
// rules: a price under the allowed discount, a margin under the minimum, or none at all). Prices of a foreign-currency
// quotation are in its currency and costs in RMB: revenue is converted at the quotation's rate before any margin.

export type PricingLine = { qty: number; unitPrice: string; listPrice: string; standardCost: string };
export type PricedLine = PricingLine & { amount: string; extraCost: string; cost: string; margin: string };
export type ApprovalReason = 'discount' | 'margin';

/** Spreads `extra` fen over the amounts, largest remainder first, so the shares add up exactly. */
export function spread(extra: bigint, amounts: bigint[]): bigint[] {
  const total = amounts.reduce((a, b) => a + b, 0n);
  if (amounts.length === 0) return [];
  if (total === 0n) {
    const even = amounts.map(() => extra / BigInt(amounts.length));
    even[0] += extra - even.reduce((a, b) => a + b, 0n);
    return even;
  }
  const shares = amounts.map((a) => (extra * a) / total);
  const order = amounts
    .map((a, i) => ({ i, rest: (extra * a) % total }))
    .sort((x, y) => (y.rest > x.rest ? 1 : y.rest < x.rest ? -1 : x.i - y.i));
  let left = extra - shares.reduce((a, b) => a + b, 0n);
  for (const { i } of order) {
    if (left <= 0n) break;
    shares[i] += 1n;
    left -= 1n;
  }
  return shares;
}

export function priceQuotation(
  lines: readonly PricingLine[],
  extraCosts: readonly ExtraCost[],
  limits: { maxDiscountPercent: number; minMarginPercent: number },
  rate = '1',
) {
  const amounts = lines.map((l) => lineAmount(parseMoney(l.unitPrice), l.qty));
  const rmb = amounts.map((a) => toRmb(a, rate));
  const extra = extraCosts.reduce((s, c) => s + parseMoney(c.amount), 0n);
  const shares = spread(extra, amounts);
  const priced: PricedLine[] = lines.map((l, i) => {
    const cost = lineAmount(parseMoney(l.standardCost), l.qty) + shares[i];
    return {
      ...l,
      amount: formatMoney(amounts[i]),
      extraCost: formatMoney(shares[i]),
      cost: formatMoney(cost),
      margin: formatMoney(rmb[i] - cost),
    };
  });
  const total = amounts.reduce((a, b) => a + b, 0n);
  const rmbTotal = rmb.reduce((a, b) => a + b, 0n);
  const cost = priced.reduce((s, l) => s + parseMoney(l.cost), 0n);
  const reasons: ApprovalReason[] = [];
  const inRmb = (price: string) => formatMoney(toRmb(parseMoney(price), rate));
  if (lines.some((l) => deepDiscount({ ...l, unitPrice: inRmb(l.unitPrice), gift: false }, limits.maxDiscountPercent)))
    reasons.push('discount');
  const totals = { total: formatMoney(rmbTotal), cost: formatMoney(cost) };
  if (rmbTotal - cost <= 0n || thinMargin(totals, limits.minMarginPercent)) reasons.push('margin');
  return {
    lines: priced,
    total: formatMoney(total),
    /** The total in RMB at the quotation's rate (the total itself for an RMB quotation). */
    rmbTotal: totals.total,
    costTotal: totals.cost,
    extraCostTotal: formatMoney(extra),
    margin: formatMoney(rmbTotal - cost),
    marginPercent: rmbTotal === 0n ? null : Number(((rmbTotal - cost) * 10_000n) / rmbTotal) / 100,
    approvalReasons: reasons,
  };
}
