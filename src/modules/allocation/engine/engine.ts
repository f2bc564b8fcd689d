import { formatMoney, parseMoney } from '../../../lib/money';
import { addDays } from '../../../lib/calendar/calendar';
import type { AllocationInput, AllocationResult, AllocationRow, Rule, RowFacts, TargetKind } from './types';
import { bucketSort, byCodePoint, identity, rankOf, sortedIndices } from './order';
import { GrantLog, KINDS, RULES, type MergedRow } from './grant-log';

export { byCodePoint } from './order';

// 分货引擎 (spec/allocation.md): a pure function of the input. Phase 1 ships to paid franchisees
// (6.4.2.1–6.4.2.4), phase 2 reserves for the rest (6.4.2.5), phase 3 serves direct and joint
// regions and stores by season and class (6.4.3). Money in integer fen, never floats: fen are held in
// doubles only while they stay far below 2^53, where doubles are exact integers; beyond that in bigint.
// Names become integer indices once, orders become ranks once, and every line is walked in linear time.

/** One grant before merging; franchisee grants know their order line (its index in franchiseeOrders). */
export type Grant = {
  sku: string;
  kind: TargetKind;
  id: string;
  qty: number;
  status: 'ship' | 'reserved';
  rule: Rule;
  lineIndex?: number;
};
export type ExplainedRow = AllocationRow & { facts: RowFacts };

/** Money of a franchisee below this many fen is computed in doubles (exact with room for a product). */
const SAFE_FEN = 2 ** 50;
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
    rows: result.allocations.map((row, i) => ({ ...row, facts: factsOf(phases.log.rows[i], phases.regionNames) })),
    grants: phases.log.grants(input, phases.regionNames),
  };
}

/** Fen of a money string as a double (exact below 2^53; the engine only trusts it below SAFE_FEN). */
function fenOf(s: string): number {
  const dot = s.indexOf('.');
  if (dot < 0) return Number(s) * 100;
  const dec = s.slice(dot + 1);
  return Number(s.slice(0, dot)) * 100 + Number(dec) * (dec.length === 1 ? 10 : 1);
}

