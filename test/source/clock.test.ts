import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The clock of a use case is the request's (envOf(ctx).now, passed in as env), so tests move time with setNow.
// This reads src/modules for any read of the machine's clock: `new Date()` with nothing between the parentheses
// (or no parentheses), `Date.now()`. Turning a given value into a date — `new Date(input.at)`,
// `new Date(env.now.getTime() + ms)`, `new Date(Date.UTC(...))` — names its argument and is allowed.
const root = join(__dirname, '../../src/modules');
/** Files still reading the system clock: must stay empty. */
const ALLOWED = new Set<string>([]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

export function clockReads(text: string): string[] {
  const found: string[] = [];
  const bareNew = /\bnew\s+Date\s*(\(\s*\)|(?!\s*\())/g;
  const now = /\bDate\s*\.\s*now\s*\(/g;
  for (const re of [bareNew, now]) for (const m of text.matchAll(re)) found.push(m[0]);
  return found;
}

describe('the clock in src/modules', () => {
  it('finds a read of the system clock in the shapes it looks for', () => {
    expect(clockReads('const at = new Date();')).toHaveLength(1);
    expect(clockReads('set({ read_at: new Date( ) })')).toHaveLength(1);
    expect(clockReads('const d = new Date;')).toHaveLength(1);
    expect(clockReads('const t = Date.now();')).toHaveLength(1);
    expect(clockReads('new Date(input.at); new Date(env.now.getTime() + 1); new Date(Date.UTC(y, m, 1))')).toEqual([]);
  });

  it('is the request clock: no module reads the system clock', () => {
    const offenders = sourceFiles(root)
      .map((path) => ({ file: relative(root, path), reads: clockReads(readFileSync(path, 'utf8')) }))
      .filter((f) => f.reads.length && !ALLOWED.has(f.file));
    expect(offenders).toEqual([]);
  });
});
