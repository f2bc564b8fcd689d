import { sql, type Kysely } from 'kysely';

// 样品确认 (issue 15): an order (or the quotation it came from) may need the customer's approval of a sample
// before bulk production; each round records what was sent, the customer's feedback and the decision.
// 逾期利息: a customer may carry a daily interest rate on overdue receivables, in basis points per day
// (5 = 0.05 % a day, 日万分之五); the statement of account shows it as its own lines.
const statements = [
  `create table sample_approvals (
     company_id uuid not null,
     id uuid not null default gen_random_uuid(),
     order_id uuid not null,
     quotation_id uuid,
     status text not null default 'pending' check (status in ('pending', 'approved')),
     note text not null default '',
     approved_at timestamptz,
     created_at timestamptz not null,
     created_by uuid not null,
     primary key (company_id, id),
     unique (company_id, order_id),
     foreign key (company_id, order_id) references orders(company_id, id))`,
  `create table sample_rounds (
     company_id uuid not null,
     id uuid not null default gen_random_uuid(),
     approval_id uuid not null,
     round_no int not null check (round_no >= 1),
     sent_at date not null,
     description text not null,
     quantity int not null check (quantity > 0),
     tracking text not null default '',
     feedback text,
     decision text check (decision in ('approved', 'rejected', 'revise')),
     decided_by uuid,
     decided_by_customer boolean not null default false,
     decided_at timestamptz,
     created_at timestamptz not null,
     created_by uuid not null,
     primary key (company_id, id),
     unique (company_id, approval_id, round_no),
     foreign key (company_id, approval_id) references sample_approvals(company_id, id))`,
  `alter table customers add column overdue_interest_bp int not null default 0
     check (overdue_interest_bp >= 0 and overdue_interest_bp <= 1000)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
