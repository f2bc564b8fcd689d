import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate } from '../../lib/schema';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { idParams, text } from '../../lib/schemas';
import {
  answerProductionRequest,
  listProductionRequests,
  reportProgress,
  type PrepProduced,
} from './production.service';
import { PRODUCTION_STATUSES } from './production.machine';

const answerBody = z
  .object({
    decision: z.enum(['answer', 'decline']),
    completionDate: isoDate.optional(),
    reason: text(500).optional(),
  })
  .strict()
  .refine((b) => (b.decision === 'answer' ? !!b.completionDate : !!b.reason), {
    message: 'answer needs completionDate; decline needs reason',
    path: ['completionDate'],
  });

export function productionRoutes(app: FastifyInstance, ctx: AppContext, onPrepProduced?: PrepProduced) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['production'];
  r.get(
    '/api/production-requests',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Production feasibility requests',
        querystring: z.object({
          status: z.enum(PRODUCTION_STATUSES).optional(),
          order: z.uuid().optional(),
        }),
      },
    },
    async (req) => listProductionRequests(ctx.db, actorOf(req), envOf(ctx), req.query),
  );
  r.post(
    '/api/production-requests/:id/answer',
    {
      config: { roles: ['production_planner'] },
      schema: {
        tags,
        summary: 'Answer with a completion date, or decline with a reason',
        params: idParams,
        body: answerBody,
      },
    },
    async (req) =>
      ctx.db
        .transaction()
        .execute((trx) => answerProductionRequest(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
  r.post(
    '/api/production-requests/:id/progress',
    {
      config: { roles: ['production_planner'] },
      schema: {
        tags,
        summary: 'Report progress: start (in production) or finish (in stock)',
        params: idParams,
        body: z.object({ event: z.enum(['start', 'finish']), note: text(300).optional() }).strict(),
      },
    },
    async (req) =>
      ctx.db
        .transaction()
        .execute((trx) => reportProgress(trx, actorOf(req), envOf(ctx), req.params.id, req.body, onPrepProduced)),
  );
}
