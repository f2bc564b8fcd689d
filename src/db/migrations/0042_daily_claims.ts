import { sql, type Kysely } from 'kysely';

// A daily job's summary (the overdue list, stale tracking) is told once per company and day, however many
// instances run the job or however often it is retried: the run that inserts the day's row does it.
const statements = [
  `create table daily_claims (
     company_id uuid not null references companies (id),
     job text not null,
     day date not null,
     claimed_at timestamptz not null,
     primary key (company_id, job, day))`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
