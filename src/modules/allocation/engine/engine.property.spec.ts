import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate } from './engine';
import { validateInput } from './validate';
import { parseMoney } from '../../../lib/money';
import { inputArb } from '../../../../test/helpers/allocation-inputs';

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
