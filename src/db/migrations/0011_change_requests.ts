import { sql, type Kysely } from 'kysely';

// 订单变更申请: a change to a confirmed order is a list of actions, approved stage by stage, applied as a new
// version of the order (every version's head and lines kept as a snapshot), then confirmed by the customer.
const statements = [
  `create table order_versions (
     company_id uuid not null, order_id uuid not null, version int not null check (version > 0),
     head jsonb not null, lines jsonb not null, change_request_id uuid,
     created_at timestamptz not null, created_by uuid not null references users(id),
     primary key (company_id, order_id, version),
     foreign key (company_id, order_id) references orders(company_id, id))`,
  `create table change_requests (
     company_id uuid not null, id uuid not null default gen_random_uuid(), number text not null,
     order_id uuid not null,
     status text not null check (status in
       ('draft', 'submitted', 'approved', 'rejected', 'applied', 'customer_confirmed', 'cancelled')),
     base_version int not null, applied_version int,
     actions jsonb not null, reason text not null,
     requested_by text not null check (requested_by in ('customer', 'internal')),
     preview jsonb,
     created_by uuid not null references users(id), created_at timestamptz not null,
     submitted_at timestamptz, decided_at timestamptz, decision_reason text,
     applied_at timestamptz, applied_by uuid references users(id),
     confirmed_at timestamptz, confirmation jsonb,
     cancelled_at timestamptz, cancel_reason text,
     updated_at timestamptz not null, updated_by uuid not null references users(id),
     primary key (company_id, id), unique (company_id, number),
     foreign key (company_id, order_id) references orders(company_id, id))`,
  `create index change_requests_order on change_requests (company_id, order_id, created_at)`,
  `create index change_requests_status on change_requests (company_id, status, created_at)`,
  `create table change_approvals (
     company_id uuid not null, id uuid not null default gen_random_uuid(), change_request_id uuid not null,
     stage text not null check (stage in ('sales', 'finance', 'warehouse', 'production', 'director', 'gm')),
     role text not null,
     status text not null check (status in ('pending', 'approved', 'rejected', 'cancelled')),
     started_at timestamptz not null, due_at timestamptz not null,
     decided_by uuid references users(id), decided_at timestamptz, reason text,
     primary key (company_id, id), unique (company_id, change_request_id, stage),
     foreign key (company_id, change_request_id) references change_requests(company_id, id))`,
  `create index change_approvals_open on change_approvals (company_id, role, due_at) where status = 'pending'`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
