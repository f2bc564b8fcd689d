// Webhooks for other systems: subscriptions and their deliveries.
import { call, urlOf, type BodyOf } from './client';

export type WebhookSubscription = { id: string; url: string; events: string[]; description: string; createdAt: string };
export type WebhookDelivery = {
  id: string;
  eventId: string;
  type: string;
  entityType: string;
  entityId: string;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
  occurredAt: string;
  actions: string[];
};
export type SubscribeBody = BodyOf<'POST /api/webhooks'>;

export const webhooksApi = {
  list: (): Promise<{ items: WebhookSubscription[]; eventTypes: string[] }> => call('GET /api/webhooks'),
  /** The answer carries the signing secret, shown this once. */
  subscribe: (body: SubscribeBody): Promise<WebhookSubscription & { secret: string }> =>
    call('POST /api/webhooks', { body }),
  unsubscribe: (id: string): Promise<unknown> => call('DELETE /api/webhooks/{id}', { params: { id } }),
  deliveriesUrl: (id: string) => urlOf('GET /api/webhooks/{id}/deliveries', { params: { id } }),
  redeliver: (id: string): Promise<unknown> => call('POST /api/webhook-deliveries/{id}/redeliver', { params: { id } }),
};
