import { sql, type Kysely } from 'kysely';
import type { Db } from '../../db/database';

// A backup reads and writes every table of the schema generically, by the catalog: what is in the database is
// what goes into the file, whatever migrations added. Migration bookkeeping (kysely_migration*) is not data: the
// file's header names the migration level instead.

type Conn = Kysely<any>;
export type TableShape = { name: string; columns: string[]; primaryKey: string[] };

/** Times are written in UTC, so the same rows make the same file whatever the server's time zone. */
export async function writeTimesInUtc(db: Conn) {
  await sql`set local timezone = 'UTC'`.execute(db);
}

/** The schema's tables (not the job queue's own schema) with their insertable columns and primary key. */
export async function listTables(db: Conn): Promise<TableShape[]> {
  const r = await sql<{ name: string; columns: string[]; primary_key: string[] }>`
    select c.relname as name,
           (select coalesce(json_agg(a.attname order by a.attnum), '[]') from pg_attribute a
             where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '') as columns,
           (select coalesce(json_agg(a.attname order by array_position(i.indkey::int2[], a.attnum)), '[]')
              from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
             where i.indrelid = c.oid and i.indisprimary) as primary_key
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = current_schema() and c.relkind = 'r' and not c.relispartition
       and c.relname not like 'kysely\\_migration%'
     order by c.relname`.execute(db);
  return r.rows.map((t) => ({ name: t.name, columns: t.columns, primaryKey: t.primary_key }));
}

/**
 * One page of a table's rows as JSON text, in primary-key order, after the row given as JSON (keyset paging:
 * the key of the last row is read back through the table's own types). Text all the way: numeric and bigint
 * values never pass through a JavaScript number.
 */
export async function readRows(db: Conn, table: TableShape, after: string | null, limit: number): Promise<string[]> {
  const t = sql.table(table.name);
  if (!table.primaryKey.length) {
    const all = await sql<{ row: string }>`select row_to_json(t)::text as row from ${t} t order by t::text`.execute(db);
    return all.rows.map((r) => r.row);
  }
  const key = sql.join(table.primaryKey.map((c) => sql.ref(`t.${c}`)));
  const bare = sql.join(table.primaryKey.map((c) => sql.ref(c)));
  const from =
    after === null ? sql`true` : sql`(${key}) > (select ${bare} from json_populate_record(null::${t}, ${after}::json))`;
  const r = await sql<{ row: string }>`
    select row_to_json(t)::text as row from ${t} t where ${from} order by ${key} limit ${limit}`.execute(db);
  return r.rows.map((x) => x.row);
}

/** Inserts rows given as JSON text, typed by the table itself; identity values are kept as they were. */
export async function insertRows(db: Conn, table: TableShape, rows: string[]) {
  const t = sql.table(table.name);
  const cols = sql.join(table.columns.map((c) => sql.ref(c)));
  await sql`insert into ${t} (${cols}) overriding system value
            select ${cols} from json_populate_recordset(null::${t}, ${`[${rows.join(',')}]`}::json)`.execute(db);
}

/** Empties the tables (and restarts their identity sequences), all in one statement. */
export async function truncateTables(db: Conn, names: string[]) {
  if (!names.length) return;
  await sql`truncate table ${sql.join(names.map((n) => sql.table(n)))} restart identity cascade`.execute(db);
}

export type ForeignKey = { table: string; name: string; definition: string };

/** Drops the schema's foreign keys and hands back their definitions, so rows load in any order (cycles too). */
export async function dropForeignKeys(db: Conn): Promise<ForeignKey[]> {
  const r = await sql<{ table: string; name: string; definition: string }>`
    select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
     where c.contype = 'f' and n.nspname = current_schema()
     order by 1, 2`.execute(db);
  for (const fk of r.rows) await sql`alter table ${sql.raw(fk.table)} drop constraint ${sql.ref(fk.name)}`.execute(db);
  return r.rows;
}

