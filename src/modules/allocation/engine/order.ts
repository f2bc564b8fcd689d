// Orderings the engine needs, as integer ranks computed once, so the hot loops compare numbers, not strings.

/**
 * Orders strings by Unicode code point (not UTF-16 units). UTF-16 order differs from code point order only
 * where a surrogate meets a unit of U+E000–U+FFFF, so the first differing units are shifted to fix that.
 */
export const byCodePoint = (a: string, b: string) => {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
};

/** Indices 0..n-1 sorted by a comparison of indices (ties by index, so the order is stable). */
export function sortedIndices(n: number, cmp: (a: number, b: number) => number): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return idx.sort((a, b) => cmp(a, b) || a - b);
}

/** rank[i] = position of i in `order`. */
export function rankOf(order: Int32Array): Int32Array {
  const rank = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) rank[order[k]] = k;
  return rank;
}

/**
 * Stable counting sort of `items` by a small integer key in [0, buckets): linear in items + buckets.
 * Returns the items in key order and where each bucket starts (starts[buckets] = items.length).
 */
export function bucketSort(items: Int32Array, keyOf: Int32Array, buckets: number) {
  const starts = new Int32Array(buckets + 1);
  for (let k = 0; k < items.length; k++) starts[keyOf[items[k]] + 1]++;
  for (let b = 0; b < buckets; b++) starts[b + 1] += starts[b];
  const next = starts.slice(0, buckets);
  const out = new Int32Array(items.length);
  for (let k = 0; k < items.length; k++) out[next[keyOf[items[k]]]++] = items[k];
  return { sorted: out, starts };
}

/** 0, 1, …, n-1. */
export function identity(n: number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}
