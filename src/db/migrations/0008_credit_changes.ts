import { sql, type Kysely } from 'kysely';

// Segregation of duties on credit (信用额度变更): sales request a change of a customer's credit limit, payment
// method or terms, a credit controller (finance) approves or rejects it; every change that took effect keeps
// its old and new value, who, when and why (append-only).
const statements = [
  `create table credit_change_requests (
     company_id uuid not null, id uuid not null default gen_random_uuid(), customer_id uuid not null,
     status text not null check (status in ('requested', 'approved', 'rejected')),
     old_credit_limit numeric(18,2) not null, new_credit_limit numeric(18,2),
     old_payment_method text not null, new_payment_method text,
     old_payment_days integer not null, new_payment_days integer,
     reason text not null, requested_by uuid not null references users(id), requested_at timestamptz not null,
     decided_by uuid references users(id), decided_at timestamptz, decision_note text not null default '',
     primary key (company_id, id), foreign key (company_id, customer_id) references customers(company_id, id),
     check (new_credit_limit is not null or new_payment_method is not null or new_payment_days is not null))`,
  `create unique index credit_change_requests_one_open on credit_change_requests (company_id, customer_id)
     where status = 'requested'`,
  `create index credit_change_requests_status on credit_change_requests (company_id, status, requested_at)`,
  `create table customer_credit_changes (
     company_id uuid not null, id bigint generated always as identity, customer_id uuid not null,
     field text not null check (field in ('credit_limit', 'payment_method', 'payment_days')),
     old_value text not null, new_value text not null, reason text not null,
     changed_by uuid not null references users(id), changed_at timestamptz not null, request_id uuid,
     primary key (company_id, id), foreign key (company_id, customer_id) references customers(company_id, id),
     foreign key (company_id, request_id) references credit_change_requests(company_id, id))`,
  `create index customer_credit_changes_customer on customer_credit_changes (company_id, customer_id, id)`,
  // What is paid on an order (settlementOf) reads its allowances by order.
  `create index receivables_order_allowances on receivables (company_id, order_id) where kind = 'allowance'`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
