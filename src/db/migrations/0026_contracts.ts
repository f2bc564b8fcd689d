import { sql, type Kysely } from 'kysely';

// 销售合同 (issue 15): drafted from an accepted quotation with the company's clause templates, reviewed by legal,
// finance and (above a threshold) the general manager, signed by both sides, then called off by sales orders
// (orders.contract_id) until its quantities are used.
const statements = [
  `create table contract_clause_templates (
     company_id uuid not null,
     code text not null,
     title text not null,
     title_en text not null default '',
     body text not null,
     body_en text not null default '',
     sort int not null default 0,
     primary key (company_id, code))`,
  `create table contracts (
     company_id uuid not null,
     id uuid not null default gen_random_uuid(),
     number text not null,
     quotation_id uuid,
     customer_id uuid not null,
     customer_po text not null default '',
     status text not null default 'draft'
       check (status in ('draft', 'in_review', 'approved', 'signed', 'completed', 'closed')),
     stage text check (stage in ('legal', 'finance', 'gm')),
     stage_due_at timestamptz,
     review_round int not null default 0,
     source text not null,
     total numeric(18,2) not null default 0,
     payment_method text,
     payment_days int not null default 0,
     expected_delivery_date date,
     remarks text not null default '',
     clauses jsonb not null default '[]',
     sign_scan_id uuid,
     company_signed_by uuid,
     company_signed_at timestamptz,
     company_signed_ip text,
     customer_signed_by text,
     customer_signed_at timestamptz,
     customer_signed_ip text,
     created_at timestamptz not null,
     created_by uuid not null,
     updated_at timestamptz not null,
     updated_by uuid not null,
     primary key (company_id, id),
     unique (company_id, number),
     foreign key (company_id, customer_id) references customers(company_id, id),
     foreign key (company_id, quotation_id) references quotations(company_id, id))`,
  `create index contracts_status on contracts (company_id, status, created_at)`,
  `create table contract_lines (
     company_id uuid not null,
     contract_id uuid not null,
     line_no int not null,
     product_id uuid not null,
     sku text not null,
     name text not null,
     spec text not null default '',
     unit text not null default '',
     qty int not null check (qty > 0),
     unit_price numeric(18,2) not null check (unit_price >= 0),
     amount numeric(18,2) not null,
     called_qty int not null default 0 check (called_qty >= 0 and called_qty <= qty),
     primary key (company_id, contract_id, line_no),
     foreign key (company_id, contract_id) references contracts(company_id, id))`,
  `create table contract_reviews (
     company_id uuid not null,
     contract_id uuid not null,
     round int not null,
     stage text not null check (stage in ('legal', 'finance', 'gm')),
     started_at timestamptz not null,
     due_at timestamptz not null,
     decision text check (decision in ('approve', 'reject')),
     reason text,
     decided_by uuid,
     decided_at timestamptz,
     primary key (company_id, contract_id, round, stage),
     foreign key (company_id, contract_id) references contracts(company_id, id))`,
  `alter table orders add column contract_id uuid`,
  `create index orders_contract on orders (company_id, contract_id) where contract_id is not null`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
