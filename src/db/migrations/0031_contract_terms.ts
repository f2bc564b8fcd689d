import { sql, type Kysely } from 'kysely';

// 合同条款模板 kept by the company: a template is retired rather than deleted (drafts made before keep their copy).
// A contract may carry its own overdue interest rate (basis points a day), taking precedence over the customer's
// for the receivables of its call-off orders; an early close (提前终止) keeps its reason on the contract.
const statements = [
  `alter table contract_clause_templates add column retired_at timestamptz`,
  `alter table contract_clause_templates add column updated_at timestamptz`,
  `alter table contract_clause_templates add column updated_by uuid`,
  `alter table contracts add column overdue_interest_bp int
     check (overdue_interest_bp >= 0 and overdue_interest_bp <= 1000)`,
  `alter table contracts add column close_reason text`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
