import { parseMoney } from '../../lib/money';
import type { Settings } from '../settings/settings.schemas';
import type { OrderChecks } from '../orders/order-checks';
import type { StageName } from './review.table';

/**
 * The stages an order's review goes through (审核流程), from configuration: the order type's base
 * stages; + production when a line lacks stock; + sales director when credit is exceeded;
 * + general manager above the amount threshold, for configured order types, or at zero or negative margin.
 */
export function planStages(
  settings: Settings,
  order: { orderType: string; total: string },
  checks: Pick<OrderChecks, 'stock' | 'credit' | 'margin'>,
): StageName[] {
  const r = settings.review;
  const stages: StageName[] = [...(r.baseStages[order.orderType] ?? r.baseStages.default ?? ['sales', 'finance'])];
  const add = (s: StageName) => void (stages.includes(s) || stages.push(s));
  if (!checks.stock.ok) add('production');
  if (!checks.credit.ok) add('director');
  if (
    parseMoney(order.total) >= parseMoney(r.gmThreshold) ||
    r.gmOrderTypes.includes(order.orderType) ||
    !checks.margin.ok
  )
    add('gm');
  return stages;
}