function runPhases(input: AllocationInput) {
  const P = input.products.length;
  const skuIdx = new Map<string, number>();
  const productFen = new Float64Array(P);
  input.products.forEach((p, i) => {
    skuIdx.set(p.sku, i);
    productFen[i] = fenOf(p.price);
  });
  const left = new Float64Array(P);
  for (const a of input.available) {
    const p = skuIdx.get(a.sku);
    if (p !== undefined) left[p] += a.qty;
  }
  // Launch-plan order of SKUs: launchPriority, then SKU.
  const skuOrder = sortedIndices(
    P,
    (a, b) =>
      input.products[a].launchPriority - input.products[b].launchPriority ||
      byCodePoint(input.products[a].sku, input.products[b].sku),
  );
  const skuRank = rankOf(skuOrder);

  const F = input.franchisees.length;
  const fIdx = new Map<string, number>();
  const funds = new Float64Array(F);
  const credit = new Float64Array(F);
  const exact = new Array<boolean>(F);
  input.franchisees.forEach((f, i) => {
    fIdx.set(f.id, i);
    funds[i] = fenOf(f.funds);
    credit[i] = fenOf(f.credit);
    exact[i] = funds[i] + credit[i] < SAFE_FEN;
  });
  const idRank = rankOf(sortedIndices(F, (a, b) => byCodePoint(input.franchisees[a].id, input.franchisees[b].id)));

  // Franchisee lines grouped by franchisee, each group in launch-plan order, then input order: two stable
  // counting sorts, linear in lines.
  const orders = input.franchiseeOrders;
  const N = orders.length;
  const lineF = new Int32Array(N);
  const lineP = new Int32Array(N);
  const lineSkuRank = new Int32Array(N);
  const lineFen = new Float64Array(N);
  const lineQty = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const o = orders[i];
    const p = skuIdx.get(o.sku)!;
    lineF[i] = fIdx.get(o.franchisee)!;
    lineP[i] = p;
    lineSkuRank[i] = skuRank[p];
    lineFen[i] = o.price !== undefined ? fenOf(o.price) : productFen[p];
    lineQty[i] = o.qty;
  }
  const bySku = bucketSort(identity(N), lineSkuRank, P).sorted;
  const { sorted: lineOrder, starts: lineStart } = bucketSort(bySku, lineF, F);
  // The lines' columns laid out in walking order (position k), so both phases read memory in sequence.
  const sP = new Int32Array(N);
  const sQty = new Float64Array(N);
  const sFen = new Float64Array(N);
  for (let k = 0; k < N; k++) {
    const i = lineOrder[k];
    sP[k] = lineP[i];
    sQty[k] = lineQty[i];
    sFen[k] = lineFen[i];
  }
  const short = sQty.slice();

  const log = new GrantLog();
  const spentFunds: (number | bigint)[] = new Array(F).fill(0);
  const spentCredit: (number | bigint)[] = new Array(F).fill(0);

  // Phase 1 — paid franchisees ship (6.4.2.1–6.4.2.4).
  const paid = [...identity(F)].filter((f) => funds[f] > 0);
  const byFunds = (a: number, b: number) =>
    funds[b] - funds[a] || (exact[a] && exact[b] ? 0 : cmpBig(moneyOf(input, b).funds, moneyOf(input, a).funds));
  const prio = (f: number) => input.franchisees[f].priority;
  paid.sort(
    input.policy.paidFranchiseeOrder === 'funds'
      ? (a, b) => byFunds(a, b) || prio(a) - prio(b) || idRank[a] - idRank[b]
      : (a, b) => prio(a) - prio(b) || byFunds(a, b) || idRank[a] - idRank[b],
  );
  for (const f of paid) {
    if (!exact[f]) {
      shipExact(input, f, { lineOrder, lineStart, sP, left, short, log, spentFunds, spentCredit });
      continue;
    }
    let fundsLeft = funds[f];
    let creditLeft = credit[f];
    for (let k = lineStart[f]; k < lineStart[f + 1]; k++) {
      const p = sP[k];
      const stock = left[p];
      const want = Math.min(sQty[k], stock);
      if (want <= 0) continue;
      const fen = sFen[k];
      const purse = fundsLeft + creditLeft;
      let affordable = Infinity;
      if (fen !== 0) {
        affordable = Math.floor(purse / fen);
        if (affordable * fen > purse) affordable--;
        else if ((affordable + 1) * fen <= purse) affordable++;
      }
      const grant = Math.min(want, affordable);
      if (grant <= 0) continue;
      const cost = fen * grant;
      const fromFunds = Math.min(cost, fundsLeft);
      fundsLeft -= fromFunds;
      creditLeft -= cost - fromFunds;
      left[p] = stock - grant;
      short[k] -= grant;
      const rule = affordable < want ? RULES.money : RULES.paid;
      log.add(p, KINDS.franchisee, f, grant, rule, sQty[k], lineOrder[k], fromFunds, cost - fromFunds);
    }
    spentFunds[f] = funds[f] - fundsLeft;
    spentCredit[f] = credit[f] - creditLeft;
  }

  // Phase 2 — lock stock for unpaid demand (6.4.2.5).
  const byPriority = sortedIndices(F, (a, b) => prio(a) - prio(b) || idRank[a] - idRank[b]);
  for (const f of byPriority) {
    for (let k = lineStart[f]; k < lineStart[f + 1]; k++) {
      const p = sP[k];
      const grant = Math.min(short[k], left[p]);
      if (grant <= 0) continue;
      left[p] -= grant;
      short[k] -= grant;
      log.add(p, KINDS.franchisee, f, grant, RULES.reserve, short[k] + grant, lineOrder[k], 0, 0);
    }
  }

  const regionNames = serveRegions(input, skuIdx, skuOrder, left, log);
  return { log, left, spentFunds, spentCredit, regionNames };
}

