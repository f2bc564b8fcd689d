import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { AppError } from './errors';
import type { PageQuery } from './schemas';

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/**
 * One round trip for a page and its total (count(*) over ()), sorted by a whitelisted column.
 * `sortable` maps the API's sort names to column references.
 */
export async function fetchPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  q: PageQuery,
  sortable: Record<string, string>,
  defaultSort: string,
  /** A unique column that orders rows the sort leaves equal, so pages never overlap or skip a row. */
  unique?: string,
): Promise<Page<O>> {
  const sortName = q.sort ?? defaultSort;
  // Own keys only: "constructor", "__proto__" or "toString" are not columns.
  const column = Object.hasOwn(sortable, sortName) ? sortable[sortName] : undefined;
  if (typeof column !== 'string')
    throw new AppError('VALIDATION.FAILED', { summary: 'query.sort' }, [
      { path: 'query.sort', message: `one of ${Object.keys(sortable).join(', ')}` },
    ]);
  const direction = q.order === 'desc' || q.order === 'descend' ? 'desc' : 'asc';
  let ordered = (query as any)
    .select(sql<number>`(count(*) over ())::int`.as('__total'))
    .orderBy(sql.ref(column), direction)
    .orderBy(sql.ref(sortable[defaultSort]), 'asc');
  if (unique) ordered = ordered.orderBy(sql.ref(unique), 'asc');
  const rows = await ordered
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const total = rows[0]?.__total ?? (q.page > 1 ? await countAll(query) : 0);
  return { items: rows.map(({ __total, ...r }: any) => r as O), total, page: q.page, pageSize: q.pageSize };
}

async function countAll(query: SelectQueryBuilder<any, any, any>): Promise<number> {
  const r = await query
    .clearSelect()
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirst();
  return (r as any)?.n ?? 0;
}

/** A page of rows already in memory (lists computed in TypeScript, such as receivables and their aging). */
export function pageOf<T>(rows: T[], q: Pick<PageQuery, 'page' | 'pageSize'>): Page<T> {
  const start = (q.page - 1) * q.pageSize;
  return { items: rows.slice(start, start + q.pageSize), total: rows.length, page: q.page, pageSize: q.pageSize };
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%". */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Keyset paging (for lists that grow without bound, such as orders): the page after or before an opaque cursor
 * holding the sort key and id of the row it starts from, so a deep page costs what the first page costs. No total:
 * counting a million rows per page is what keyset paging avoids. The first page is asked for with `cursor=first`.
 */
export type KeysetQuery = { cursor: string; pageSize: number; sort?: string; order?: PageQuery['order'] };
export type KeysetPage<T> = { items: T[]; pageSize: number; next: string | null; prev: string | null };

/**
 * A filter an index serves in the list's order only one value at a time: several statuses, a range of days
 * (PostgreSQL 15 cannot read several ranges of an index as one ordered stream, so it would sort every matching
 * row). The page is then read as one ordered, limited branch per value, each from its own index range, and the
 * rows of the page are the first of their merge. `values` is a set of rows of one column (unnest, generate_series);
 * `column` is the filtered column each branch sets to one of them. The query leaves that filter out (a branch
 * with `status in (…)` besides `status = v` could not read its index in order).
 */
export type KeysetBranches = { column: string; values: RawBuilder<unknown> };

/**
 * `sortable` maps each sort name to the columns it orders by (never null); `unique` (the row id) breaks ties, so
 * every row is on exactly one page. Each sort needs an index (company_id, ...columns, id) to stay fast.
 */
export async function fetchKeysetPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  q: KeysetQuery,
  sortable: Record<string, readonly string[]>,
  defaultSort: string,
  unique: string,
  /** The filter the query leaves out, read as branches (the caller knows which sorts its index serves). */
  branches?: KeysetBranches,
): Promise<KeysetPage<O>> {
  const sortName = q.sort ?? defaultSort;
  const columns = Object.hasOwn(sortable, sortName) ? sortable[sortName] : undefined;
  if (!Array.isArray(columns))
    throw new AppError('VALIDATION.FAILED', { summary: 'query.sort' }, [
      { path: 'query.sort', message: `one of ${Object.keys(sortable).join(', ')}` },
    ]);
  const desc = q.order === 'desc' || q.order === 'descend';
  const keys = [...columns, unique];
  const at = q.cursor === 'first' ? undefined : readCursor(q.cursor, sortName, desc, keys.length);
  // A "before" cursor reads backwards from its row, then turns the rows round.
  const forward = !at?.before;
  const descending = desc === forward;
  let ordered = query as any;
  if (at) ordered = ordered.where(afterKey(keys, at.key, descending));
  const inOrder = (b: any) => keys.reduce((b, c) => b.orderBy(sql.ref(c), descending ? 'desc' : 'asc'), b);
  if (branches) {
    // Each branch: the query and cursor at one value, its first rows in order; the page's rows are the first of
    // their merge, found before the page's columns are read.
    let branch = ordered.clearSelect().select(sql.ref(unique).as('k'));
    for (const [i, c] of keys.entries()) branch = branch.select(sql.ref(c).as(`s${i}`));
    branch = inOrder(branch.where(sql`${sql.ref(branches.column)} = __branch.v`)).limit(q.pageSize + 1);
    const merged = sql.join(
      keys.map((_, i) => sql`${sql.ref(`__first.s${i}`)} ${sql.raw(descending ? 'desc' : 'asc')}`),
    );
    ordered = ordered.where(
      sql<boolean>`${sql.ref(unique)} in (select __first.k from ${branches.values} as __branch(v)
                                            cross join lateral ${branch} as __first
                                            order by ${merged} limit ${q.pageSize + 1})`,
    );
  }
  for (const [i, c] of keys.entries()) ordered = ordered.select(sql<string>`(${sql.ref(c)})::text`.as(`__k${i}`));
  const rows: any[] = await inOrder(ordered)
    .limit(q.pageSize + 1)
    .execute();
  const more = rows.length > q.pageSize;
  const page = rows.slice(0, q.pageSize);
  if (!forward) page.reverse();
  const keyOf = (r: any) => keys.map((_, i) => r[`__k${i}`] as string);
  const cursor = (r: any, before: boolean) => writeCursor({ sort: sortName, desc, key: keyOf(r), before });
  const first = page[0];
  const last = page.at(-1);
  return {
    items: page.map((r) => {
      const item = { ...r };
      keys.forEach((_, i) => delete item[`__k${i}`]);
      return item as O;
    }),
    pageSize: q.pageSize,
    next: last && (forward ? more : true) ? cursor(last, false) : null,
    prev: first && (forward ? !!at : more) ? cursor(first, true) : null,
  };
}

