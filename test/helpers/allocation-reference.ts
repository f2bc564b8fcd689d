// The allocation engine as first written, straight from spec/allocation.md with no regard for speed: the
// fast engine must give exactly its result (src/modules/allocation/engine/engine.reference.spec.ts).
import { formatMoney, parseMoney } from '../../src/lib/money';
import { addDays } from '../../src/lib/calendar/calendar';
import type {
  AllocationInput,
  AllocationResult,
  AllocationRow,
  Rule,
  RowFacts,
  TargetKind,
} from '../../src/modules/allocation/engine/types';

// 分货引擎 (spec/allocation.md): a pure function of the input. Phase 1 ships to paid franchisees
// (6.4.2.1–6.4.2.4), phase 2 reserves for the rest (6.4.2.5), phase 3 serves direct and joint
// regions and stores by season and class (6.4.3). Money in integer fen, never floats.

/** Orders strings by Unicode code point (not UTF-16 units). */
export const byCodePoint = (a: string, b: string) => {
  const x = [...a],
    y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
};

/** One grant before merging; franchisee grants know their order line (its index in franchiseeOrders). */
export type Grant = {
  sku: string;
  kind: TargetKind;
  id: string;
  qty: number;
  status: 'ship' | 'reserved';
  rule: Rule;
  funds: bigint;
  credit: bigint;
  facts: RowFacts;
  lineIndex?: number;
};
export type ExplainedRow = AllocationRow & { facts: RowFacts };

const CLASS_RANK: Record<string, number> = { A: 0, B: 1, C: 2 };

export function allocate(input: AllocationInput): AllocationResult {
  return toResult(input, runPhases(input));
}

/** The result rows with the facts their explanations are made from, and every grant before merging. */
export function allocateExplained(input: AllocationInput): {
  result: AllocationResult;
  rows: ExplainedRow[];
  grants: Grant[];
} {
  const phases = runPhases(input);
  const result = toResult(input, phases);
  return {
    result,
    rows: result.allocations.map((row, i) => ({ ...row, facts: phases.merged[i].facts })),
    grants: phases.grants,
  };
}

function runPhases(input: AllocationInput) {
  const product = new Map(input.products.map((p, i) => [p.sku, { ...p, fen: parseMoney(p.price), index: i }]));
  const left = new Map(input.products.map((p) => [p.sku, 0]));
  for (const a of input.available) left.set(a.sku, (left.get(a.sku) ?? 0) + a.qty);
  const grants: Grant[] = [];

  // Franchisee lines in launch-plan order: launchPriority, then SKU, then input order.
  type Line = { sku: string; qty: number; fen: bigint; launch: number; index: number; short: number };
  const linesOf = new Map<string, Line[]>();
  input.franchiseeOrders.forEach((o, index) => {
    const p = product.get(o.sku)!;
    const line = {
      sku: o.sku,
      qty: o.qty,
      fen: o.price !== undefined ? parseMoney(o.price) : p.fen,
      launch: p.launchPriority,
      index,
      short: o.qty,
    };
    const l = linesOf.get(o.franchisee);
    if (l) l.push(line);
    else linesOf.set(o.franchisee, [line]);
  });
  for (const lines of linesOf.values())
    lines.sort((a, b) => a.launch - b.launch || byCodePoint(a.sku, b.sku) || a.index - b.index);

  const money = new Map(
    input.franchisees.map((f) => [
      f.id,
      { funds: parseMoney(f.funds), credit: parseMoney(f.credit), fundsUsed: 0n, creditUsed: 0n },
    ]),
  );

  // Phase 1 — paid franchisees ship (6.4.2.1–6.4.2.4).
  const paid = input.franchisees.filter((f) => money.get(f.id)!.funds > 0n);
  const fundsOf = (id: string) => money.get(id)!.funds;
  paid.sort(
    input.policy.paidFranchiseeOrder === 'funds'
      ? (a, b) => cmpBig(fundsOf(b.id), fundsOf(a.id)) || a.priority - b.priority || byCodePoint(a.id, b.id)
      : (a, b) => a.priority - b.priority || cmpBig(fundsOf(b.id), fundsOf(a.id)) || byCodePoint(a.id, b.id),
  );
  for (const f of paid) {
    const m = money.get(f.id)!;
    for (const line of linesOf.get(f.id) ?? []) {
      const stock = left.get(line.sku)!;
      const want = Math.min(line.qty, stock);
      const purse = m.funds - m.fundsUsed + m.credit - m.creditUsed;
      const affordable = line.fen === 0n ? Infinity : Number(purse / line.fen);
      const grant = Math.min(want, affordable);
      if (grant <= 0) continue;
      const cost = line.fen * BigInt(grant);
      const fromFunds = minBig(cost, m.funds - m.fundsUsed);
      m.fundsUsed += fromFunds;
      m.creditUsed += cost - fromFunds;
      left.set(line.sku, stock - grant);
      line.short -= grant;
      grants.push({
        sku: line.sku,
        kind: 'franchisee',
        id: f.id,
        qty: grant,
        status: 'ship',
        rule: affordable < want ? '6.4.2.4' : '6.4.2.2',
        funds: fromFunds,
        credit: cost - fromFunds,
        facts: { requested: line.qty },
        lineIndex: line.index,
      });
    }
  }

  // Phase 2 — lock stock for unpaid demand (6.4.2.5).
  const byPriority = [...input.franchisees].sort((a, b) => a.priority - b.priority || byCodePoint(a.id, b.id));
  for (const f of byPriority) {
    for (const line of linesOf.get(f.id) ?? []) {
      const grant = Math.min(line.short, left.get(line.sku)!);
      if (grant <= 0) continue;
      left.set(line.sku, left.get(line.sku)! - grant);
      line.short -= grant;
      grants.push({
        sku: line.sku,
        kind: 'franchisee',
        id: f.id,
        qty: grant,
        status: 'reserved',
        rule: '6.4.2.5',
        funds: 0n,
        credit: 0n,
        facts: { requested: line.short + grant },
        lineIndex: line.index,
      });
    }
  }

  // Phase 3 — direct and joint regions and stores (6.4.3).
  const seasonList = input.regionPriority[input.season] ?? [];
  const regionRank = new Map<string, number>();
  seasonList.forEach((r) => regionRank.has(r) || regionRank.set(r, regionRank.size));
  const others = [...new Set([...input.stores.map((s) => s.region), ...input.regionDemand.map((d) => d.region)])]
    .filter((r) => !regionRank.has(r))
    .sort(byCodePoint);
  others.forEach((r) => regionRank.set(r, regionRank.size));
  const store = new Map(input.stores.map((s) => [s.id, s]));

  type Demand = {
    target: TargetKind;
    id: string;
    region: string;
    regionIdx: number;
    cls: number;
    index: number;
    qty: number;
  };
  const demandOf = new Map<string, Demand[]>();
  const addDemand = (sku: string, d: Demand) => {
    const l = demandOf.get(sku);
    if (l) l.push(d);
    else demandOf.set(sku, [d]);
  };
  input.storeDemand.forEach((d, index) => {
    const s = store.get(d.store)!;
    addDemand(d.sku, {
      target: 'store',
      id: s.id,
      region: s.region,
      regionIdx: regionRank.get(s.region)!,
      cls: CLASS_RANK[s.class],
      index,
      qty: d.qty,
    });
  });
  input.regionDemand.forEach((d, index) =>
    addDemand(d.sku, {
      target: 'region',
      id: d.region,
      region: d.region,
      regionIdx: regionRank.get(d.region)!,
      cls: 0,
      index,
      qty: d.qty,
    }),
  );

  const kindRank = (d: Demand) => (d.target === 'store' ? 0 : 1);
  const sameTarget = (a: Demand, b: Demand) => byCodePoint(a.id, b.id) || a.index - b.index;
  const seasonalOrder = (a: Demand, b: Demand) =>
    a.regionIdx - b.regionIdx || kindRank(a) - kindRank(b) || a.cls - b.cls || sameTarget(a, b);
  const nonSeasonalOrder = (a: Demand, b: Demand) =>
    kindRank(a) - kindRank(b) || a.regionIdx - b.regionIdx || a.cls - b.cls || sameTarget(a, b);

  const skuOrder = [...input.products].sort((a, b) => a.launchPriority - b.launchPriority || byCodePoint(a.sku, b.sku));
  for (const p of skuOrder) {
    const demand = demandOf.get(p.sku);
    if (!demand) continue;
    demand.sort(p.seasonal ? seasonalOrder : nonSeasonalOrder);
    const rule: Rule = p.seasonal ? '6.4.3.3' : '6.4.3.4';
    for (const d of demand) {
      const stock = left.get(p.sku)!;
      if (stock <= 0) break;
      const grant = Math.min(d.qty, stock);
      if (grant <= 0) continue;
      left.set(p.sku, stock - grant);
      grants.push({
        sku: p.sku,
        kind: d.target,
        id: d.id,
        qty: grant,
        status: 'ship',
        rule,
        funds: 0n,
        credit: 0n,
        facts: { requested: d.qty, region: d.region, regionRank: d.regionIdx + 1 },
      });
    }
  }

  return { grants, merged: mergeConsecutive(grants), money, left };
}

