import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/database';

export type DomainEvent = {
  companyId: string;
  /** `order.confirmed`, `receipt.recorded`, …: what webhook subscribers choose. */
  type: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
  /** The request's clock; without one, the database's (the time of the transaction). */
  at?: Date;
};

/**
 * Appends to the event log in the caller's transaction, so an event exists exactly when its change was saved;
 * the webhook dispatcher fans it out to subscriptions afterwards.
 */
export async function recordDomainEvent(db: Transaction<DB> | Kysely<DB>, e: DomainEvent) {
  await db
    .insertInto('domain_events')
    .values({
      company_id: e.companyId,
      type: e.type,
      entity_type: e.entityType,
      entity_id: e.entityId,
      data: JSON.stringify(e.data),
      occurred_at: e.at ?? sql<Date>`now()`,
    })
    .execute();
}
