import { sql, type Kysely } from 'kysely';

// Webhooks for other systems: the domain event log (written in the transaction that made the change), the
// subscriptions of integrators, one delivery per (subscription, event) and the log of every attempt.
const statements = [
  `create table domain_events (
     company_id uuid not null, id uuid not null default gen_random_uuid(), type text not null,
     entity_type text not null, entity_id uuid not null, data jsonb not null default '{}',
     occurred_at timestamptz not null default now(), dispatched_at timestamptz,
     primary key (company_id, id))`,
  `create index domain_events_undispatched on domain_events (occurred_at) where dispatched_at is null`,
  `create table webhook_subscriptions (
     company_id uuid not null, id uuid not null default gen_random_uuid(), url text not null,
     events text[] not null, secret text not null, description text not null default '',
     active boolean not null default true, created_by uuid not null, created_at timestamptz not null,
     primary key (company_id, id))`,
  `create table webhook_deliveries (
     company_id uuid not null, id uuid not null default gen_random_uuid(), subscription_id uuid not null,
     event_id uuid not null, status text not null default 'pending' check (status in ('pending', 'delivered', 'dead')),
     attempts int not null default 0, next_attempt_at timestamptz not null, last_status_code int, last_error text,
     delivered_at timestamptz, created_at timestamptz not null,
     primary key (company_id, id), unique (company_id, subscription_id, event_id),
     foreign key (company_id, subscription_id) references webhook_subscriptions (company_id, id) on delete cascade,
     foreign key (company_id, event_id) references domain_events (company_id, id))`,
  // A receivable's first day overdue is told to subscribers once: claimed by setting this.
  `alter table receivables add column overdue_published_at timestamptz`,
  `create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending'`,
  `create table webhook_attempts (
     company_id uuid not null, delivery_id uuid not null, attempt int not null, at timestamptz not null,
     status_code int, error text, duration_ms int not null,
     primary key (company_id, delivery_id, attempt),
     foreign key (company_id, delivery_id) references webhook_deliveries (company_id, id) on delete cascade)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
