import { sql, type RawBuilder } from 'kysely';

/** Matches the marker `prepared()` writes; the PostgreSQL pool names the statement after it. */
export const PREPARED_MARK = /\/\* prepared:([\w.-]+) \*\//;

/**
 * Marks a hot statement of fixed text to be prepared once per connection on PostgreSQL (a comment,
 * so PGlite and logs see plain SQL). Use it only where the SQL text never varies with the input:
 * `unnest` arrays rather than `in (…)` lists.
 */
export function prepared(name: string): RawBuilder<unknown> {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`bad prepared statement name: ${name}`);
  return sql.raw(`/* prepared:${name} */`);
}
