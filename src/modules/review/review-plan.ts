import { parseMoney } from '../../lib/money';
import type { Settings } from '../settings/settings.schemas';
import type { OrderChecks } from '../orders/order-checks';
import type { StageName } from './review.table';

/** What the price rules look at: each line's price against the product's list price, and the order's margin. */
export type PricedLine = { unitPrice: string; listPrice: string; gift: boolean };
export type PricedOrder = {
  orderType: string;
  total: string;
  cost: string;
  lines: readonly PricedLine[];
  paymentMethod?: string;
  export?: boolean;
};

/** 外贸: documents against acceptance and open account give the buyer the goods before payment. */
export const MANAGER_APPROVED_METHODS = ['da', 'open_account'];

/** Percent (up to 2 decimals) as basis points, so comparisons stay exact integers. */
const bp = (percent: number) => BigInt(Math.round(percent * 100));

/** A line sold below its list price by more than the allowed discount (gifts are free by design). */
export function deepDiscount(line: PricedLine, maxDiscountPercent: number): boolean {
  if (line.gift) return false;
  const list = parseMoney(line.listPrice);
  // price < list × (1 − max): price × 10000 < list × (10000 − max in bp)
  return parseMoney(line.unitPrice) * 10_000n < list * (10_000n - bp(maxDiscountPercent));
}

/** The margin is positive but below the minimum (a zero or negative margin goes to the general manager). */
export function thinMargin(order: Pick<PricedOrder, 'total' | 'cost'>, minMarginPercent: number): boolean {
  const total = parseMoney(order.total);
  const margin = total - parseMoney(order.cost);
  return margin > 0n && margin * 10_000n < total * bp(minMarginPercent);
}

/**
 * Stages some order types always have, whatever the configuration: 赔货 the general manager (who sees the fault
 * and reason), 免费样机 finance's confirmation and the general manager's signature (spec 13: 165, 167–168).
 * Their prices are set by rule (cost, zero), so the discount rule does not add the director for them.
 */
const ALWAYS_STAGES: Record<string, StageName[]> = { replacement: ['gm'], sample: ['finance', 'gm'] };

/**
 * The stages an order's review goes through (审核流程), from configuration: the order type's base stages;
 * + production when a line lacks stock; + sales director when credit is exceeded, a price is below the list
 * price by more than the allowed discount, or the margin is below the minimum; + general manager above the
 * amount threshold, for configured order types, at zero or negative margin, or for an export order on D/A or
 * open account.
 */
export function planStages(
  settings: Settings,
  order: PricedOrder,
  checks: Pick<OrderChecks, 'stock' | 'credit' | 'margin'>,
): StageName[] {
  const r = settings.review;
  const stages: StageName[] = [...(r.baseStages[order.orderType] ?? r.baseStages.default ?? ['sales', 'finance'])];
  const add = (s: StageName) => void (stages.includes(s) || stages.push(s));
  if (!checks.stock.ok) add('production');
  if (
    !checks.credit.ok ||
    (!(order.orderType in ALWAYS_STAGES) && order.lines.some((l) => deepDiscount(l, r.maxDiscountPercent))) ||
    thinMargin(order, r.minMarginPercent)
  )
    add('director');
  if (
    parseMoney(order.total) >= parseMoney(r.gmThreshold) ||
    r.gmOrderTypes.includes(order.orderType) ||
    !checks.margin.ok ||
    (order.export && MANAGER_APPROVED_METHODS.includes(order.paymentMethod ?? ''))
  )
    add('gm');
  for (const s of ALWAYS_STAGES[order.orderType] ?? []) add(s);
  return stages;
}
