import { sql, type Kysely } from 'kysely';

// Late change approval stages (订单变更审批超时): when a stage passed its due time and its supervisor was told.
// The job claims a stage by setting late_at where it is still null, so the supervisor is told once.
const statements = [
  `alter table change_approvals add column late_at timestamptz`,
  `create index change_approvals_pending_due on change_approvals (due_at) where status = 'pending' and late_at is null`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
