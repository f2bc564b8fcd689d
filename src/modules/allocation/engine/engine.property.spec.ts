import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate } from './engine';
import { validateInput } from './validate';
import type { AllocationInput } from './types';
import { parseMoney } from '../../../lib/money';

const REGIONS = ['机场', '深圳', '东莞', '广州', '上海', '北京', '拉萨', '海口'];
const money = fc
  .integer({ min: 0, max: 500_000 })
  .map((fen) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`);

/** Valid allocation inputs of every shape: few SKUs and targets so that they collide often. */
export const inputArb: fc.Arbitrary<AllocationInput> = fc
  .record({
    nProducts: fc.integer({ min: 1, max: 6 }),
    nFranchisees: fc.integer({ min: 0, max: 5 }),
    nStores: fc.integer({ min: 0, max: 5 }),
  })
  .chain(({ nProducts, nFranchisees, nStores }) => {
    const skus = Array.from({ length: nProducts }, (_, i) => `P-${i}`);
    const fids = Array.from({ length: nFranchisees }, (_, i) => `F${i}`);
    const sids = Array.from({ length: nStores }, (_, i) => `S${i}`);
    const sku = fc.constantFrom(...skus);
    return fc.record({
      schema: fc.constant('allocation-input/v1' as const),
      asOf: fc.constantFrom('2026-03-02', '2026-12-25', '2024-02-28'),
      season: fc.constantFrom('spring_summer' as const, 'autumn_winter' as const),
      policy: fc.record({
        paidFranchiseeOrder: fc.constantFrom('priority' as const, 'funds' as const),
        reservationDays: fc.integer({ min: 0, max: 30 }),
      }),
      products: fc.tuple(
        ...skus.map((s) =>
          fc.record({
            sku: fc.constant(s),
            price: money,
            seasonal: fc.boolean(),
            launchPriority: fc.integer({ min: 1, max: 4 }),
          }),
        ),
      ),
      available: fc.uniqueArray(fc.record({ sku, qty: fc.integer({ min: 0, max: 60 }) }), {
        selector: (a) => a.sku,
        maxLength: nProducts,
      }),
      franchisees: fc.tuple(
        ...fids.map((id) =>
          fc.record({
            id: fc.constant(id),
            priority: fc.integer({ min: 1, max: 3 }),
            funds: fc.oneof(fc.constant('0.00'), money),
            credit: fc.oneof(fc.constant('0.00'), money),
          }),
        ),
      ),
      franchiseeOrders: fids.length
        ? fc.array(
            fc.record(
              {
                franchisee: fc.constantFrom(...fids),
                sku,
                qty: fc.integer({ min: 0, max: 20 }),
                price: fc.option(money, { nil: undefined }),
              },
              { requiredKeys: ['franchisee', 'sku', 'qty'] },
            ),
            { maxLength: 12 },
          )
        : fc.constant([]),
      regionPriority: fc.constant({
        spring_summer: ['机场', '深圳', '东莞', '广州', '上海'],
        autumn_winter: ['机场', '北京', '上海', '广州'],
      }),
      stores: fc.tuple(
        ...sids.map((id) =>
          fc.record({
            id: fc.constant(id),
            region: fc.constantFrom(...REGIONS),
            class: fc.constantFrom('A' as const, 'B' as const, 'C' as const),
            kind: fc.constantFrom('direct' as const, 'joint' as const),
          }),
        ),
      ),
      storeDemand: sids.length
        ? fc.array(fc.record({ store: fc.constantFrom(...sids), sku, qty: fc.integer({ min: 0, max: 15 }) }), {
            maxLength: 10,
          })
        : fc.constant([]),
      regionDemand: fc.array(
        fc.record({ region: fc.constantFrom(...REGIONS), sku, qty: fc.integer({ min: 0, max: 15 }) }),
        { maxLength: 10 },
      ),
    });
  })
  .map(
    (i) =>
      ({
        ...i,
        franchiseeOrders: (
          i.franchiseeOrders as { franchisee: string; sku: string; qty: number; price?: string }[]
        ).map(({ price, ...o }) => (price === undefined ? o : { ...o, price })),
      }) as unknown as AllocationInput,
  );

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('allocation engine properties', () => {
  it('generated inputs are valid', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(validateInput(input).ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('conserves units per SKU: allocated + remaining = available', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = allocate(input);
        for (const p of input.products) {
          const available = sum(input.available.filter((a) => a.sku === p.sku).map((a) => a.qty));
          const allocated = sum(r.allocations.filter((a) => a.sku === p.sku).map((a) => a.qty));
          expect(allocated + r.remaining.find((x) => x.sku === p.sku)!.qty).toBe(available);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('no phase-1 spend exceeds funds + credit, and funds are spent before credit', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = allocate(input);
        for (const f of input.franchisees) {
          const s = r.franchisees.find((x) => x.id === f.id)!;
          const rows = r.allocations.filter(
            (a) => a.to.kind === 'franchisee' && a.to.id === f.id && a.status === 'ship',
          );
          expect(sum(rows.map((a) => Number(parseMoney(a.fundsUsed!))))).toBe(Number(parseMoney(s.fundsUsed)));
          expect(sum(rows.map((a) => Number(parseMoney(a.creditUsed!))))).toBe(Number(parseMoney(s.creditUsed)));
          expect(parseMoney(s.fundsUsed) + parseMoney(s.fundsLeft)).toBe(parseMoney(f.funds));
          expect(parseMoney(s.creditUsed) + parseMoney(s.creditLeft)).toBe(parseMoney(f.credit));
          expect(parseMoney(s.fundsLeft) >= 0n && parseMoney(s.creditLeft) >= 0n).toBe(true);
          if (parseMoney(s.creditUsed) > 0n) expect(s.fundsLeft).toBe('0.00');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('every demand gets at most what it asked for', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = allocate(input);
        const got = (kind: string, id: string, sku: string) =>
          sum(r.allocations.filter((a) => a.to.kind === kind && a.to.id === id && a.sku === sku).map((a) => a.qty));
        for (const o of input.franchiseeOrders)
          expect(got('franchisee', o.franchisee, o.sku)).toBeLessThanOrEqual(
            sum(
              input.franchiseeOrders.filter((x) => x.franchisee === o.franchisee && x.sku === o.sku).map((x) => x.qty),
            ),
          );
        for (const d of input.storeDemand)
          expect(got('store', d.store, d.sku)).toBeLessThanOrEqual(
            sum(input.storeDemand.filter((x) => x.store === d.store && x.sku === d.sku).map((x) => x.qty)),
          );
        for (const d of input.regionDemand)
          expect(got('region', d.region, d.sku)).toBeLessThanOrEqual(
            sum(input.regionDemand.filter((x) => x.region === d.region && x.sku === d.sku).map((x) => x.qty)),
          );
      }),
      { numRuns: 500 },
    );
  });

  it('nothing reaches stores or regions while a franchisee line is short and stock remains', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = allocate(input);
        for (const p of input.products) {
          if (!r.allocations.some((a) => a.sku === p.sku && a.to.kind !== 'franchisee')) continue;
          const ordered = sum(input.franchiseeOrders.filter((o) => o.sku === p.sku).map((o) => o.qty));
          const toFranchisees = sum(
            r.allocations.filter((a) => a.sku === p.sku && a.to.kind === 'franchisee').map((a) => a.qty),
          );
          expect(toFranchisees).toBe(ordered);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the same input always gives the same output', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(allocate(structuredClone(input))).toEqual(allocate(structuredClone(input)));
      }),
      { numRuns: 200 },
    );
  });
});
