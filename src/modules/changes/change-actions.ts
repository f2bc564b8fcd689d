import { AppError } from '../../lib/errors';
import { formatMoney, lineAmount, parseMoney } from '../../lib/money';

// 变更动作: a change request is a list of typed actions replayed on a copy of the order's current version.
// Replay is pure (no database): the same actions on the same version give the same new version, so the
// preview the approvers saw is what apply writes. Handlers live in one record keyed by action type.

export type DeliveryAddress = { consignee: string; phone?: string; region?: string; address: string };

export type ChangeAction =
  | { type: 'change_qty'; lineNo: number; qty: number }
  | { type: 'add_line'; productId: string; qty: number; unitPrice?: string; gift?: boolean }
  | { type: 'remove_line'; lineNo: number }
  | { type: 'change_price'; lineNo: number; unitPrice: string }
  | { type: 'change_delivery_date'; expectedDeliveryDate: string }
  | { type: 'change_delivery'; delivery: DeliveryAddress }
  | { type: 'change_payment_terms'; paymentMethod: string; paymentDays: number; depositPercent?: string | null };
export type ChangeActionType = ChangeAction['type'];

export type VersionLine = {
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  spec: string;
  unit: string;
  qty: number;
  unitPrice: string;
  amount: string;
  standardCost: string;
  gift: boolean;
  reserved: number;
  backordered: number;
  shipped: number;
};
export type VersionHead = {
  expectedDeliveryDate: string | null;
  delivery: DeliveryAddress | null;
  paymentMethod: string;
  paymentDays: number;
  depositPercent: string | null;
  total: string;
  costTotal: string;
};
/** The order as one version: its head fields that a change may touch, and its lines. */
export type OrderVersion = { head: VersionHead; lines: VersionLine[] };

/** What an added line needs from the catalogue. */
export type CatalogueProduct = {
  id: string;
  sku: string;
  name: string;
  spec: string;
  unit: string;
  listPrice: string;
  standardCost: string;
  active: boolean;
};

type Replay = { version: OrderVersion; products: ReadonlyMap<string, CatalogueProduct>; nextLineNo: number };
type Handler<A extends ChangeAction> = (state: Replay, action: A, path: string) => void;

const field = (path: string, message: string) => [{ path, message }];

function lineOf(state: Replay, lineNo: number, path: string) {
  const line = state.version.lines.find((l) => l.lineNo === lineNo);
  if (!line) throw new AppError('CHANGE.UNKNOWN_LINE', { lineNo }, field(`${path}.lineNo`, 'no such line'));
  return line;
}

/** A line may never go below what already left the warehouse. */
function assertNotBelowShipped(line: VersionLine, qty: number, path: string) {
  if (qty < line.shipped)
    throw new AppError(
      'CHANGE.BELOW_SHIPPED',
      { lineNo: line.lineNo, sku: line.sku, shipped: line.shipped, qty },
      field(`${path}.qty`, `below the ${line.shipped} shipped`),
    );
}

function reprice(line: VersionLine) {
  line.amount = formatMoney(lineAmount(line.gift ? 0n : parseMoney(line.unitPrice), line.qty));
}

const handlers: { [T in ChangeActionType]: Handler<Extract<ChangeAction, { type: T }>> } = {
  change_qty(s, a, path) {
    const line = lineOf(s, a.lineNo, path);
    assertNotBelowShipped(line, a.qty, path);
    line.qty = a.qty;
    reprice(line);
  },
  add_line(s, a, path) {
    const p = s.products.get(a.productId);
    if (!p) throw new AppError('PRODUCT.NOT_FOUND', {}, field(`${path}.productId`, 'no such product'));
    if (!p.active) throw new AppError('PRODUCT.INACTIVE', { sku: p.sku }, field(`${path}.productId`, 'inactive'));
    const gift = a.gift ?? false;
    const line: VersionLine = {
      lineNo: s.nextLineNo++,
      productId: p.id,
      sku: p.sku,
      name: p.name,
      spec: p.spec,
      unit: p.unit,
      qty: a.qty,
      unitPrice: gift ? '0.00' : formatMoney(parseMoney(a.unitPrice ?? p.listPrice)),
      amount: '0.00',
      standardCost: p.standardCost,
      gift,
      reserved: 0,
      backordered: 0,
      shipped: 0,
    };
    reprice(line);
    s.version.lines.push(line);
  },
  remove_line(s, a, path) {
    const line = lineOf(s, a.lineNo, path);
    assertNotBelowShipped(line, 0, path);
    s.version.lines = s.version.lines.filter((l) => l !== line);
  },
  change_price(s, a, path) {
    const line = lineOf(s, a.lineNo, path);
    line.unitPrice = formatMoney(parseMoney(a.unitPrice));
    reprice(line);
  },
  change_delivery_date(s, a) {
    s.version.head.expectedDeliveryDate = a.expectedDeliveryDate;
  },
  change_delivery(s, a) {
    s.version.head.delivery = { ...a.delivery };
  },
  change_payment_terms(s, a) {
    s.version.head.paymentMethod = a.paymentMethod;
    s.version.head.paymentDays = a.paymentDays;
    if (a.depositPercent !== undefined) s.version.head.depositPercent = a.depositPercent;
  },
};

/** Totals of a version from its lines (the client's totals are never trusted). */
export function totalsOf(lines: readonly VersionLine[]) {
  let total = 0n;
  let cost = 0n;
  for (const l of lines) {
    total += parseMoney(l.amount);
    cost += lineAmount(parseMoney(l.standardCost), l.qty);
  }
  return { total: formatMoney(total), costTotal: formatMoney(cost), margin: formatMoney(total - cost) };
}

/**
 * Replays the actions on a copy of the version: the new version's head and lines, totals recomputed.
 * Refusals name the action's field (`actions[2].qty`).
 */
export function replayActions(
  base: OrderVersion,
  actions: readonly ChangeAction[],
  products: ReadonlyMap<string, CatalogueProduct>,
  nextLineNo: number,
): OrderVersion {
  const state: Replay = { version: structuredClone(base), products, nextLineNo };
  actions.forEach((a, i) => {
    const path = `actions[${i}]`;
    (handlers[a.type] as Handler<ChangeAction>)(state, a, path);
  });
  if (!state.version.lines.length)
    throw new AppError('CHANGE.NO_LINES_LEFT', {}, field('actions', 'removes every line'));
  const totals = totalsOf(state.version.lines);
  state.version.head.total = totals.total;
  state.version.head.costTotal = totals.costTotal;
  return state.version;
}

/** The line numbers whose quantity, price or existence the actions touch. */
export function touchedLines(actions: readonly ChangeAction[]): Set<number> {
  const out = new Set<number>();
  for (const a of actions) if ('lineNo' in a) out.add(a.lineNo);
  return out;
}
