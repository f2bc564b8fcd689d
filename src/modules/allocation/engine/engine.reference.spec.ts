import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate, allocateExplained, byCodePoint } from './engine';
import { inputArb } from '../../../../test/helpers/allocation-inputs';
import type { AllocationInput } from './types';
import * as reference from '../../../../test/helpers/allocation-reference';

// The engine works on indices, ranks and doubles for speed; the reference works on names and bigint exactly
// as the spec reads. Both must give the same result, rows, facts and grants for any input.

const same = (input: AllocationInput) => {
  const fast = allocateExplained(structuredClone(input));
  const slow = reference.allocateExplained(structuredClone(input));
  expect(fast.result).toEqual(slow.result);
  expect(fast.rows).toEqual(slow.rows);
  expect(fast.grants).toEqual(
    slow.grants.map((g) => ({
      sku: g.sku,
      kind: g.kind,
      id: g.id,
      qty: g.qty,
      status: g.status,
      rule: g.rule,
      lineIndex: g.lineIndex,
    })),
  );
};

describe('allocation engine against the reference', () => {
  it('gives the reference result for generated inputs', () => {
    fc.assert(fc.property(inputArb, same), { numRuns: 500 });
  });

  it('gives the reference result when money is too large for doubles', () => {
    const huge = fc.constantFrom('9999999999999999.99', '9007199254740993.01', '4503599627370496.00', '0.00');
    fc.assert(
      fc.property(inputArb, fc.array(huge, { minLength: 10, maxLength: 10 }), (input, amounts) => {
        input.franchisees = input.franchisees.map((f, i) => ({ ...f, funds: amounts[i], credit: amounts[9 - i] }));
        input.franchiseeOrders.forEach((o, i) => {
          if (i % 3 === 0) o.price = '1234567890123.45';
          if (i % 5 === 1) o.price = '9999999999999999.99';
        });
        same(input);
      }),
      { numRuns: 200 },
    );
  });

  it('orders ids by code point, as the reference does', () => {
    const ids = ['a', 'b', 'ab', '\u{1F600}', '\uFFFD', '\uE000', '深圳', '𠀀', 'Z', ''];
    const cmp = (a: string, b: string) => Math.sign(byCodePoint(a, b));
    for (const a of ids) for (const b of ids) expect(cmp(a, b)).toBe(Math.sign(reference.byCodePoint(a, b)));
  });

  it('allocate is the explained result without its facts', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(allocate(structuredClone(input))).toEqual(allocateExplained(structuredClone(input)).result);
      }),
      { numRuns: 100 },
    );
  });
});
