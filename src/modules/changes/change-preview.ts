import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { addWorkingHours } from '../../lib/calendar/calendar';
import { AppError } from '../../lib/errors';
import { formatMoney, parseMoney } from '../../lib/money';
import type { Actor } from '../auth/auth.service';
import { findCustomer } from '../customers/customer.repository';
import { checkCredit, type CreditCheck } from '../orders/order-credit';
import type { OrderLineRow, OrderRow } from '../orders/order.repository';
import { findProductsByIds } from '../products/product.repository';
import type { Settings } from '../settings/settings.schemas';
import { replayActions, totalsOf, type CatalogueProduct, type ChangeAction, type OrderVersion } from './change-actions';
import {
  planChangeStages,
  planStock,
  touchedShipments,
  type OpenShipment,
  type ShipmentImpact,
  type StockPlanLine,
} from './change-impact';
import type { ChangeStage } from './change.table';
import * as repo from './change.repository';
import { versionOf } from './order-versions';

// 变更预览: the actions replayed on the order as it stands, nothing written. The same computation runs inside
// apply on the locked rows, so what the approvers saw and what is written come from one place.

export type LineDiff = {
  lineNo: number;
  sku: string;
  name: string;
  change: 'added' | 'removed' | 'changed' | 'unchanged';
  shipped: number;
  old: { qty: number; unitPrice: string; amount: string } | null;
  new: { qty: number; unitPrice: string; amount: string } | null;
};
export type HeadDiff = { field: string; old: unknown; new: unknown };

export type ChangeFacts = {
  order: Pick<OrderRow, 'id' | 'customer_id' | 'warehouse_id' | 'version' | 'status'> & Parameters<typeof versionOf>[0];
  lines: readonly Omit<OrderLineRow, 'order_id'>[];
  shipments: readonly OpenShipment[];
  available: ReadonlyMap<string, number>;
};

export type Computed = {
  before: OrderVersion;
  after: OrderVersion;
  stock: StockPlanLine[];
  shipments: ShipmentImpact[];
  credit: CreditCheck;
  production: { lineNo: number; productId: string; sku: string; qty: number }[];
  /** Working hours production has to answer (with its completion date) once asked. */
  productionAnswerHours: number;
  stages: ChangeStage[];
  allocated: Set<string>;
};

/** Replays the actions on the facts (the order, its lines, its open shipments, available stock) and judges them. */
export async function computeChange(
  db: Db,
  actor: Actor,
  settings: Settings,
  facts: ChangeFacts,
  actions: readonly ChangeAction[],
): Promise<Computed> {
  const before = versionOf(facts.order, facts.lines);
  const productIds = [
    ...new Set([
      ...facts.lines.map((l) => l.product_id),
      ...actions.flatMap((a) => (a.type === 'add_line' ? [a.productId] : [])),
    ]),
  ];
  const products = await findProductsByIds(db, actor.companyId, productIds);
  const catalogue = new Map<string, CatalogueProduct>(
    products.map((p) => [
      p.id,
      {
        id: p.id,
        sku: p.sku,
        name: p.name,
        spec: p.spec,
        unit: p.unit,
        listPrice: p.list_price,
        standardCost: p.standard_cost,
        active: p.active,
      },
    ]),
  );
  const nextLineNo = (await repo.highestLineNo(db, actor.companyId, facts.order.id)) + 1;
  const after = replayActions(before, actions, catalogue, nextLineNo);
  // Cutting an order down to what already shipped is a short close (短交结案), not a change.
  if (after.lines.every((l) => l.qty === l.shipped))
    throw new AppError('CHANGE.NOTHING_LEFT_TO_SHIP', {}, [{ path: 'actions', message: 'nothing left to ship' }]);
  const allocated = new Set(products.filter((p) => p.allocated).map((p) => p.id));
  const stock = planStock(before, after, facts.available, allocated);
  const shipments = touchedShipments(before, after, stock, facts.shipments);
  const customer = await findCustomer(db, actor.companyId, facts.order.customer_id);
  if (!customer) throw new AppError('CUSTOMER.NOT_FOUND');
  const credit = await checkCredit(db, actor.companyId, {
    customerId: facts.order.customer_id,
    creditLimit: customer.credit_limit,
    orderId: facts.order.id,
    total: after.head.total,
    paymentMethod: after.head.paymentMethod,
  });
  const production = stock
    .filter((s) => s.backorder > 0 && !allocated.has(s.productId))
    .map((s) => ({ lineNo: s.lineNo, productId: s.productId, sku: s.sku, qty: s.backorder }));
  const stages = planChangeStages(settings, {
    actions,
    before,
    after,
    creditOk: credit.ok,
    listPrice: new Map(products.map((p) => [p.id, p.list_price])),
    shipments,
    mustProduce: production.length > 0,
  });
  const productionAnswerHours = settings.productionRequestHours;
  return { before, after, stock, shipments, credit, production, productionAnswerHours, stages, allocated };
}

