import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every status change goes through its lifecycle's machine (applyEvent → the machine's store), which writes the
// history row. This reads the source for any other write of a status column: a Kysely `.set({ … status … })` or
// a SQL `update … set … status =`. Creating a row in its initial state is not a change and is not flagged.
const root = join(__dirname, '../../src');
const ALLOWED = new Set(['lib/state-machine.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'migrations' ? [] : sourceFiles(path);
    return /\.ts$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

export function statusWrites(text: string): string[] {
  const found: string[] = [];
  const kysely = /\.set\(\s*\{([^{}]|\{[^{}]*\})*?\bstatus\b\s*[:,}]/g;
  const raw = /\bupdate\s+\w+(\s+\w+)?\s+set\s[^`;]*?\bstatus\s*=/gi;
  for (const re of [kysely, raw]) for (const m of text.matchAll(re)) found.push(m[0].replace(/\s+/g, ' ').slice(0, 80));
  return found;
}

describe('status columns', () => {
  it('finds a status write in the shapes it looks for', () => {
    expect(statusWrites(`db.updateTable('x').set({ status: 'done', at })`)).toHaveLength(1);
    expect(statusWrites(`db.updateTable('x').set({ ...patch, status })`)).toHaveLength(1);
    expect(statusWrites('sql`update callbacks c set done_at = now(), status = ${s}`')).toHaveLength(1);
    expect(statusWrites(`db.updateTable('x').set({ reserved: 1 }).where('status', '=', 'open')`)).toEqual([]);
  });

  it('are written only by the machines’ stores', () => {
    const offenders = sourceFiles(root)
      .map((path) => ({ file: relative(root, path), writes: statusWrites(readFileSync(path, 'utf8')) }))
      .filter((f) => f.writes.length && !ALLOWED.has(f.file));
    expect(offenders).toEqual([]);
  });
});
