import { sql, type Kysely } from 'kysely';

// A large Excel import runs as a job: the file is kept with the job, its progress (done of total lines) is written
// as it goes, and it ends succeeded (with what it made) or failed (with the errors by row and column).
const statements = [
  `create table import_jobs (
     company_id uuid not null, id uuid not null default gen_random_uuid(),
     kind text not null check (kind in ('orders')),
     status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
     language text not null default 'zh-CN', filename text not null default '',
     total int not null default 0 check (total >= 0), done int not null default 0 check (done >= 0),
     errors jsonb, error_count int not null default 0, result jsonb, file bytea,
     created_by uuid not null, created_at timestamptz not null, started_at timestamptz, finished_at timestamptz,
     primary key (company_id, id))`,
  `create index import_jobs_recent on import_jobs (company_id, created_at)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
