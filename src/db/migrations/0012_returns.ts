import { sql, type Kysely } from 'kysely';

// 退货单: the return request of 0004 becomes the returns document — lines per order line with reason and the
// policy's fee, pickup or tracking, receipt, inspection (good units back to stock, defective ones to quarantine),
// refund (a credit against the receivable, a refund payment, a red-letter invoice record) or an exchange.
// Quarantined units (隔离区) are their own ledger: stock_balances never holds them, so nothing can reserve them.
const statements = [
  `alter table return_requests drop constraint return_requests_status`,
  `alter table return_requests add constraint return_requests_status
     check (status in ('requested', 'approved', 'rejected', 'awaiting_goods', 'received', 'inspected',
                       'refund_pending', 'exchange', 'refunded', 'closed'))`,
  `alter table return_requests
     add column number text not null default ('TH-' || upper(left(gen_random_uuid()::text, 8))),
     add column note text not null default '',
     add column policy jsonb,
     add column review_reason text,
     add column reviewed_by uuid,
     add column reviewed_at timestamptz,
     add column ship_method text check (ship_method in ('pickup', 'customer_sends')),
     add column carrier text,
     add column tracking_no text,
     add column received_by uuid,
     add column received_at timestamptz,
     add column warehouse_id uuid,
     add column inspected_by uuid,
     add column inspected_at timestamptz,
     add column refund_amount numeric(18,2),
     add column refund_approved_by uuid,
     add column refund_approved_at timestamptz,
     add column credit_amount numeric(18,2),
     add column refund_paid numeric(18,2),
     add column refund_receipt_id uuid,
     add column invoice_reversal_id uuid,
     add column refunded_by uuid,
     add column refunded_at timestamptz,
     add column replacement_order_id uuid,
     add column closed_at timestamptz`,
  `create unique index return_requests_number on return_requests (company_id, number)`,
  `create index return_requests_order on return_requests (company_id, order_id)`,
  `create index return_requests_replacement on return_requests (company_id, replacement_order_id)
     where replacement_order_id is not null`,
  `create table return_lines (
     company_id uuid not null, return_id uuid not null, line_no int not null, product_id uuid not null,
     qty int not null check (qty > 0),
     reason text not null check (reason in ('quality', 'wrong_item', 'damage', 'changed_mind', 'other')),
     unit_price numeric(18,2) not null, returnable boolean not null, fee_percent numeric(5,2) not null,
     good int check (good >= 0), defective int check (defective >= 0),
     primary key (company_id, return_id, line_no),
     check (coalesce(good, 0) + coalesce(defective, 0) <= qty))`,
  `alter table order_lines add column returned int not null default 0`,
  `alter table order_lines add constraint order_lines_returned check (returned >= 0 and returned <= shipped)`,
  `alter table products add column returnable boolean not null default true`,
  `create table quarantine_balances (
     company_id uuid not null, warehouse_id uuid not null, product_id uuid not null, qty int not null check (qty >= 0),
     primary key (company_id, warehouse_id, product_id))`,
  `create table quarantine_movements (
     company_id uuid not null, id bigint generated always as identity, warehouse_id uuid not null,
     product_id uuid not null, qty_delta int not null, reason text not null default '', reference text not null,
     return_id uuid, actor_id uuid not null, at timestamptz not null default now(),
     primary key (company_id, id))`,
  `alter table receivables drop constraint receivables_kind_check`,
  `alter table receivables add constraint receivables_kind_check
     check (kind in ('shipment', 'statement', 'allowance', 'return_credit'))`,
  `create table invoice_reversals (
     company_id uuid not null, id uuid not null default gen_random_uuid(), invoice_id uuid not null,
     return_id uuid not null, red_letter_number text not null, amount numeric(18,2) not null check (amount < 0),
     issued_on date not null, created_by uuid not null, created_at timestamptz not null default now(),
     primary key (company_id, id), unique (company_id, red_letter_number))`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
