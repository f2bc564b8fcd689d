import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageQuery, text } from '../../lib/schemas';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { WEBHOOK_EVENTS } from './webhook-events';
import { listDeliveries, listWebhooks, redeliver, subscribe, unsubscribe } from './webhooks';

const ADMIN = ['admin'];

const subscribeBody = z
  .object({
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .describe('Where each event is POSTed as JSON, signed in the Luyue-Signature header'),
    events: z
      .array(z.enum([...WEBHOOK_EVENTS, '*']))
      .min(1)
      .max(WEBHOOK_EVENTS.length + 1),
    description: text(200).optional(),
    /** Given when the receiver already has one; otherwise a new one is made and shown once. */
    secret: z.string().min(16).max(200).optional(),
  })
  .strict();

// Webhooks for other systems: integrators subscribe a URL to events; deliveries are signed and retried.
export function webhookRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['webhooks'];
  r.get(
    '/api/webhooks',
    { config: { roles: ADMIN }, schema: { tags, summary: 'Subscriptions, and the event types one may choose' } },
    async (req) => listWebhooks(ctx.db, actorOf(req)),
  );
  r.post(
    '/api/webhooks',
    {
      config: { roles: ADMIN },
      schema: { tags, summary: 'Subscribe a URL to events (the secret is in this answer only)', body: subscribeBody },
    },
    async (req, reply) => reply.code(201).send(await subscribe(ctx.db, actorOf(req), envOf(ctx), req.body)),
  );
  r.delete(
    '/api/webhooks/:id',
    { config: { roles: ADMIN }, schema: { tags, summary: 'Stop sending to a subscription', params: idParams } },
    async (req) => unsubscribe(ctx.db, actorOf(req), req.params.id),
  );
  r.get(
    '/api/webhooks/:id/deliveries',
    {
      config: { roles: ADMIN },
      schema: {
        tags,
        summary: "A subscription's deliveries with their answer codes",
        params: idParams,
        querystring: pageQuery,
      },
    },
    async (req) => listDeliveries(ctx.db, actorOf(req), req.params.id, req.query),
  );
  r.post(
    '/api/webhook-deliveries/:id/redeliver',
    {
      config: { roles: ADMIN },
      schema: { tags, summary: 'Send a delivery that was given up once more', params: idParams },
    },
    async (req) => redeliver(ctx.db, actorOf(req), envOf(ctx), req.params.id),
  );
}
