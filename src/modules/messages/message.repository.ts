import type { Insertable } from 'kysely';
import type { Db } from '../../db/database';
import { fetchPage, likePattern } from '../../lib/paging';
import type { PageQuery } from '../../lib/schemas';
import type { MessageChannel, MessagesTable, MessageStatus } from './message.table';

// Queries of messages to customers, and of what they are made from (the outbox, the event log). Plain functions.

/** Outbox rows not routed yet, oldest first, locked so two routers never take the same one. */
export function claimOutbox(db: Db, limit: number) {
  return db
    .selectFrom('outbox_messages')
    .select(['company_id', 'id', 'customer_id', 'channel', 'kind', 'params'])
    .where('routed_at', 'is', null)
    .orderBy('created_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function markOutboxRouted(db: Db, companyId: string, id: string, now: Date) {
  await db
    .updateTable('outbox_messages')
    .set({ routed_at: now })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute();
}

/** Events the message router has not looked at yet, oldest first, locked like the outbox. */
export function claimEvents(db: Db, limit: number) {
  return db
    .selectFrom('domain_events')
    .select(['company_id', 'id', 'type', 'entity_id', 'data'])
    .where('messaged_at', 'is', null)
    .orderBy('occurred_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function markEventsMessaged(db: Db, events: { company_id: string; id: string }[], now: Date) {
  for (const e of events)
    await db
      .updateTable('domain_events')
      .set({ messaged_at: now })
      .where('company_id', '=', e.company_id)
      .where('id', '=', e.id)
      .execute();
}

export function findCustomerContacts(db: Db, companyId: string, customerId: string) {
  return db
    .selectFrom('customers')
    .select(['name', 'contacts'])
    .where('company_id', '=', companyId)
    .where('id', '=', customerId)
    .executeTakeFirst();
}

/** What a message about an order says: its number, customer, total and expected date. */
export function findOrderFacts(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('orders')
    .select(['customer_id', 'number', 'total', 'expected_delivery_date'])
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findShipmentFacts(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('shipments')
    .select(['customer_id', 'number', 'carrier', 'tracking_no'])
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findReturnFacts(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('return_requests as r')
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'r.company_id').onRef('o.id', '=', 'r.order_id'))
    .select(['o.customer_id', 'r.number', 'r.refund_amount', 'r.refund_paid'])
    .where('r.company_id', '=', companyId)
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** New messages; one already made from the same source for the same channel and recipient is not made twice. */
export async function insertMessages(db: Db, rows: Insertable<MessagesTable>[]) {
  if (!rows.length) return;
  await db
    .insertInto('messages')
    .values(rows)
    .onConflict((oc) => oc.columns(['company_id', 'source', 'channel', 'recipient']).doNothing())
    .execute();
}

/**
 * Takes up to `limit` due messages and pushes their next try `leaseMs` ahead, in one statement with SKIP LOCKED:
 * two senders never take the same message, and one that dies mid-send is retried when its lease runs out.
 */
export function claimDueMessages(db: Db, now: Date, limit: number, leaseMs: number) {
  return (
    db
      .updateTable('messages')
      .set({ next_attempt_at: new Date(now.getTime() + leaseMs) })
      // Message ids are random uuids, unique across companies.
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('messages as m')
          .select('m.id')
          .where('m.status', 'in', ['queued', 'failed'])
          .where('m.next_attempt_at', '<=', now)
          .orderBy('m.next_attempt_at')
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .returning([
        'company_id',
        'id',
        'customer_id',
        'kind',
        'channel',
        'recipient',
        'language',
        'params',
        'status',
        'attempts',
      ])
      .execute()
  );
}

export type MessageFilter = { status?: MessageStatus; channel?: MessageChannel; kind?: string; customerId?: string };

const messageColumns = [
  'm.id',
  'm.customer_id',
  'c.name as customer_name',
  'm.kind',
  'm.channel',
  'm.recipient',
  'm.contact_name',
  'm.language',
  'm.params',
  'm.status',
  'm.attempts',
  'm.next_attempt_at',
  'm.last_error',
  'm.sent_at',
  'm.created_at',
] as const;

function messagesQuery(db: Db, companyId: string) {
  return db
    .selectFrom('messages as m')
    .leftJoin('customers as c', (j) => j.onRef('c.company_id', '=', 'm.company_id').onRef('c.id', '=', 'm.customer_id'))
    .select(messageColumns)
    .where('m.company_id', '=', companyId);
}

export function messagesPage(db: Db, companyId: string, f: MessageFilter, q: PageQuery) {
  let query = messagesQuery(db, companyId);
  if (f.status) query = query.where('m.status', '=', f.status);
  if (f.channel) query = query.where('m.channel', '=', f.channel);
  if (f.kind) query = query.where('m.kind', '=', f.kind);
  if (f.customerId) query = query.where('m.customer_id', '=', f.customerId);
  if (q.q) {
    const like = likePattern(q.q);
    query = query.where((eb) => eb.or([eb('c.name', 'ilike', like), eb('m.recipient', 'ilike', like)]));
  }
  return fetchPage(
    query,
    { ...q, order: q.order ?? (q.sort ? undefined : 'desc') },
    { created: 'm.created_at', status: 'm.status', kind: 'm.kind', channel: 'm.channel' },
    'created',
  );
}

export function findMessage(db: Db, companyId: string, id: string) {
  return messagesQuery(db, companyId).where('m.id', '=', id).executeTakeFirst();
}
