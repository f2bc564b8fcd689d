import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';

// The built web app (npm test builds it first): compressed, cached by content hash, split by page.

const dist = path.resolve(import.meta.dirname, '../../web/dist');
type Chunk = { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean };
const manifest: Record<string, Chunk> = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));

/** A chunk with every chunk it imports statically: what the browser must fetch before the page runs. */
function closure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) closure(dep, seen);
  return seen;
}
/** Bytes sent: the .br beside a file, or the file itself when it is too small to be worth compressing. */
const sent = (file: string) =>
  fs.statSync(path.join(dist, fs.existsSync(path.join(dist, `${file}.br`)) ? `${file}.br` : file)).size;
const brotliBytes = (keys: Set<string>) => [...keys].reduce((sum, k) => sum + sent(manifest[k].file), 0);

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('web app assets', () => {
  it('sends hashed scripts brotli-compressed and cached for a year; index.html is revalidated', async () => {
    const index = await t.app.inject({ method: 'GET', url: '/orders' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    const script = /<script[^>]+src="([^"]+)"/.exec(index.body)![1];
    const res = await t.app.inject({ method: 'GET', url: script, headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.rawPayload.length).toBe(fs.statSync(path.join(dist, script + '.br')).size);
  });

  it('compresses API answers for clients that accept it', async () => {
    const as = t.as(await t.token('admin'));
    const res = await as({ method: 'GET', url: '/api/products?pageSize=100', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('the login page and the order list need at most 350 KB of compressed script', () => {
    const entry = Object.keys(manifest).find((k) => manifest[k].isEntry)!;
    const login = closure(entry);
    const orders = closure('src/pages/OrdersPage.tsx', new Set(login));
    expect(manifest[entry].imports ?? []).not.toContain('src/pages/OrdersPage.tsx');
    expect(brotliBytes(login)).toBeLessThan(brotliBytes(orders));
    expect(brotliBytes(orders)).toBeLessThanOrEqual(350 * 1024);
  });

  it('ECharts comes with the report page only, and only the chart kinds it draws', () => {
    const entry = Object.keys(manifest).find((k) => manifest[k].isEntry)!;
    const report = 'src/pages/reports/MonthlyReportPage.tsx';
    const home = closure('src/pages/HomePage.tsx', closure('src/pages/OrdersPage.tsx', closure(entry)));
    // A name from ECharts' own API survives minification: it marks a chunk that carries the chart library.
    const charts = (k: string) =>
      fs.readFileSync(path.join(dist, manifest[k].file), 'utf8').includes('registerPreprocessor');
    expect(manifest[entry].dynamicImports ?? []).toContain(report);
    expect([...home].filter(charts)).toEqual([]);
    const reportChunks = [...closure(report)].filter((k) => !home.has(k));
    expect(reportChunks.some(charts)).toBe(true);
    // The whole library is about 290 KB compressed (dist/echarts.min.js); the page with bar and pie is far less.
    expect(brotliBytes(new Set(reportChunks))).toBeLessThanOrEqual(220 * 1024);
  });

  it('the English texts and Ant Design English locale are fetched only when someone reads in English', () => {
    const entry = Object.keys(manifest).find((k) => manifest[k].isEntry)!;
    const orders = closure('src/pages/OrdersPage.tsx', closure(entry));
    const english = Object.keys(manifest).filter((k) => /i18n\/en\.ts$|en_US/.test(k));
    expect(english).toEqual(expect.arrayContaining(['src/i18n/en.ts']));
    expect(english.length).toBeGreaterThanOrEqual(2);
    for (const k of english) expect(orders.has(k), k).toBe(false);
    expect(manifest[entry].dynamicImports ?? []).toEqual(expect.arrayContaining(english));
  });
});
