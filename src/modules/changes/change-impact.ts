import { parseMoney } from '../../lib/money';
import { deepDiscount } from '../review/review-plan';
import type { Settings } from '../settings/settings.schemas';
import type { ChangeAction, OrderVersion, VersionLine } from './change-actions';
import type { ChangeStage } from './change.table';

// What a change does beyond its lines (pure): stock to reserve or release per line and what is backordered,
// shipments in the warehouse it no longer fits, and the approval stages it needs.

export type StockPlanLine = {
  lineNo: number;
  productId: string;
  sku: string;
  /** Units newly reserved from available stock. */
  reserve: number;
  /** Reserved units given back to available stock. */
  release: number;
  /** Units newly backordered (stock does not cover them). */
  backorder: number;
  /** Backordered units no longer wanted. */
  dropBackorder: number;
  reservedAfter: number;
  backorderedAfter: number;
};

/**
 * Per line: what the new quantity needs beyond what the line holds (reserved + backordered) is reserved from
 * available stock, the rest backordered; what it needs less drops backorders first, then releases reservations.
 * Releases are counted before reservations, so a unit freed on one line can serve another. Products under
 * allocation (分货) are backordered whole, as at confirmation.
 */
export function planStock(
  before: OrderVersion,
  after: OrderVersion,
  available: ReadonlyMap<string, number>,
  allocated: ReadonlySet<string>,
): StockPlanLine[] {
  const free = new Map(available);
  const old = new Map(before.lines.map((l) => [l.lineNo, l]));
  const now = new Map(after.lines.map((l) => [l.lineNo, l]));
  const lineNos = [...new Set([...old.keys(), ...now.keys()])].sort((a, b) => a - b);
  const plans = lineNos.map((lineNo) => {
    const o = old.get(lineNo);
    const n = now.get(lineNo);
    const line = (n ?? o)!;
    const held = o ? o.reserved + o.backordered : 0;
    const need = n ? n.qty - n.shipped : 0;
    const plan: StockPlanLine = {
      lineNo,
      productId: line.productId,
      sku: line.sku,
      reserve: 0,
      release: 0,
      backorder: 0,
      dropBackorder: 0,
      reservedAfter: o?.reserved ?? 0,
      backorderedAfter: o?.backordered ?? 0,
    };
    if (need < held) {
      const drop = held - need;
      plan.dropBackorder = Math.min(drop, plan.backorderedAfter);
      plan.release = drop - plan.dropBackorder;
      free.set(line.productId, (free.get(line.productId) ?? 0) + plan.release);
    }
    return { plan, extra: Math.max(0, need - held) };
  });
  for (const { plan, extra } of plans) {
    if (!extra) continue;
    const can = allocated.has(plan.productId) ? 0 : Math.max(0, free.get(plan.productId) ?? 0);
    plan.reserve = Math.min(extra, can);
    plan.backorder = extra - plan.reserve;
    free.set(plan.productId, can - plan.reserve);
  }
  for (const { plan } of plans) {
    plan.reservedAfter += plan.reserve - plan.release;
    plan.backorderedAfter += plan.backorder - plan.dropBackorder;
  }
  return plans.map((p) => p.plan);
}

/** A shipment still in the warehouse, with the order lines it carries. */
export type OpenShipment = {
  id: string;
  number: string;
  status: string;
  lines: { orderLineNo: number; qty: number }[];
};
export type ShipmentImpact = { id: string; number: string; status: string; lineNos: number[]; reasons: string[] };

/**
 * Shipments in the warehouse that the new version no longer fits: a line removed or repriced (its shipment
 * would invoice the old price), a line's reservation below what the shipments carry, or a new address.
 */
export function touchedShipments(
  before: OrderVersion,
  after: OrderVersion,
  stock: readonly StockPlanLine[],
  shipments: readonly OpenShipment[],
): ShipmentImpact[] {
  const now = new Map(after.lines.map((l) => [l.lineNo, l]));
  const reservedAfter = new Map(stock.map((s) => [s.lineNo, s.reservedAfter]));
  const inShipments = new Map<number, number>();
  for (const s of shipments)
    for (const l of s.lines) inShipments.set(l.orderLineNo, (inShipments.get(l.orderLineNo) ?? 0) + l.qty);
  const addressChanged = JSON.stringify(before.head.delivery) !== JSON.stringify(after.head.delivery);
  const out: ShipmentImpact[] = [];
  for (const s of shipments) {
    const reasons = new Set<string>();
    const lineNos = new Set<number>();
    for (const l of s.lines) {
      const old = before.lines.find((x) => x.lineNo === l.orderLineNo);
      const n = now.get(l.orderLineNo);
      if (!n) reasons.add('line_removed');
      else if (old && old.unitPrice !== n.unitPrice) reasons.add('price_changed');
      else if ((reservedAfter.get(l.orderLineNo) ?? 0) < (inShipments.get(l.orderLineNo) ?? 0))
        reasons.add('quantity_below_shipment');
      else continue;
      lineNos.add(l.orderLineNo);
    }
    if (addressChanged) reasons.add('address_changed');
    if (reasons.size)
      out.push({ id: s.id, number: s.number, status: s.status, lineNos: [...lineNos], reasons: [...reasons] });
  }
  return out;
}

/** Lines whose price is new or changed by this change (the price rules look at these only). */
export function repricedLines(before: OrderVersion, after: OrderVersion): VersionLine[] {
  return after.lines.filter((n) => {
    const o = before.lines.find((x) => x.lineNo === n.lineNo);
    return !o || o.unitPrice !== n.unitPrice;
  });
}

export type StageFacts = {
  actions: readonly ChangeAction[];
  before: OrderVersion;
  after: OrderVersion;
  creditOk: boolean;
  listPrice: ReadonlyMap<string, string>;
  shipments: readonly ShipmentImpact[];
  mustProduce: boolean;
};

/**
 * The approvals a change needs (变更审批), each department its own stage: sales always; finance when a price,
 * the terms or the total change; warehouse when a shipment being picked or packed is touched; production when
 * more must be made; the sales director when the new total exceeds credit or a price is under the allowed
 * discount; the general manager when the margin becomes zero or negative or the total passes the threshold.
 */
export function planChangeStages(settings: Settings, f: StageFacts): ChangeStage[] {
  const r = settings.review;
  const stages: ChangeStage[] = ['sales'];
  const oldTotal = parseMoney(f.before.head.total);
  const newTotal = parseMoney(f.after.head.total);
  const margin = newTotal - parseMoney(f.after.head.costTotal);
  if (oldTotal !== newTotal || f.actions.some((a) => a.type === 'change_price' || a.type === 'change_payment_terms'))
    stages.push('finance');
  if (f.shipments.length) stages.push('warehouse');
  if (f.mustProduce) stages.push('production');
  const discounted = repricedLines(f.before, f.after).some((l) =>
    deepDiscount(
      { unitPrice: l.unitPrice, listPrice: f.listPrice.get(l.productId) ?? l.unitPrice, gift: l.gift },
      r.maxDiscountPercent,
    ),
  );
  if (!f.creditOk || discounted) stages.push('director');
  const threshold = parseMoney(r.gmThreshold);
  if (margin <= 0n || (newTotal >= threshold && newTotal > oldTotal)) stages.push('gm');
  return stages;
}
