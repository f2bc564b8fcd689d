import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { claimBatch, releaseBatch, reviewQueue } from './review-queue';

const REVIEWERS = ['reviewer', 'finance', 'production_planner', 'sales_director', 'general_manager'];

export function reviewRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['review'];
  r.get(
    '/api/review-queue',
    { config: { roles: REVIEWERS }, schema: { tags, summary: 'Orders waiting for my review stages' } },
    async (req) => reviewQueue(ctx.db, actorOf(req), envOf(ctx)),
  );
  r.post(
    '/api/review-queue/claim',
    {
      config: { roles: REVIEWERS },
      schema: {
        tags,
        summary: 'Claim a batch of orders to review',
        body: z.object({ limit: z.number().int().min(1).max(1000).optional() }).strict(),
      },
    },
    async (req) => ctx.db.transaction().execute((trx) => claimBatch(trx, actorOf(req), envOf(ctx), req.body.limit)),
  );
  r.post(
    '/api/review-queue/release',
    {
      config: { roles: REVIEWERS },
      schema: {
        tags,
        summary: 'Release claimed orders (all, or the listed ones)',
        body: z.object({ orderIds: z.array(z.uuid()).max(1000).optional() }).strict(),
      },
    },
    async (req) => releaseBatch(ctx.db, actorOf(req), req.body.orderIds),
  );
}
