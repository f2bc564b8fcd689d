import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { booleanQuery } from '../../lib/schemas';
import { listNotifications, markRead, unreadCount } from './notification.service';

export function notificationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  r.get(
    '/api/notifications',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'My notifications, newest first, and how many are unread (counted up to 100)',
        querystring: z.object({
          unread: booleanQuery.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (req) => listNotifications(ctx.db, actorOf(req), req.query),
  );
  r.get(
    '/api/notifications/unread-count',
    {
      config: { roles: 'any' },
      schema: { tags, summary: 'How many are unread, counted up to 100 (the badge shows 99+)' },
    },
    async (req) => ({ unread: await unreadCount(ctx.db, actorOf(req)) }),
  );
  r.post(
    '/api/notifications/read',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Mark notifications read (ids, or all)',
        body: z
          .object({
            ids: z
              .array(z.string().regex(/^\d{1,18}$/))
              .max(500)
              .optional(),
            all: z.boolean().optional(),
          })
          .strict(),
      },
    },
    async (req) => markRead(ctx.db, actorOf(req), envOf(ctx), req.body.all ? 'all' : (req.body.ids ?? [])),
  );
}