/** Reads the facts without locking anything (the preview). */
export async function readFacts(db: Db, actor: Actor, order: ChangeFacts['order'], lines: ChangeFacts['lines']) {
  const shipments = await repo.openShipmentsOfOrder(db, actor.companyId, order.id);
  const productIds = [...new Set(lines.map((l) => l.product_id))];
  const available = await repo.availableStock(db, actor.companyId, order.warehouse_id, productIds);
  return { order, lines, shipments, available } satisfies ChangeFacts;
}

const lineView = (l: { qty: number; unitPrice: string; amount: string }) => ({
  qty: l.qty,
  unitPrice: l.unitPrice,
  amount: l.amount,
});

export function lineDiffs(before: OrderVersion, after: OrderVersion): LineDiff[] {
  const nos = [...new Set([...before.lines, ...after.lines].map((l) => l.lineNo))].sort((a, b) => a - b);
  return nos.map((lineNo) => {
    const o = before.lines.find((l) => l.lineNo === lineNo);
    const n = after.lines.find((l) => l.lineNo === lineNo);
    const line = (n ?? o)!;
    const same = o && n && o.qty === n.qty && o.unitPrice === n.unitPrice;
    return {
      lineNo,
      sku: line.sku,
      name: line.name,
      change: !o ? 'added' : !n ? 'removed' : same ? 'unchanged' : 'changed',
      shipped: line.shipped,
      old: o ? lineView(o) : null,
      new: n ? lineView(n) : null,
    };
  });
}

const HEAD_FIELDS = ['expectedDeliveryDate', 'delivery', 'paymentMethod', 'paymentDays', 'depositPercent'] as const;

export function headDiffs(before: OrderVersion, after: OrderVersion): HeadDiff[] {
  return HEAD_FIELDS.filter((f) => JSON.stringify(before.head[f]) !== JSON.stringify(after.head[f])).map((f) => ({
    field: f,
    old: before.head[f],
    new: after.head[f],
  }));
}

/** The preview as the API shows it: old → new, the differences, and every impact. */
export function previewOf(c: Computed, versions: { base: number; current: number }, env: Env) {
  const old = totalsOf(c.before.lines);
  const now = totalsOf(c.after.lines);
  return {
    baseVersion: versions.base,
    orderVersion: versions.current,
    stale: versions.base !== versions.current,
    lines: lineDiffs(c.before, c.after),
    head: headDiffs(c.before, c.after),
    totals: {
      old: { total: c.before.head.total, cost: c.before.head.costTotal, margin: old.margin },
      new: { total: c.after.head.total, cost: c.after.head.costTotal, margin: now.margin },
      totalDelta: formatMoney(parseMoney(c.after.head.total) - parseMoney(c.before.head.total)),
      marginDelta: formatMoney(parseMoney(now.margin) - parseMoney(old.margin)),
    },
    stock: c.stock.filter((s) => s.reserve || s.release || s.backorder || s.dropBackorder),
    credit: c.credit,
    // Asked on apply, production answers with its completion date by this time (its time limit in working hours).
    production: {
      required: c.production.length > 0,
      lines: c.production,
      answerBy: c.production.length ? addWorkingHours(env.now, c.productionAnswerHours, env.workingHours) : null,
    },
    shipments: c.shipments,
    approvals: c.stages,
  };
}
export type Preview = ReturnType<typeof previewOf>;