/** Consecutive grants of one SKU to one target under one rule and status become one row. */
function mergeConsecutive(grants: Grant[]): Grant[] {
  const out: Grant[] = [];
  for (const g of grants) {
    const last = out[out.length - 1];
    if (
      last &&
      last.sku === g.sku &&
      last.kind === g.kind &&
      last.id === g.id &&
      last.rule === g.rule &&
      last.status === g.status
    ) {
      last.qty += g.qty;
      last.funds += g.funds;
      last.credit += g.credit;
      last.facts = { ...last.facts, requested: last.facts.requested + g.facts.requested };
    } else out.push({ ...g, facts: { ...g.facts }, lineIndex: undefined });
  }
  return out;
}

function toResult(input: AllocationInput, r: ReturnType<typeof runPhases>): AllocationResult {
  const expiresOn = addDays(input.asOf, input.policy.reservationDays);
  return {
    schema: 'allocation-result/v1',
    allocations: r.merged.map((g) => {
      // Keys in the order of the published examples.
      const base = { sku: g.sku, to: { kind: g.kind, id: g.id }, qty: g.qty, status: g.status };
      if (g.status === 'reserved') return { ...base, expiresOn, rule: g.rule };
      if (g.rule === '6.4.2.2' || g.rule === '6.4.2.4')
        return { ...base, rule: g.rule, fundsUsed: formatMoney(g.funds), creditUsed: formatMoney(g.credit) };
      return { ...base, rule: g.rule } as AllocationRow;
    }),
    franchisees: input.franchisees.map((f) => {
      const m = r.money.get(f.id)!;
      return {
        id: f.id,
        fundsUsed: formatMoney(m.fundsUsed),
        creditUsed: formatMoney(m.creditUsed),
        fundsLeft: formatMoney(m.funds - m.fundsUsed),
        creditLeft: formatMoney(m.credit - m.creditUsed),
      };
    }),
    remaining: input.products.map((p) => ({ sku: p.sku, qty: r.left.get(p.sku)! })),
  };
}

const cmpBig = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
const minBig = (a: bigint, b: bigint) => (a < b ? a : b);
