import { sql, type Kysely } from 'kysely';

// The nightly backup of the embedded database: one row per night (the claim that makes it run once even with
// several instances), then its outcome written once when it ends: the file and its size, or the error.
const statements = [
  `create table backup_runs (
     id uuid primary key default gen_random_uuid(),
     slot date not null unique,
     started_at timestamptz not null,
     finished_at timestamptz,
     file text,
     size_bytes bigint,
     error text,
     check (file is null or error is null))`,
  `create index backup_runs_finished on backup_runs (finished_at desc) where finished_at is not null`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
