import fc from 'fast-check';
import type { AllocationInput } from '../../src/modules/allocation/engine/types';

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
