import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Modules depend on each other in one direction only. This reads every source file's imports (and re-exports)
// with the TypeScript parser, ignores `import type` (erased at build), groups files by module
// (src/modules/<name>, else the first folder under src) and lists each pair of modules that import each other.
const root = join(__dirname, '../../src');

/** Cycles still to break: this list may only shrink (the test fails when one listed here is gone). */
const NOT_YET_BROKEN = new Set<string>([]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.(spec|d)\.ts$/.test(name) ? [path] : [];
  });
}

/** The relative modules a file loads at run time: value imports and re-exports, not `import type`. */
export function runtimeImports(text: string): string[] {
  const file = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  for (const node of file.statements) {
    let spec: ts.Expression | undefined;
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) spec = node.moduleSpecifier;
    if (ts.isExportDeclaration(node) && !node.isTypeOnly) spec = node.moduleSpecifier;
    if (spec && ts.isStringLiteral(spec) && spec.text.startsWith('.')) found.push(spec.text);
  }
  return found;
}

export function moduleOf(file: string): string {
  const parts = relative(root, file).split(/[\\/]/);
  return parts[0] === 'modules' ? parts[1] : parts[0].replace(/\.ts$/, '');
}

function moduleCycles(): string[] {
  const edges = new Map<string, Set<string>>();
  for (const file of sourceFiles(root)) {
    const from = moduleOf(file);
    for (const spec of runtimeImports(readFileSync(file, 'utf8'))) {
      const to = moduleOf(resolve(dirname(file), spec));
      if (to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  const cycles: string[] = [];
  for (const [a, targets] of edges)
    for (const b of targets) if (a < b && edges.get(b)?.has(a)) cycles.push(`${a} <-> ${b}`);
  return cycles.sort();
}

describe('import cycles', () => {
  it('reads value imports and re-exports, not type-only imports', () => {
    const text = [
      "import { a } from '../orders/order.service';",
      "import type { B } from '../stock/stock.table';",
      "import * as repo from './x.repository';",
      "export { c } from '../../lib/money';",
      "export type { D } from '../credit/credit.table';",
      "import Fastify from 'fastify';",
    ].join('\n');
    expect(runtimeImports(text)).toEqual(['../orders/order.service', './x.repository', '../../lib/money']);
    expect(moduleOf(join(root, 'modules/orders/order.service.ts'))).toBe('orders');
    expect(moduleOf(join(root, 'lib/calendar/calendar.ts'))).toBe('lib');
  });

  it('no two modules import each other (beyond the listed ones still to break)', () => {
    const cycles = moduleCycles();
    expect(cycles.filter((c) => !NOT_YET_BROKEN.has(c))).toEqual([]);
    expect([...NOT_YET_BROKEN].filter((c) => !cycles.includes(c))).toEqual([]);
  });

  it('src/lib imports no module of the product', () => {
    const offenders = sourceFiles(join(root, 'lib')).flatMap((file) =>
      runtimeImports(readFileSync(file, 'utf8'))
        .map((spec) => moduleOf(resolve(dirname(file), spec)))
        .filter((m) => m !== 'lib')
        .map((m) => `${relative(root, file)} -> ${m}`),
    );
    expect(offenders).toEqual([]);
  });
});
