import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import type { PageQuery } from '../../lib/schemas';
import { applyEvent, availableEvents } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import * as repo from './webhook.repository';
import { deliveryMachine } from './webhook-delivery.machine';
import { WEBHOOK_EVENTS } from './webhook-events';

export type SubscribeInput = { url: string; events: string[]; description?: string; secret?: string };

/** A subscription; its secret is shown once, now, and never again. */
export async function subscribe(db: Db, actor: Actor, env: Env, input: SubscribeInput) {
  const secret = input.secret ?? `whsec_${randomBytes(24).toString('hex')}`;
  const row = await repo.insertSubscription(db, {
    company_id: actor.companyId,
    url: input.url,
    events: [...new Set(input.events)],
    secret,
    description: input.description ?? '',
    created_by: actor.userId,
    created_at: env.now,
  });
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    secret,
    createdAt: row.created_at,
  };
}

export async function listWebhooks(db: Db, actor: Actor) {
  const items = await repo.listSubscriptions(db, actor.companyId);
  return {
    items: items.map((s) => ({
      id: s.id,
      url: s.url,
      events: s.events,
      description: s.description,
      createdAt: s.created_at,
    })),
    eventTypes: WEBHOOK_EVENTS,
  };
}

/** Stops sending to it; what was delivered stays listed. */
export async function unsubscribe(db: Db, actor: Actor, id: string) {
  if (!(await repo.deactivateSubscription(db, actor.companyId, id))) throw new AppError('WEBHOOK.NOT_FOUND');
  return { id, active: false };
}

export async function listDeliveries(db: Db, actor: Actor, id: string, q: PageQuery) {
  if (!(await repo.findSubscription(db, actor.companyId, id))) throw new AppError('WEBHOOK.NOT_FOUND');
  const page = await repo.deliveriesPage(db, actor.companyId, id, q);
  return {
    ...page,
    items: page.items.map((d) => ({
      id: d.id,
      eventId: d.event_id,
      type: d.type,
      entityType: d.entity_type,
      entityId: d.entity_id,
      status: d.status,
      attempts: d.attempts,
      lastStatusCode: d.last_status_code,
      lastError: d.last_error,
      deliveredAt: d.delivered_at,
      nextAttemptAt: d.status === 'pending' ? d.next_attempt_at : null,
      occurredAt: d.occurred_at,
      actions: availableEvents(deliveryMachine, d.status, actor),
    })),
  };
}

/** A dead delivery sent again from now, with a fresh count of tries. */
export async function redeliver(db: Db, actor: Actor, env: Env, id: string) {
  const d = await repo.findDelivery(db, actor.companyId, id);
  if (!d) throw new AppError('WEBHOOK.DELIVERY_NOT_FOUND');
  const status = await applyEvent(db, deliveryMachine, {
    entityId: id,
    current: d.status,
    event: 'redeliver',
    actor,
    context: {},
    patch: { attempts: 0, next_attempt_at: env.now },
    at: env.now,
  });
  return { id, status };
}
