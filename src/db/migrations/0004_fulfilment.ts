import { sql, type Kysely } from 'kysely';

// Fulfilment and cash (spec §4–6): receipts and their application to orders, letters of credit,
// shipments with lines and tracking, logistics exceptions, receivables, call-backs, complaints,
// return requests, invoices, and the outbox of messages to customers.
const statements = [
  `alter table production_requests add column last_progress_at timestamptz`,
  `alter table production_requests add column progress_note text not null default ''`,
  `create table customer_receipts (
     company_id uuid not null, id uuid not null default gen_random_uuid(), customer_id uuid not null,
     amount numeric(18,2) not null, received_on date not null, method text not null, reference text not null default '',
     reverses_id uuid, created_at timestamptz not null default now(), created_by uuid not null,
     primary key (company_id, id), foreign key (company_id, customer_id) references customers(company_id, id))`,
  `create unique index customer_receipts_reversal on customer_receipts (company_id,
    reverses_id) where reverses_id is not null`,
  `create table receipt_applications (
     company_id uuid not null, id bigint generated always as identity, receipt_id uuid not null, order_id uuid not null,
     amount numeric(18,2) not null, created_at timestamptz not null default now(), created_by uuid not null,
     primary key (company_id, id), foreign key (company_id, order_id) references orders(company_id, id))`,
  `create index receipt_applications_order on receipt_applications (company_id, order_id)`,
  `create table letters_of_credit (
     company_id uuid not null, id uuid not null default gen_random_uuid(), order_id uuid not null, number text not null,
     amount numeric(18,2) not null, expiry_date date not null, latest_shipment_date date not null,
     checked_by uuid not null, checked_at timestamptz not null default now(),
     primary key (company_id, id), foreign key (company_id, order_id) references orders(company_id, id))`,
  `create table shipments (
     company_id uuid not null, id uuid not null default gen_random_uuid(), number text not null, status text not null,
     warehouse_id uuid not null, customer_id uuid not null, consignee jsonb not null, carrier text not null default '',
     tracking_no text not null default '', pick_due_at timestamptz not null, picked_at timestamptz,
       shipped_at timestamptz,
     tracking_due_at timestamptz, tracking_entered_at timestamptz, delivered_at timestamptz, signed_by text,
     last_event_at timestamptz, created_at timestamptz not null default now(), created_by uuid not null,
     primary key (company_id, id), unique (company_id, number))`,
  `create table shipment_lines (
     company_id uuid not null, shipment_id uuid not null, line_no int not null, order_id uuid not null,
       order_line_no int not null,
     product_id uuid not null, qty int not null check (qty > 0), unit_price numeric(18,2) not null,
     primary key (company_id, shipment_id, line_no), foreign key (company_id, order_id) references orders(company_id,
       id))`,
  `create index shipment_lines_order on shipment_lines (company_id, order_id)`,
  `create table carrier_rules (
     company_id uuid not null, region text not null, carrier text not null, primary key (company_id, region))`,
  `create table tracking_events (
     company_id uuid not null, id bigint generated always as identity, shipment_id uuid not null,
       at timestamptz not null,
     location text not null default '', description text not null, source text not null,
       created_at timestamptz not null default now(),
     primary key (company_id, id))`,
  `create table logistics_exceptions (
     company_id uuid not null, id uuid not null default gen_random_uuid(), shipment_id uuid not null,
     type text not null check (type in ('delay', 'wrong_address', 'damage', 'loss')), found_at timestamptz not null,
     action text not null default '', result text not null default '', customer_informed boolean not null default false,
     status text not null default 'open' check (status in ('open', 'closed')), created_by uuid not null,
       created_at timestamptz not null default now(),
     primary key (company_id, id))`,
  `create table receivables (
     company_id uuid not null, id uuid not null default gen_random_uuid(), customer_id uuid not null, order_id uuid,
     shipment_id uuid, period text, kind text not null check (kind in ('shipment', 'statement', 'allowance')),
     amount numeric(18,2) not null, due_date date not null, reminded_at timestamptz,
       created_at timestamptz not null default now(),
     primary key (company_id, id))`,
  `create index receivables_customer on receivables (company_id, customer_id, due_date)`,
  `create table callbacks (
     company_id uuid not null, id uuid not null default gen_random_uuid(), order_id uuid not null,
       shipment_id uuid not null,
     due_at timestamptz not null, status text not null default 'open', outcome text, notes text not null default '',
     done_by uuid, done_at timestamptz, primary key (company_id, id))`,
  `create table complaints (
     company_id uuid not null, id uuid not null default gen_random_uuid(), order_id uuid not null, callback_id uuid,
     type text not null check (type in ('short', 'damage', 'wrong_item', 'quality', 'late')),
       description text not null default '',
     status text not null, due_at timestamptz not null, late_at timestamptz, resolution text, amount numeric(18,2),
     replacement_order_id uuid, return_request_id uuid, resolved_by uuid, resolved_at timestamptz,
     created_by uuid not null, created_at timestamptz not null default now(), primary key (company_id, id))`,
  `create table return_requests (
     company_id uuid not null, id uuid not null default gen_random_uuid(), order_id uuid not null, complaint_id uuid,
     reason text not null, status text not null default 'requested', created_by uuid not null,
       created_at timestamptz not null default now(),
     primary key (company_id, id))`,
  `create table invoices (
     company_id uuid not null, id uuid not null default gen_random_uuid(), order_id uuid not null, number text not null,
     issued_on date not null, amount numeric(18,2) not null, tax_rate numeric(5,2) not null,
       type text not null check (type in ('normal', 'special', 'digital')),
     outbound_voucher text not null default '', created_by uuid not null, created_at timestamptz not null default now(),
     primary key (company_id, id), unique (company_id, number))`,
  `create table outbox_messages (
     company_id uuid not null, id bigint generated always as identity, customer_id uuid not null, channel text not null,
     kind text not null, params jsonb not null, created_at timestamptz not null default now(), sent_at timestamptz,
     primary key (company_id, id))`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
