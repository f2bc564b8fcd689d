// Allocation engine time for 10k, 100k and 1M franchisee order lines (2k SKUs, 500 stores), and the
// ratio between the sizes (about 10 when cost grows linearly). Prints JSON.
//   node --import tsx bench/allocation.ts
import { allocate } from '../src/modules/allocation/engine/engine';
import type { AllocationInput } from '../src/modules/allocation/engine/types';

/** Deterministic pseudo-random numbers, so every run measures the same input. */
function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function makeInput(lines: number): AllocationInput {
  const r = rng(lines);
  const skus = Array.from({ length: 2000 }, (_, i) => `P-${String(i).padStart(4, '0')}`);
  const regions = ['机场', '深圳', '东莞', '广州', '上海', '北京', '成都', '沈阳', '贵阳', '南宁', '拉萨', '海口'];
  const franchisees = Array.from({ length: Math.max(10, Math.floor(lines / 50)) }, (_, i) => ({
    id: `F${i}`,
    priority: 1 + Math.floor(r() * 5),
    funds: `${Math.floor(r() * 100000)}.00`,
    credit: `${Math.floor(r() * 50000)}.50`,
  }));
  const stores = Array.from({ length: 500 }, (_, i) => ({
    id: `S${i}`,
    region: regions[i % regions.length],
    class: (['A', 'B', 'C'] as const)[i % 3],
    kind: (i % 2 ? 'direct' : 'joint') as 'direct' | 'joint',
  }));
  return {
    schema: 'allocation-input/v1',
    asOf: '2026-03-02',
    season: 'spring_summer',
    policy: { paidFranchiseeOrder: 'priority', reservationDays: 15 },
    products: skus.map((sku, i) => ({
      sku,
      price: `${50 + (i % 400)}.${i % 100}`.replace(/\.(\d)$/, '.0$1'),
      seasonal: i % 2 === 0,
      launchPriority: 1 + (i % 7),
    })),
    available: skus.map((sku) => ({ sku, qty: Math.floor((r() * lines) / 20) })),
    franchisees,
    franchiseeOrders: Array.from({ length: lines }, () => ({
      franchisee: franchisees[Math.floor(r() * franchisees.length)].id,
      sku: skus[Math.floor(r() * skus.length)],
      qty: 1 + Math.floor(r() * 20),
    })),
    regionPriority: { spring_summer: regions.slice(0, 10), autumn_winter: regions.slice(0, 9) },
    stores,
    storeDemand: Array.from({ length: Math.floor(lines / 10) }, () => ({
      store: stores[Math.floor(r() * stores.length)].id,
      sku: skus[Math.floor(r() * skus.length)],
      qty: 1 + Math.floor(r() * 10),
    })),
    regionDemand: Array.from({ length: Math.floor(lines / 20) }, () => ({
      region: regions[Math.floor(r() * regions.length)],
      sku: skus[Math.floor(r() * skus.length)],
      qty: 1 + Math.floor(r() * 30),
    })),
  };
}

const sizes = [10_000, 100_000, 1_000_000];
const results: { lines: number; ms: number; rows: number }[] = [];
for (const lines of sizes) {
  const input = makeInput(lines);
  allocate(input); // warm up
  const t0 = performance.now();
  const out = allocate(input);
  results.push({ lines, ms: Number((performance.now() - t0).toFixed(1)), rows: out.allocations.length });
}
console.log(
  JSON.stringify(
    {
      benchmark: 'allocation-engine',
      skus: 2000,
      stores: 500,
      results,
      ratio: {
        '100k/10k': Number((results[1].ms / results[0].ms).toFixed(2)),
        '1M/100k': Number((results[2].ms / results[1].ms).toFixed(2)),
      },
    },
    null,
    2,
  ),
);
