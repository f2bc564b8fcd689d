import { sql, type Kysely } from 'kysely';

// Monthly statements issued to 月结 customers, and the mark left when an L/C order passes its
// check-by date without a valid credit, and on a schedule not updated for a week (each raised once).
const statements = [
  `create table customer_statements (
     company_id uuid not null, id uuid not null default gen_random_uuid(), customer_id uuid not null,
     period text not null, from_date date not null, to_date date not null, amount numeric(18,2) not null,
     due_date date not null, closing_balance numeric(18,2) not null, issued_at timestamptz not null default now(),
     primary key (company_id, id), unique (company_id, customer_id, period),
     foreign key (company_id, customer_id) references customers(company_id, id))`,
  `alter table orders add column lc_late_at timestamptz`,
  `alter table production_requests add column progress_flagged_at timestamptz`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
