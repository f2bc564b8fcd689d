import { sql, type Kysely } from 'kysely';

// The nightly backup of the embedded database: one row per night (the claim that makes it run once even with
// several instances), its outcome, file and size, so the admin's 工作台 shows the last success.
const statements = [
  `create table backup_runs (
     id uuid primary key default gen_random_uuid(),
     slot date not null unique,
     status text not null default 'running' check (status in ('running', 'ok', 'failed')),
     started_at timestamptz not null,
     finished_at timestamptz,
     file text,
     size_bytes bigint,
     error text)`,
  `create index backup_runs_finished on backup_runs (status, finished_at desc)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
