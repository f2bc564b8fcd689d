import { sql, type Kysely } from 'kysely';

// Messages to customers: one row per (what happened, channel, recipient), sent by the message sender with retries.
// The outbox rows other modules write and the domain events are routed into it once each (routed_at, messaged_at).
const statements = [
  `create table messages (
     company_id uuid not null, id uuid not null default gen_random_uuid(), customer_id uuid,
     kind text not null, channel text not null check (channel in ('email', 'sms', 'wecom', 'dingtalk')),
     recipient text not null default '', contact_name text not null default '', language text not null default 'zh',
     params jsonb not null default '{}', source text not null,
     status text not null default 'queued' check (status in ('queued', 'sent', 'failed', 'dead')),
     attempts int not null default 0, next_attempt_at timestamptz not null, last_error text,
     sent_at timestamptz, created_at timestamptz not null,
     primary key (company_id, id), unique (company_id, source, channel, recipient))`,
  `create index messages_due on messages (next_attempt_at) where status in ('queued', 'failed')`,
  `create index messages_recent on messages (company_id, created_at)`,
  `alter table outbox_messages add column routed_at timestamptz`,
  // What was written before there was a sender is not sent days late.
  `update outbox_messages set routed_at = created_at`,
  `create index outbox_messages_unrouted on outbox_messages (created_at) where routed_at is null`,
  `alter table domain_events add column messaged_at timestamptz`,
  `update domain_events set messaged_at = occurred_at`,
  `create index domain_events_unmessaged on domain_events (occurred_at) where messaged_at is null`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
