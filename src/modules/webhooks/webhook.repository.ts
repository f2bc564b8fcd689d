import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database';
import { fetchPage } from '../../lib/paging';
import type { PageQuery } from '../../lib/schemas';
import type { WebhookAttemptsTable, WebhookSubscriptionsTable } from './webhook.table';

// Queries of webhook subscriptions, the event log's fan-out and deliveries. Plain functions, db first.

export async function insertSubscription(db: Db, row: Insertable<WebhookSubscriptionsTable>) {
  return db.insertInto('webhook_subscriptions').values(row).returningAll().executeTakeFirstOrThrow();
}

export function listSubscriptions(db: Db, companyId: string) {
  return db
    .selectFrom('webhook_subscriptions')
    .select(['id', 'url', 'events', 'description', 'active', 'created_at'])
    .where('company_id', '=', companyId)
    .where('active', '=', true)
    .orderBy('created_at')
    .execute();
}

export function findSubscription(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('webhook_subscriptions')
    .select(['id', 'url', 'events', 'description', 'active', 'created_at'])
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function deactivateSubscription(db: Db, companyId: string, id: string) {
  const r = await db
    .updateTable('webhook_subscriptions')
    .set({ active: false })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Events not fanned out yet, oldest first, locked so two dispatchers never take the same one. */
export function claimEvents(db: Db, limit: number) {
  return db
    .selectFrom('domain_events')
    .select(['company_id', 'id', 'type'])
    .where('dispatched_at', 'is', null)
    .orderBy('occurred_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** One delivery per active subscription that chose the event's type (or `*`); a second fan-out adds nothing. */
export async function fanOut(db: Db, e: { company_id: string; id: string; type: string }, now: Date) {
  await db
    .insertInto('webhook_deliveries')
    .columns(['company_id', 'subscription_id', 'event_id', 'next_attempt_at', 'created_at'])
    .expression(
      db
        .selectFrom('webhook_subscriptions')
        .select([
          'company_id',
          'id',
          sql<string>`${e.id}::uuid`.as('event_id'),
          sql<Date>`${now}::timestamptz`.as('next_attempt_at'),
          sql<Date>`${now}::timestamptz`.as('created_at'),
        ])
        .where('company_id', '=', e.company_id)
        .where('active', '=', true)
        .where(sql<boolean>`(${e.type} = any(events) or '*' = any(events))`),
    )
    .onConflict((oc) => oc.columns(['company_id', 'subscription_id', 'event_id']).doNothing())
    .execute();
  await db
    .updateTable('domain_events')
    .set({ dispatched_at: now })
    .where('company_id', '=', e.company_id)
    .where('id', '=', e.id)
    .execute();
}

/**
 * Takes up to `limit` due deliveries and pushes their next try `leaseMs` ahead, in one statement with SKIP LOCKED:
 * two senders never take the same delivery, and one that dies mid-send is retried when its lease runs out.
 */
export async function claimDueDeliveries(db: Db, now: Date, limit: number, leaseMs: number) {
  const claimed = await db
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: new Date(now.getTime() + leaseMs) })
    // Delivery ids are random uuids, unique across companies.
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('webhook_deliveries as d')
        .select('d.id')
        .where('d.status', '=', 'pending')
        .where('d.next_attempt_at', '<=', now)
        .orderBy('d.next_attempt_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['company_id', 'id', 'attempts', 'subscription_id', 'event_id'])
    .execute();
  if (!claimed.length) return [];
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_subscriptions as s', (j) =>
      j.onRef('s.company_id', '=', 'd.company_id').onRef('s.id', '=', 'd.subscription_id'),
    )
    .innerJoin('domain_events as e', (j) =>
      j.onRef('e.company_id', '=', 'd.company_id').onRef('e.id', '=', 'd.event_id'),
    )
    .select([
      'd.company_id',
      'd.id',
      'd.attempts',
      's.url',
      's.secret',
      's.created_by',
      'e.id as event_id',
      'e.type',
      'e.entity_type',
      'e.entity_id',
      'e.data',
      'e.occurred_at',
    ])
    .where(
      'd.id',
      'in',
      claimed.map((c) => c.id),
    )
    .execute();
}

/** Numbered after the delivery's last logged try (a redelivered one counts its tries afresh but keeps the log). */
export async function insertAttempt(db: Db, row: Omit<Insertable<WebhookAttemptsTable>, 'attempt'>) {
  const last = await db
    .selectFrom('webhook_attempts')
    .select((eb) => eb.fn.max('attempt').as('n'))
    .where('company_id', '=', row.company_id)
    .where('delivery_id', '=', row.delivery_id)
    .executeTakeFirst();
  await db
    .insertInto('webhook_attempts')
    .values({ ...row, attempt: (last?.n ?? 0) + 1 })
    .execute();
}

/** A failed try: counted, with the answer and when to try next. */
export async function recordFailure(
  db: Db,
  companyId: string,
  id: string,
  f: { attempts: number; statusCode: number | null; error: string; next: Date },
) {
  await db
    .updateTable('webhook_deliveries')
    .set({ attempts: f.attempts, last_status_code: f.statusCode, last_error: f.error, next_attempt_at: f.next })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute();
}

export function findDelivery(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function deliveriesPage(db: Db, companyId: string, subscriptionId: string, q: PageQuery) {
  const query = db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('domain_events as e', (j) =>
      j.onRef('e.company_id', '=', 'd.company_id').onRef('e.id', '=', 'd.event_id'),
    )
    .select([
      'd.id',
      'd.status',
      'd.attempts',
      'd.last_status_code',
      'd.last_error',
      'd.delivered_at',
      'd.next_attempt_at',
      'd.created_at',
      'e.id as event_id',
      'e.type',
      'e.entity_type',
      'e.entity_id',
      'e.occurred_at',
    ])
    .where('d.company_id', '=', companyId)
    .where('d.subscription_id', '=', subscriptionId);
  return fetchPage(query, q, { created: 'd.created_at', status: 'd.status' }, 'created');
}
