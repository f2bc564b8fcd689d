import { sql, type Kysely } from 'kysely';

// 询盘 · 报价 (issue 15, first part): an inquiry records what the customer asks; a quotation answers it with
// priced and costed lines. Each version of a quotation keeps its lines and what changed from the one before; an
// accepted quotation becomes a sales order in one step (quotations.order_id, counted by the monthly report).
const statements = [
  `create table inquiries (
     company_id uuid not null,
     id uuid not null default gen_random_uuid(),
     number text not null,
     customer_id uuid not null,
     source text not null,
     handler_id uuid not null,
     description text not null default '',
     lines jsonb not null default '[]',
     wanted_date date,
     payment_terms text not null default '',
     packing_terms text not null default '',
     status text not null default 'open' check (status in ('open', 'quoted', 'declined')),
     decline_reason text,
     created_at timestamptz not null,
     created_by uuid not null,
     primary key (company_id, id),
     unique (company_id, number),
     foreign key (company_id, customer_id) references customers(company_id, id))`,
  `create index inquiries_status on inquiries (company_id, status, created_at)`,
  `create table quotations (
     company_id uuid not null,
     id uuid not null default gen_random_uuid(),
     number text not null,
     inquiry_id uuid,
     customer_id uuid not null,
     status text not null default 'draft'
       check (status in ('draft', 'in_review', 'approved', 'sent', 'accepted', 'declined', 'expired')),
     version int not null default 1 check (version >= 1),
     source text not null,
     valid_until date not null,
     expected_delivery_date date,
     payment_method text,
     payment_days int not null default 0,
     packing_terms text not null default '',
     remarks text not null default '',
     extra_costs jsonb not null default '[]',
     total numeric(18,2) not null default 0,
     cost_total numeric(18,2) not null default 0,
     approval_reasons jsonb not null default '[]',
     decline_reason text,
     review_note text,
     order_id uuid,
     sent_at timestamptz,
     accepted_at timestamptz,
     created_at timestamptz not null,
     created_by uuid not null,
     updated_at timestamptz not null,
     updated_by uuid not null,
     primary key (company_id, id),
     unique (company_id, number),
     unique (company_id, order_id),
     foreign key (company_id, customer_id) references customers(company_id, id),
     foreign key (company_id, inquiry_id) references inquiries(company_id, id),
     foreign key (company_id, order_id) references orders(company_id, id))`,
  `create index quotations_status on quotations (company_id, status, valid_until)`,
  `create table quotation_versions (
     company_id uuid not null,
     quotation_id uuid not null,
     version int not null,
     terms jsonb not null,
     changes jsonb not null default '[]',
     note text not null default '',
     created_at timestamptz not null,
     created_by uuid not null,
     primary key (company_id, quotation_id, version),
     foreign key (company_id, quotation_id) references quotations(company_id, id))`,
  `create table quotation_lines (
     company_id uuid not null,
     quotation_id uuid not null,
     version int not null,
     line_no int not null,
     product_id uuid not null,
     sku text not null,
     name text not null,
     spec text not null default '',
     unit text not null default '',
     qty int not null check (qty > 0),
     unit_price numeric(18,2) not null check (unit_price >= 0),
     list_price numeric(18,2) not null,
     standard_cost numeric(18,2) not null,
     amount numeric(18,2) not null,
     extra_cost numeric(18,2) not null default 0,
     remark text not null default '',
     primary key (company_id, quotation_id, version, line_no),
     foreign key (company_id, quotation_id, version) references quotation_versions(company_id, quotation_id, version))`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