/**
 * Rows after `key` in the order: (c1 > v1) or (c1 = v1 and (c2 > v2 or …)), with a leading c1 >= v1 the index
 * can start its scan from.
 */
function afterKey(keys: readonly string[], values: string[], descending: boolean) {
  const op = sql.raw(descending ? '<' : '>');
  const bound = sql.raw(descending ? '<=' : '>=');
  let cond = sql`${sql.ref(keys.at(-1)!)} ${op} ${values.at(-1)}`;
  for (let i = keys.length - 2; i >= 0; i--)
    cond = sql`(${sql.ref(keys[i])} ${op} ${values[i]} or (${sql.ref(keys[i])} = ${values[i]} and ${cond}))`;
  return sql<boolean>`(${sql.ref(keys[0])} ${bound} ${values[0]} and ${cond})`;
}

export type Cursor = { sort: string; desc: boolean; key: string[]; before: boolean };

/** A cursor at a row's sort key (the list hands these out; a benchmark makes one to start deep in a list). */
export const writeCursor = (c: Cursor) =>
  Buffer.from(JSON.stringify([c.sort, c.desc ? 1 : 0, c.before ? 1 : 0, ...c.key])).toString('base64url');

/** A cursor made for another sort, or not made by us at all, is refused naming the field. */
function readCursor(text: string, sort: string, desc: boolean, keyCount: number): Cursor {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    v = undefined;
  }
  const ok =
    Array.isArray(v) &&
    v.length === keyCount + 3 &&
    v[0] === sort &&
    v[1] === (desc ? 1 : 0) &&
    (v[2] === 0 || v[2] === 1) &&
    v.slice(3).every((k) => typeof k === 'string' && k.length <= 400);
  if (!ok)
    throw new AppError('REQUEST.BAD_CURSOR', { field: 'query.cursor' }, [
      { path: 'query.cursor', message: 'not a cursor of this list and sort (start again with cursor=first)' },
    ]);
  const a = v as [string, number, number, ...string[]];
  return { sort, desc, key: a.slice(3) as string[], before: a[2] === 1 };
}