/** Phase 1 for a franchisee whose money is too large for doubles: the same walk in bigint. */
function shipExact(
  input: AllocationInput,
  f: number,
  s: {
    lineOrder: Int32Array;
    lineStart: Int32Array;
    sP: Int32Array;
    left: Float64Array;
    short: Float64Array;
    log: GrantLog;
    spentFunds: (number | bigint)[];
    spentCredit: (number | bigint)[];
  },
) {
  const { lineOrder, lineStart, left, short, log } = s;
  const m = moneyOf(input, f);
  let fundsLeft = m.funds;
  let creditLeft = m.credit;
  for (let k = lineStart[f]; k < lineStart[f + 1]; k++) {
    const i = lineOrder[k];
    const line = input.franchiseeOrders[i];
    const p = s.sP[k];
    const product = input.products[p];
    const stock = left[p];
    const want = Math.min(line.qty, stock);
    const fen = parseMoney(line.price ?? product.price);
    const affordable = fen === 0n ? Infinity : Number((fundsLeft + creditLeft) / fen);
    const grant = Math.min(want, affordable);
    if (grant <= 0) continue;
    const cost = fen * BigInt(grant);
    const fromFunds = cost < fundsLeft ? cost : fundsLeft;
    fundsLeft -= fromFunds;
    creditLeft -= cost - fromFunds;
    left[p] = stock - grant;
    short[k] -= grant;
    const rule = affordable < want ? RULES.money : RULES.paid;
    log.add(p, KINDS.franchisee, f, grant, rule, line.qty, i, fromFunds, cost - fromFunds);
  }
  s.spentFunds[f] = m.funds - fundsLeft;
  s.spentCredit[f] = m.credit - creditLeft;
}

const moneyOf = (input: AllocationInput, f: number) => ({
  funds: parseMoney(input.franchisees[f].funds),
  credit: parseMoney(input.franchisees[f].credit),
});

/** Phase 3 — direct and joint regions and stores (6.4.3). Returns region names by rank. */
function serveRegions(
  input: AllocationInput,
  skuIdx: Map<string, number>,
  skuOrder: Int32Array,
  left: Float64Array,
  log: GrantLog,
) {
  const regionRank = new Map<string, number>();
  for (const r of input.regionPriority[input.season] ?? []) if (!regionRank.has(r)) regionRank.set(r, regionRank.size);
  const others = new Set<string>();
  for (const s of input.stores) if (!regionRank.has(s.region)) others.add(s.region);
  for (const d of input.regionDemand) if (!regionRank.has(d.region)) others.add(d.region);
  for (const r of [...others].sort(byCodePoint)) regionRank.set(r, regionRank.size);
  const regionNames = [...regionRank.keys()];
  const R = regionNames.length;

  // Stores by class, then id: one rank serves both seasonal and non-seasonal orders (region comes first).
  const S = input.stores.length;
  const storeIdx = new Map(input.stores.map((s, i) => [s.id, i]));
  const storeRank = rankOf(
    sortedIndices(
      S,
      (a, b) =>
        CLASS_RANK[input.stores[a].class] - CLASS_RANK[input.stores[b].class] ||
        byCodePoint(input.stores[a].id, input.stores[b].id),
    ),
  );

  // Every demand row: product, target (store index or region rank), region rank, and its sort key within its SKU.
  const SD = input.storeDemand.length;
  const D = SD + input.regionDemand.length;
  const dP = new Int32Array(D);
  const dKind = new Uint8Array(D);
  const dTarget = new Int32Array(D);
  const dRegion = new Int32Array(D);
  const dSub = new Int32Array(D);
  const dQty = new Float64Array(D);
  input.storeDemand.forEach((d, k) => {
    const s = storeIdx.get(d.store)!;
    dP[k] = skuIdx.get(d.sku)!;
    dKind[k] = 0;
    dTarget[k] = s;
    dRegion[k] = regionRank.get(input.stores[s].region)!;
    dSub[k] = storeRank[s];
    dQty[k] = d.qty;
  });
  input.regionDemand.forEach((d, j) => {
    const k = SD + j;
    const r = regionRank.get(d.region)!;
    dP[k] = skuIdx.get(d.sku)!;
    dKind[k] = 1;
    dTarget[k] = r;
    dRegion[k] = r;
    dQty[k] = d.qty;
  });
  // Seasonal (6.4.3.3): region, stores before the region's own prep, class, id, input order.
  // Non-seasonal (6.4.3.4): stores before regions, then region, class, id, input order.
  const seasonalKey = new Float64Array(D);
  const plainKey = new Float64Array(D);
  for (let k = 0; k < D; k++) {
    seasonalKey[k] = (dRegion[k] * 2 + dKind[k]) * (S + 1) + dSub[k];
    plainKey[k] = (dKind[k] * R + dRegion[k]) * (S + 1) + dSub[k];
  }
  const { sorted: demandOrder, starts } = bucketSort(identity(D), dP, input.products.length);

  for (const p of skuOrder) {
    const from = starts[p];
    const to = starts[p + 1];
    if (from === to) continue;
    const seasonal = input.products[p].seasonal;
    const key = seasonal ? seasonalKey : plainKey;
    // Ties of key are one target's rows, kept in input order (the bucket is in input order, the sort stable).
    const demand = demandOrder.subarray(from, to).sort((a, b) => key[a] - key[b] || a - b);
    const rule = seasonal ? RULES.seasonal : RULES.plain;
    for (const d of demand) {
      const stock = left[p];
      if (stock <= 0) break;
      const grant = Math.min(dQty[d], stock);
      if (grant <= 0) continue;
      left[p] = stock - grant;
      log.add(p, dKind[d] === 0 ? KINDS.store : KINDS.region, dTarget[d], grant, rule, dQty[d], -1, 0, 0, dRegion[d]);
    }
  }
  return regionNames;
}

