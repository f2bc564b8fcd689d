import type { ColumnType, Generated } from 'kysely';

/** What happened, written in the transaction that made it happen; fanned out to subscriptions afterwards. */
export interface DomainEventsTable {
  company_id: string;
  id: Generated<string>;
  type: string;
  entity_type: string;
  entity_id: string;
  data: ColumnType<Record<string, unknown>, string, string>;
  occurred_at: Date;
  dispatched_at: Date | null;
  /** When the message router took it (customers hear of some events). */
  messaged_at: Date | null;
}

export interface WebhookSubscriptionsTable {
  company_id: string;
  id: Generated<string>;
  url: string;
  events: string[];
  secret: string;
  description: Generated<string>;
  active: Generated<boolean>;
  created_by: string;
  created_at: Date;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

export interface WebhookDeliveriesTable {
  company_id: string;
  id: Generated<string>;
  subscription_id: string;
  event_id: string;
  status: Generated<DeliveryStatus>;
  attempts: Generated<number>;
  next_attempt_at: Date;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
}

export interface WebhookAttemptsTable {
  company_id: string;
  delivery_id: string;
  attempt: number;
  at: Date;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}
