import { PostgresQueryCompiler, type KyselyPlugin } from 'kysely';

/**
 * Is every business table a SQL statement touches constrained by company_id? A small tokenizer, enough for the SQL
 * Kysely and the repositories write: each table named after FROM, JOIN, UPDATE, INTO or USING (or in a FROM list)
 * must have its company_id compared with something (`o.company_id = $1`, `l.company_id = o.company_id`,
 * `company_id in (…)`), or — for an INSERT — company_id among the columns written. An unqualified company_id counts
 * for the one business table of its SELECT (PostgreSQL would refuse it as ambiguous otherwise).
 */
export function unscopedTables(text: string, businessTables: ReadonlySet<string>): string[] {
  return tableReferences(text, businessTables)
    .filter((r) => !r.scoped)
    .map((r) => r.table);
}

/** Every business table a statement names, and whether its company_id is constrained. */
export function tableReferences(text: string, businessTables: ReadonlySet<string>) {
  const tokens = tokenize(text);
  const scopeOf = scopes(tokens);
  const refs: { table: string; alias: string; scope: number; insertColumns?: string[] }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const kw = tokens[i].toLowerCase();
    if (!['from', 'join', 'update', 'into', 'using', ','].includes(kw)) continue;
    if (kw === ',' && !inFromList(tokens, i)) continue;
    let j = i + 1;
    if (kw === 'update' && tokens[j]?.toLowerCase() === 'only') j++;
    const name = tokens[j];
    if (!name || !isIdentifier(name)) continue;
    let table = unquote(name);
    if (tokens[j + 1] === '.' && tokens[j + 2]) {
      if (table !== 'public') continue;
      table = unquote(tokens[j + 2]);
      j += 2;
    }
    if (tokens[j + 1] === '(' && kw !== 'into') continue; // a function such as unnest(…)
    if (!businessTables.has(table)) continue;
    let alias = table;
    let k = j + 1;
    if (tokens[k]?.toLowerCase() === 'as') k++;
    if (tokens[k] && isIdentifier(tokens[k]) && !KEYWORDS.has(tokens[k].toLowerCase())) alias = unquote(tokens[k]);
    const ref: (typeof refs)[number] = { table, alias, scope: scopeOf[i] };
    if (kw === 'into' && tokens[j + 1] === '(') {
      const close = tokens.indexOf(')', j + 1);
      ref.insertColumns = tokens
        .slice(j + 2, close)
        .filter(isIdentifier)
        .map(unquote);
    }
    refs.push(ref);
  }
  const compared = (i: number) =>
    ['=', 'in'].includes(tokens[i + 1]?.toLowerCase() ?? '') || tokens[i - 1] === '=' || inComparedRow(tokens, i);
  const qualified = new Set<string>();
  const unqualifiedScopes = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (unquote(tokens[i]) !== 'company_id' || !compared(i)) continue;
    if (tokens[i - 1] === '.') qualified.add(unquote(tokens[i - 2]));
    else unqualifiedScopes.add(scopeOf[i]);
  }
  const perScope = new Map<number, number>();
  for (const r of refs) if (!r.insertColumns) perScope.set(r.scope, (perScope.get(r.scope) ?? 0) + 1);
  return refs.map((r) => ({
    table: r.table,
    scoped: r.insertColumns
      ? r.insertColumns.includes('company_id')
      : qualified.has(r.alias) || (unqualifiedScopes.has(r.scope) && perScope.get(r.scope) === 1),
  }));
}

const KEYWORDS = new Set(
  [
    'where on set values select inner left right full cross join group order limit offset returning using for',
    'union except intersect having lateral natural default do with',
  ]
    .join(' ')
    .split(' '),
);

function tokenize(text: string): string[] {
  const out: string[] = [];
  const re =
    /\s+|\/\*[\s\S]*?\*\/|--[^\n]*|'(?:[^']|'')*'|"(?:[^"]|"")*"|\$\d+|::|<>|!=|<=|>=|[A-Za-z_][\w$]*|\d+(?:\.\d+)?|./g;
  for (const m of text.matchAll(re)) {
    const t = m[0];
    if (/^\s|^\/\*|^--/.test(t)) continue;
    out.push(t);
  }
  return out;
}

const isIdentifier = (t: string) => /^"|^[A-Za-z_]/.test(t);
const unquote = (t: string) => (t.startsWith('"') ? t.slice(1, -1).replace(/""/g, '"') : t.toLowerCase());

/** For each token, the SELECT it belongs to: the opening parenthesis of its subquery, or -1 for the statement. */
function scopes(tokens: string[]): number[] {
  const stack: { open: number; select: boolean }[] = [];
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === ')') stack.pop();
    out.push([...stack].reverse().find((s) => s.select)?.open ?? -1);
    // A subquery or a CTE's statement (a data-modifying one too) is a scope of its own.
    const opens = ['select', 'with', 'update', 'insert', 'delete'].includes(tokens[i + 1]?.toLowerCase());
    if (tokens[i] === '(') stack.push({ open: i, select: opens });
  }
  return out;
}

/** A comma inside FROM a, b (not in a select list, a function call or VALUES). */
function inFromList(tokens: string[], comma: number): boolean {
  let depth = 0;
  for (let i = comma - 1; i >= 0; i--) {
    if (tokens[i] === ')') depth++;
    else if (tokens[i] === '(') {
      if (depth === 0) return false;
      depth--;
    } else if (depth === 0) {
      const kw = tokens[i].toLowerCase();
      if (kw === 'from') return true;
      if (['select', 'where', 'set', 'values', 'on', 'returning', 'by', 'join'].includes(kw)) return false;
    }
  }
  return false;
}

/** company_id inside a row compared as a whole: `(company_id, id) in (…)` or `= any(…)`. */
function inComparedRow(tokens: string[], i: number): boolean {
  let j = i + 1;
  while (j < tokens.length && tokens[j] !== ')' && tokens[j] !== '(') j++;
  return tokens[j] === ')' && ['=', 'in'].includes(tokens[j + 1]?.toLowerCase() ?? '');
}

/** A Kysely plugin that hands every statement's SQL (raw `sql` templates included) to `onSql` before it runs. */
export function sqlCapture(onSql: (text: string) => void): KyselyPlugin {
  const compiler = new PostgresQueryCompiler();
  return {
    transformQuery(args) {
      onSql(compiler.compileQuery(args.node, args.queryId).sql);
      return args.node;
    },
    async transformResult(args) {
      return args.result;
    },
  };
}
