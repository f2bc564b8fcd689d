import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageQuery } from '../../lib/schemas';
import { MESSAGE_KINDS } from './message-kinds';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { MESSAGE_CHANNELS } from './message.table';
import { listMessages, retryMessage } from './messages';

const ADMIN = ['admin'];
const STATUSES = ['queued', 'sent', 'failed', 'dead'] as const;

const messageQuery = pageQuery.extend({
  status: z.enum(STATUSES).optional(),
  channel: z.enum(MESSAGE_CHANNELS).optional(),
  kind: z.enum(MESSAGE_KINDS).optional(),
  customer: z.uuid().optional(),
});

const viewerOf = (req: FastifyRequest) => (req.lang === 'en' ? 'en' : 'zh') as 'zh' | 'en';

// Messages to customers (e-mail, SMS, WeCom and DingTalk groups): what left, what failed, and sending one again.
export function messageRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['messages'];
  r.get(
    '/api/messages',
    {
      config: { roles: ADMIN },
      schema: { tags, summary: 'Messages to customers, newest first, with their text', querystring: messageQuery },
    },
    async (req) => {
      const { status, channel, kind, customer, ...page } = req.query;
      return listMessages(ctx.db, actorOf(req), viewerOf(req), { status, channel, kind, customerId: customer }, page);
    },
  );
  r.post(
    '/api/messages/:id/retry',
    {
      config: { roles: ADMIN },
      schema: { tags, summary: 'Send a failed or given-up message again', params: idParams },
    },
    async (req) => retryMessage(ctx.db, actorOf(req), envOf(ctx), viewerOf(req), req.params.id),
  );
}
