import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainOrder } from './order-import';
import { createOrderBody, type CreateOrderInput } from './order.schemas';

// An order of an import is validated once: plainOrder stands for the registration schema on orders made of rows
// already checked one by one. Whatever it lets through, the schema accepts unchanged.
const text = (max: number, min = 0) =>
  fc.string({ unit: fc.constantFrom('a', '中', ' ', '-', '1'), minLength: min, maxLength: max });
const plainText = (max: number) => text(max, 1).filter((s) => s === s.trim() && s !== '');
const money = fc
  .tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 99 }))
  .map(([y, f]) => `${y}.${String(f).padStart(2, '0')}`);
const line = fc.record({
  productId: fc.uuid({ version: 4 }),
  qty: fc.integer({ min: 1, max: 1_000_000 }),
  unitPrice: fc.option(money, { nil: undefined }),
  gift: fc.constant(false),
});
const order: fc.Arbitrary<CreateOrderInput> = fc.record({
  customerId: fc.uuid({ version: 4 }),
  source: fc.constant('import' as const),
  urgency: fc.constant('normal' as const),
  orderType: fc.constant('standard' as const),
  expectedDeliveryDate: fc.option(
    fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    { nil: undefined },
  ),
  delivery: fc.option(
    fc.record({
      // From the sheet, the customer's card or the customer's name cut at 50: anything, for plainOrder to judge.
      consignee: text(55),
      phone: fc.option(plainText(30), { nil: undefined }),
      address: plainText(300),
    }),
    { nil: undefined },
  ),
  buyerRemark: fc.oneof(fc.constant(''), plainText(1000)),
  sellerRemark: fc.constant(''),
  customerPo: plainText(60),
  lines: fc.oneof(fc.array(line, { minLength: 1, maxLength: 8 }), fc.array(line, { minLength: 199, maxLength: 202 })),
});

describe('plainOrder', () => {
  it('lets through only orders the registration schema accepts unchanged', () => {
    fc.assert(
      fc.property(order, (o) => {
        if (!plainOrder(o)) return;
        const parsed = createOrderBody.safeParse(o);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(o);
      }),
      { numRuns: 300 },
    );
  });

  it('sends the schema what it refuses: too many lines, a total too large, a consignee to trim', () => {
    const base = fc.sample(order, { numRuns: 1, seed: 7 })[0];
    const lines = (n: number, unitPrice = '1.00', qty = 1) =>
      Array.from({ length: n }, () => ({ ...base.lines[0], qty, unitPrice }));
    expect(plainOrder({ ...base, delivery: undefined, lines: lines(200) })).toBe(true);
    expect(plainOrder({ ...base, delivery: undefined, lines: lines(201) })).toBe(false);
    expect(plainOrder({ ...base, delivery: undefined, lines: lines(2, '99999999.99', 1_000_000) })).toBe(false);
    const delivery = { consignee: '张伟 ', address: '上海' };
    expect(plainOrder({ ...base, delivery, lines: lines(1) })).toBe(false);
    expect(createOrderBody.safeParse({ ...base, delivery, lines: lines(1) }).data?.delivery?.consignee).toBe('张伟');
  });
});