/** Adds the foreign keys back, each checked against every loaded row. */
export async function addForeignKeys(db: Conn, keys: ForeignKey[]) {
  for (const fk of keys)
    await sql`alter table ${sql.raw(fk.table)} add constraint ${sql.ref(fk.name)} ${sql.raw(fk.definition)}`.execute(
      db,
    );
}

/** Sets every identity/serial sequence after the highest value its column holds. */
export async function resetSequences(db: Conn) {
  const r = await sql<{ table: string; column: string; seq: string }>`
    select c.relname as table, a.attname as column, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as seq
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
     where n.nspname = current_schema() and c.relkind = 'r'
       and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`.execute(db);
  for (const s of r.rows)
    await sql`select setval(${s.seq}::regclass, coalesce(max(${sql.ref(s.column)}), 0) + 1, false)
                from ${sql.table(s.table)}`.execute(db);
}

/** The migrations applied to the database, in order (none on a fresh database). */
export async function appliedMigrations(db: Conn): Promise<string[]> {
  const exists = await sql<{ t: string | null }>`select to_regclass('kysely_migration')::text as t`.execute(db);
  if (!exists.rows[0]?.t) return [];
  const r = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return r.rows.map((x) => x.name);
}

/** Whether the database holds anything of a business: a company or a user (a migrated one holds neither). */
export async function holdsData(db: Conn): Promise<boolean> {
  const r = await sql<{ companies: string | null; users: string | null }>`
    select to_regclass('companies')::text as companies, to_regclass('users')::text as users`.execute(db);
  const { companies, users } = r.rows[0] ?? {};
  if (!companies || !users) return false;
  const n = await sql<{ any: boolean }>`
    select exists (select 1 from companies) or exists (select 1 from users) as any`.execute(db);
  return !!n.rows[0]?.any;
}

// The restore's own transaction, on the one connection it holds (its migrations run inside it).
export const begin = (conn: Conn) => sql`begin`.execute(conn);
export const commit = (conn: Conn) => sql`commit`.execute(conn);
export const rollback = (conn: Conn) => sql`rollback`.execute(conn);

/**
 * Empties this session's reserved-units tally (0038). A restore loads order lines before their orders, so the tally
 * missed the lines and would check every key's holders one by one at the commit: 23 s at a million orders. The
 * restore's books check compares every balance with its holders in one pass instead.
 */
export async function forgetReservedTally(db: Conn) {
  await sql`do $$ begin
      if to_regclass('pg_temp.ledger_reserved_delta') is not null then
        delete from pg_temp.ledger_reserved_delta;
      end if;
    end $$`.execute(db);
}

/** Fires the deferred constraint triggers now, so a broken ledger fails the restore with its own message. */
export async function checkDeferredConstraints(db: Conn) {
  await sql`set constraints all immediate`.execute(db);
}

// The nightly runs (backup_runs).

/** Claims the night for this instance: undefined when another one already has it. */
export async function claimRun(db: Db, slot: string, at: Date) {
  return db
    .insertInto('backup_runs')
    .values({ slot, started_at: at })
    .onConflict((oc) => oc.column('slot').doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** Writes the run's outcome: its file and size, or its error. */
export async function finishRun(
  db: Db,
  id: string,
  r: { at: Date; file: string; sizeBytes: number } | { at: Date; error: string },
) {
  const outcome = 'error' in r ? { error: r.error } : { file: r.file, size_bytes: r.sizeBytes };
  await db
    .updateTable('backup_runs')
    .set({ finished_at: r.at, ...outcome })
    .where('id', '=', id)
    .execute();
}

/** The latest finished run that succeeded (ok) or failed. */
export function lastRun(db: Db, outcome: 'ok' | 'failed') {
  return db
    .selectFrom('backup_runs')
    .select(['finished_at', 'file', 'size_bytes', 'error'])
    .where('finished_at', 'is not', null)
    .where('error', outcome === 'ok' ? 'is' : 'is not', null)
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function companyIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('companies').select('id').execute()).map((c) => c.id);
}
