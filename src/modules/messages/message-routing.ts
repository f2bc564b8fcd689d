import type { Db } from '../../db/database';
import type { Contact } from '../customers/customer.table';
import { getSettings } from '../settings/settings.service';
import { EVENT_KINDS, isMessageKind, type MessageKind } from './message-kinds';
import type { MessageChannel, MessageLanguage } from './message.table';
import * as repo from './message.repository';

// 消息路由: what other modules wrote to the outbox, and the events customers hear of, become one message per contact
// and channel (the contact's own choice, else the kind's default in the settings, else the product's default).

type Request = { companyId: string; customerId: string; kind: string; params: Record<string, string>; source: string };
type Recipient = { channel: MessageChannel; recipient: string; contactName: string; language: MessageLanguage };

/** Routes new outbox rows and events; each is routed once, even with several instances (SKIP LOCKED). */
export async function routeMessages(db: Db, now: Date, limit = 200) {
  return db.transaction().execute(async (trx) => {
    let routed = 0;
    for (const o of await repo.claimOutbox(trx, limit)) {
      const params = { ...o.params };
      await makeMessages(
        trx,
        now,
        { companyId: o.company_id, customerId: o.customer_id, kind: o.kind, params, source: `outbox:${o.id}` },
        [o.channel as MessageChannel],
      );
      await repo.markOutboxRouted(trx, o.company_id, o.id, now);
      routed++;
    }
    const events = await repo.claimEvents(trx, limit);
    for (const e of events) {
      const kind = EVENT_KINDS[e.type];
      const facts = kind ? await factsOf(trx, e.company_id, kind, e.entity_id, e.data) : undefined;
      if (!facts) continue;
      await makeMessages(trx, now, { companyId: e.company_id, kind: kind!, source: `event:${e.id}`, ...facts }, []);
      routed++;
    }
    await repo.markEventsMessaged(trx, events, now);
    return routed;
  });
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** The customer and the parameters of an event's message, from the event and the entity it names. */
async function factsOf(
  db: Db,
  companyId: string,
  kind: MessageKind,
  entityId: string,
  data: Record<string, unknown>,
): Promise<{ customerId: string; params: Record<string, string> } | undefined> {
  switch (kind) {
    case 'order_to_sign':
    case 'order_confirmed':
    case 'change_awaiting_confirmation': {
      const o = await repo.findOrderFacts(db, companyId, entityId);
      if (!o) return undefined;
      const params = { number: o.number, total: o.total, expected: str(o.expected_delivery_date) };
      if (kind === 'change_awaiting_confirmation')
        Object.assign(params, { change: str(data.changeNumber), version: str(data.toVersion) });
      return { customerId: o.customer_id, params };
    }
    case 'delivered': {
      const s = await repo.findShipmentFacts(db, companyId, entityId);
      if (!s) return undefined;
      return { customerId: s.customer_id, params: { number: s.number, carrier: s.carrier, trackingNo: s.tracking_no } };
    }
    case 'overdue':
      if (typeof data.customerId !== 'string') return undefined;
      return {
        customerId: data.customerId,
        params: {
          order: str(data.orderNumber),
          amount: str(data.outstanding),
          due: str(data.dueDate),
          days: str(data.daysOverdue),
        },
      };
    case 'return_approved':
    case 'refund_made': {
      const r = await repo.findReturnFacts(db, companyId, entityId);
      if (!r) return undefined;
      return { customerId: r.customer_id, params: { number: r.number, amount: str(r.refund_paid ?? r.refund_amount) } };
    }
    default:
      return undefined;
  }
}

async function makeMessages(db: Db, now: Date, r: Request, writerChannels: MessageChannel[]) {
  const customer = await repo.findCustomerContacts(db, r.companyId, r.customerId);
  if (!customer) return;
  const settings = (await getSettings(db, r.companyId)).messages.defaultChannels;
  // A kind the product does not know yet goes where its writer said.
  const defaults = isMessageKind(r.kind) ? settings[r.kind] : writerChannels;
  const params = { customer: customer.name, ...r.params };
  await repo.insertMessages(
    db,
    recipientsOf(customer.contacts, defaults).map((to) => ({
      company_id: r.companyId,
      customer_id: r.customerId,
      kind: r.kind,
      channel: to.channel,
      recipient: to.recipient,
      contact_name: to.contactName,
      language: to.language,
      params: JSON.stringify(params),
      source: r.source,
      next_attempt_at: now,
      created_at: now,
    })),
  );
}

/**
 * Each contact over the channels it chose (or the defaults) where it has the address; a group robot once for all.
 * With nobody to reach, one message without a recipient: the sender gives it up and the admin is told.
 */
export function recipientsOf(contacts: Contact[], defaults: MessageChannel[]): Recipient[] {
  const out = new Map<string, Recipient>();
  for (const c of contacts) {
    const language = c.language ?? 'zh';
    for (const channel of c.channels?.length ? c.channels : defaults) {
      const recipient = channel === 'email' ? c.email : channel === 'sms' ? c.phone : '';
      if (recipient === undefined || recipient.includes('*')) continue;
      const to = { channel, recipient, contactName: recipient ? c.name : '', language };
      out.set(`${channel}/${recipient}`, to);
    }
  }
  if (!out.size) return [{ channel: defaults[0] ?? 'sms', recipient: '', contactName: '', language: 'zh' }];
  return [...out.values()];
}
