import { sql, type Kysely } from 'kysely';

// 外贸订单: an order may be in a foreign currency (its amounts stay in the existing money columns, in that
// currency; the RMB rate of its order date is stored with it), with trade terms, ports and containers.
// Exchange rates are kept per company and day. A letter of credit is checked by the documents clerk against
// the contract and amended as versions (the row holds the current version, lc_versions every version).
// Inspections (验货) are booked before shipping; a failed or missing one stops an export order's shipment.
const statements = [
  `create table exchange_rates (
     company_id uuid not null, currency text not null check (currency ~ '^[A-Z]{3}$'), rate_date date not null,
     rate numeric(18,6) not null check (rate > 0), created_at timestamptz not null default now(),
     created_by uuid not null, primary key (company_id, currency, rate_date))`,
  `alter table orders add column currency text not null default 'CNY'`,
  `alter table orders add column exchange_rate numeric(18,6) not null default 1 check (exchange_rate > 0)`,
  `alter table orders add column export boolean not null default false`,
  `alter table orders add column trade_term text`,
  `alter table orders add column port_of_loading text`,
  `alter table orders add column port_of_destination text`,
  `alter table orders add column container_type text`,
  `alter table orders add column container_count integer check (container_count between 0 and 999)`,
  `alter table letters_of_credit add column status text not null default 'checked_ok'`,
  `alter table letters_of_credit add column currency text not null default 'CNY'`,
  `alter table letters_of_credit add column version integer not null default 1`,
  `alter table letters_of_credit add column documents_required jsonb not null default '[]'`,
  `alter table letters_of_credit add column discrepancies jsonb not null default '[]'`,
  `alter table letters_of_credit add column received_on date`,
  `alter table letters_of_credit add column created_at timestamptz not null default now()`,
  `alter table letters_of_credit alter column checked_by drop not null`,
  `alter table letters_of_credit alter column checked_at drop not null`,
  `create table lc_versions (
     company_id uuid not null, lc_id uuid not null, version integer not null, amount numeric(18,2) not null,
     currency text not null, expiry_date date not null, latest_shipment_date date not null,
     documents_required jsonb not null default '[]', discrepancies jsonb not null default '[]', note text not null
       default '',
     created_at timestamptz not null default now(), created_by uuid not null,
     primary key (company_id, lc_id, version), foreign key (company_id, lc_id) references letters_of_credit(company_id,
       id))`,
  `create table inspections (
     company_id uuid not null, id uuid not null default gen_random_uuid(), order_id uuid not null,
     booked_for date not null, inspector text not null default '', status text not null, note text not null default '',
     result_at timestamptz, result_by uuid, waive_reason text, waived_by uuid, waived_at timestamptz,
     created_at timestamptz not null default now(), created_by uuid not null,
     primary key (company_id, id), foreign key (company_id, order_id) references orders(company_id, id))`,
  `create index inspections_order on inspections (company_id, order_id, created_at)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
