import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '../../src/db/connect';
import { createTestDatabase } from '../helpers/test-db';

// Companies are the unit of distribution (DESIGN.md): on a PostgreSQL-compatible engine that shards by company_id
// (Citus), every business table is distributed by company_id, so its keys must start with it and its foreign keys
// must stay inside one company. The catalog after migration is read on both engines and checked against that.

/**
 * Reference (global) tables: copied to every node in Citus terms. Each is small or read before a company is known.
 * Anything else in the public schema is a business table distributed by company_id. (pg-boss keeps its queue in its
 * own schema, `pgboss`, which the migrations do not create: it stays on the coordinator as global job bookkeeping.)
 */
const REFERENCE_TABLES: Record<string, string> = {
  companies: 'the distribution key itself: one row per company, referenced by every business table',
  users: 'a login name is global; a user may belong to several companies (集团多组织)',
  memberships: 'which companies a user may enter: read at login, before a company is chosen',
  sessions: 'a bearer token is looked up before its company is known',
  login_failures: 'throttling is keyed by user name and address, not by company',
  backup_runs: 'one backup of the whole installation per night',
  kysely_migration: 'migration bookkeeping of the whole installation',
  kysely_migration_lock: 'migration bookkeeping of the whole installation',
};

type Constraint = {
  table: string;
  name: string;
  type: string;
  columns: string[];
  ref: string | null;
  refColumns: string[] | null;
};

let database: Database;
let tables: { name: string; hasCompany: boolean; companyNotNull: boolean }[];
let constraints: Constraint[];
let uniqueIndexes: { table: string; name: string; columns: string[] }[];

beforeAll(async () => {
  database = await createTestDatabase('migrated');
  const db = database.db;
  tables = (
    await sql<{ name: string; has_company: boolean; not_null: boolean | null }>`
      select c.relname as name,
             a.attname is not null as has_company,
             a.attnotnull as not_null
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_attribute a on a.attrelid = c.oid and a.attname = 'company_id' and not a.attisdropped
      where n.nspname = 'public' and c.relkind in ('r', 'p')
      order by 1`.execute(db)
  ).rows.map((r) => ({ name: r.name, hasCompany: r.has_company, companyNotNull: r.not_null === true }));
  constraints = (
    await sql<{
      tbl: string;
      name: string;
      type: string;
      cols: string[];
      ref: string | null;
      refcols: string[] | null;
    }>`
      select cl.relname as tbl, c.conname as name, c.contype::text as type,
             array(select a.attname::text from unnest(c.conkey) with ordinality k(num, ord)
                   join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.num order by k.ord) as cols,
             rc.relname as ref,
             case when c.contype = 'f' then
               array(select a.attname::text from unnest(c.confkey) with ordinality k(num, ord)
                     join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.num order by k.ord)
             end as refcols
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_namespace n on n.oid = cl.relnamespace
      left join pg_class rc on rc.oid = c.confrelid
      where n.nspname = 'public' and c.contype in ('p', 'u', 'f', 'x')
      order by 1, 2`.execute(db)
  ).rows.map((r) => ({ table: r.tbl, name: r.name, type: r.type, columns: r.cols, ref: r.ref, refColumns: r.refcols }));
  // Unique indexes made with CREATE UNIQUE INDEX (partial ones too) are keys as well; expressions count as no column.
  uniqueIndexes = (
    await sql<{ tbl: string; name: string; cols: (string | null)[] }>`
      select t.relname as tbl, ic.relname as name,
             array(select a.attname::text from unnest(i.indkey::int2[]) with ordinality k(num, ord)
                   left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.num order by k.ord) as cols
      from pg_index i
      join pg_class ic on ic.oid = i.indexrelid
      join pg_class t on t.oid = i.indrelid
      join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = 'public' and i.indisunique`.execute(db)
  ).rows.map((r) => ({ table: r.tbl, name: r.name, columns: r.cols.map((c) => c ?? '(expression)') }));
}, 120_000);

afterAll(() => database?.close());

const isReference = (table: string) => table in REFERENCE_TABLES;
const businessTables = () => tables.filter((t) => !isReference(t.name));

describe('the schema fits a distributed engine sharded by company_id', () => {
  it('knows every reference table it names, and there are business tables to check', () => {
    const names = new Set(tables.map((t) => t.name));
    expect(Object.keys(REFERENCE_TABLES).filter((t) => !names.has(t))).toEqual([]);
    expect(businessTables().length).toBeGreaterThan(50);
  });

  it('every business table carries company_id NOT NULL', () => {
    expect(
      businessTables()
        .filter((t) => !t.hasCompany || !t.companyNotNull)
        .map((t) => t.name),
    ).toEqual([]);
  });

  it('every business table has a primary key, and every primary and unique key starts with company_id', () => {
    const withPk = new Set(constraints.filter((c) => c.type === 'p').map((c) => c.table));
    expect(
      businessTables()
        .filter((t) => !withPk.has(t.name))
        .map((t) => t.name),
    ).toEqual([]);
    const keys = constraints.filter((c) => c.type !== 'f' && !isReference(c.table));
    expect(keys.length).toBeGreaterThan(50);
    expect(keys.filter((c) => c.columns[0] !== 'company_id').map((c) => `${c.table}.${c.name}`)).toEqual([]);
  });

  it('every unique index of a business table (partial ones included) starts with company_id', () => {
    const indexes = uniqueIndexes.filter((i) => !isReference(i.table));
    expect(indexes.length).toBeGreaterThan(50);
    expect(indexes.filter((i) => i.columns[0] !== 'company_id').map((i) => `${i.table}.${i.name}`)).toEqual([]);
  });

  it('a foreign key between business tables joins on company_id first; one to a reference table is allowed', () => {
    const fks = constraints.filter((c) => c.type === 'f' && !isReference(c.table));
    expect(fks.length).toBeGreaterThan(50);
    const crossing = fks.filter(
      (c) => !isReference(c.ref!) && (c.columns[0] !== 'company_id' || c.refColumns![0] !== 'company_id'),
    );
    expect(crossing.map((c) => `${c.table}.${c.name} → ${c.ref}`)).toEqual([]);
  });

  it('no reference table points at a business table (Citus refuses that foreign key)', () => {
    const fks = constraints.filter((c) => c.type === 'f' && isReference(c.table));
    expect(fks.length).toBeGreaterThan(0);
    expect(fks.filter((c) => !isReference(c.ref!)).map((c) => `${c.table}.${c.name} → ${c.ref}`)).toEqual([]);
  });
});
