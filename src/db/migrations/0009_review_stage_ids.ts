import { sql, type Kysely } from 'kysely';

// A review stage gets an id of its own, so its lifecycle saves and records its moves like any other entity
// (the history row names one entity); (company_id, order_id, round, seq) stays its natural key.
const statements = [
  `alter table review_stages add column id uuid not null default gen_random_uuid()`,
  `create unique index review_stages_id on review_stages (company_id, id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