function factsOf(row: MergedRow, regionNames: string[]): RowFacts {
  if (row.region < 0) return { requested: row.requested };
  return { requested: row.requested, region: regionNames[row.region], regionRank: row.region + 1 };
}

const fmt = (fen: number | bigint) => formatMoney(typeof fen === 'bigint' ? fen : BigInt(fen));

function toResult(input: AllocationInput, r: ReturnType<typeof runPhases>): AllocationResult {
  const expiresOn = addDays(input.asOf, input.policy.reservationDays);
  const allocations: AllocationRow[] = new Array(r.log.rows.length);
  r.log.rows.forEach((g, n) => {
    const sku = input.products[g.product].sku;
    const to = { kind: g.kind, id: r.log.targetId(input, g.kind, g.target, r.regionNames) };
    const rule = g.rule;
    // Keys in the order of the published examples.
    allocations[n] =
      rule === '6.4.2.5'
        ? { sku, to, qty: g.qty, status: 'reserved', expiresOn, rule }
        : rule === '6.4.2.2' || rule === '6.4.2.4'
          ? { sku, to, qty: g.qty, status: 'ship', rule, fundsUsed: fmt(g.funds), creditUsed: fmt(g.credit) }
          : { sku, to, qty: g.qty, status: 'ship', rule };
  });
  return {
    schema: 'allocation-result/v1',
    allocations,
    franchisees: input.franchisees.map((f, i) => {
      const m = moneyOf(input, i);
      const fundsUsed = BigInt(r.spentFunds[i]);
      const creditUsed = BigInt(r.spentCredit[i]);
      return {
        id: f.id,
        fundsUsed: formatMoney(fundsUsed),
        creditUsed: formatMoney(creditUsed),
        fundsLeft: formatMoney(m.funds - fundsUsed),
        creditLeft: formatMoney(m.credit - creditUsed),
      };
    }),
    remaining: input.products.map((p, i) => ({ sku: p.sku, qty: r.left[i] })),
  };
}

const cmpBig = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
