import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// SQL lives in repositories: a use case or a route reads and writes through its module's *.repository.ts.
// This reads src/modules for a query started anywhere else: a query builder (selectFrom, insertInto,
// updateTable, deleteFrom) or a raw `sql` template. The database's own clock, `sql\`now()\``, is a value.
const root = join(__dirname, '../../src/modules');
/** Files still holding SQL outside a repository: must stay empty. */
const ALLOWED = new Set<string>([]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(spec|repository|table)\.ts$/.test(name) ? [path] : [];
  });
}

export function sqlSites(text: string): string[] {
  const builder = /\.\s*(selectFrom|insertInto|updateTable|deleteFrom)\s*\(/g;
  const raw = /\bsql\s*(<[^>]*>)?\s*`(?!now\(\)`)/g;
  return [...text.matchAll(builder), ...text.matchAll(raw)].map((m) => m[0]);
}

describe('SQL in src/modules', () => {
  it('finds a query in the shapes it looks for', () => {
    expect(sqlSites("db.selectFrom('orders')")).toHaveLength(1);
    expect(sqlSites('trx\n  .updateTable("x")')).toHaveLength(1);
    expect(sqlSites('sql<number>`count(*)`')).toHaveLength(1);
    expect(sqlSites('patch: { closed_at: at ?? sql`now()` }')).toEqual([]);
  });

  it('lives in repositories only', () => {
    const offenders = sourceFiles(root)
      .map((path) => ({ file: relative(root, path), sites: sqlSites(readFileSync(path, 'utf8')) }))
      .filter((f) => f.sites.length > 0 && !ALLOWED.has(f.file));
    expect(offenders).toEqual([]);
  });
});
