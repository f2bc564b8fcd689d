import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { validateInput } from './validate';

const base = () =>
  JSON.parse(
    fs.readFileSync(
      path.resolve(__dirname, '../../../../test/fixtures/allocation-examples/case-901.input.json'),
      'utf8',
    ),
  );

/** Applies a change to a valid input and returns the validation errors. */
function errorsAfter(change: (i: any) => void): string[] {
  const input = base();
  change(input);
  const v = validateInput(input);
  return v.ok ? [] : v.errors;
}

describe('allocation input validation names every wrong path', () => {
  const cases: [string, (i: any) => void, string][] = [
    [
      'unknown SKU in an order line',
      (i) => (i.franchiseeOrders[3].sku = 'X-9'),
      'franchiseeOrders[3].sku: unknown SKU "X-9"',
    ],
    ['unknown SKU in available', (i) => (i.available[0].sku = 'X-1'), 'available[0].sku: unknown SKU "X-1"'],
    [
      'unknown franchisee',
      (i) => (i.franchiseeOrders[0].franchisee = 'F999'),
      'franchiseeOrders[0].franchisee: unknown franchisee "F999"',
    ],
    ['unknown store', (i) => (i.storeDemand[2].store = 'S999'), 'storeDemand[2].store: unknown store "S999"'],
    ['unknown SKU in region demand', (i) => (i.regionDemand[1].sku = 'Q'), 'regionDemand[1].sku: unknown SKU "Q"'],
    ['duplicate SKU', (i) => (i.products[1].sku = 'P-0000'), 'products[1].sku: duplicate SKU "P-0000"'],
    [
      'duplicate franchisee id',
      (i) => (i.franchisees[2].id = 'F000'),
      'franchisees[2].id: duplicate franchisee id "F000"',
    ],
    ['duplicate store id', (i) => (i.stores[1].id = 'S000'), 'stores[1].id: duplicate store id "S000"'],
    ['duplicate available SKU', (i) => (i.available[1].sku = 'P-0000'), 'available[1].sku: duplicate SKU "P-0000"'],
    ['negative quantity', (i) => (i.storeDemand[0].qty = -2), 'storeDemand[0].qty: must not be negative, got -2'],
    ['fractional quantity', (i) => (i.available[0].qty = 1.5), 'available[0].qty: must be an integer, got 1.5'],
    [
      'quantity as a string',
      (i) => (i.franchiseeOrders[0].qty = '9'),
      'franchiseeOrders[0].qty: must be an integer, got "9"',
    ],
    ['three decimals', (i) => (i.products[0].price = '215.575'), 'products[0].price: malformed money "215.575"'],
    ['negative money', (i) => (i.franchisees[0].funds = '-1.00'), 'franchisees[0].funds: malformed money "-1.00"'],
    ['money as a number', (i) => (i.franchisees[0].credit = 100), 'franchisees[0].credit: malformed money 100'],
    [
      'malformed line price',
      (i) => (i.franchiseeOrders[3].price = '1,000'),
      'franchiseeOrders[3].price: malformed money "1,000"',
    ],
    ['bad date', (i) => (i.asOf = '2026-02-30'), 'asOf: bad date "2026-02-30"'],
    ['unknown season', (i) => (i.season = 'winter'), 'season: unknown season "winter"'],
    [
      'unknown policy',
      (i) => (i.policy.paidFranchiseeOrder = 'random'),
      'policy.paidFranchiseeOrder: unknown policy "random"',
    ],
    [
      'negative reservation days',
      (i) => (i.policy.reservationDays = -1),
      'policy.reservationDays: must not be negative',
    ],
    ['unknown store class', (i) => (i.stores[0].class = 'D'), 'stores[0].class: unknown class "D"'],
    ['unknown store kind', (i) => (i.stores[0].kind = 'franchise'), 'stores[0].kind: unknown kind "franchise"'],
    ['wrong schema', (i) => (i.schema = 'allocation-input/v2'), 'schema: must be "allocation-input/v1"'],
    ['missing list', (i) => delete i.stores, 'stores: must be an array'],
  ];
  for (const [name, change, expected] of cases) {
    it(name, () => {
      const errors = errorsAfter(change);
      expect(
        errors.some((e) => e.startsWith(expected)),
        errors.join('\n'),
      ).toBe(true);
    });
  }

  it('lists every error at once', () => {
    const errors = errorsAfter((i) => {
      i.franchiseeOrders[3].sku = 'X-9';
      i.available[0].qty = -1;
      i.season = 'x';
    });
    expect(errors).toHaveLength(3);
  });

  it('accepts the valid example untouched', () => expect(errorsAfter(() => {})).toEqual([]));
});
