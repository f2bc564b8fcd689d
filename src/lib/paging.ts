import { sql, type SelectQueryBuilder } from 'kysely';
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
