import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate, quantity } from '../../lib/schema';
import { idParams, text } from '../../lib/schemas';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { PREP_STATES } from './prep-request.machine';
import { createPrepRequest, getPrepRequest, listPrepRequests, reviewPrepRequest } from './prep-requests';

const createBody = z
  .object({
    kind: z.enum(['stock', 'material']),
    customerId: z.uuid().optional(),
    warehouseId: z.uuid().optional(),
    forecastNote: text(1000).default(''),
    expectedDate: isoDate,
    lines: z
      .array(z.object({ productId: z.uuid(), qty: quantity }).strict())
      .min(1)
      .max(200),
  })
  .strict();

const reviewBody = z
  .object({ decision: z.enum(['approve', 'reject']), reason: text(500).optional() })
  .strict()
  .refine((b) => b.decision === 'approve' || !!b.reason, {
    message: 'a reason is required to reject',
    path: ['reason'],
  });

export function prepRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['prep'];
  const tx = <T>(fn: (trx: typeof ctx.db) => Promise<T>) => ctx.db.transaction().execute(fn);
  r.get(
    '/api/prep-requests',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Stock and material prep requests (备货 · 备料)',
        querystring: z.object({ status: z.enum(PREP_STATES).optional(), customer: z.uuid().optional() }),
      },
    },
    async (req) => listPrepRequests(ctx.db, actorOf(req), req.query),
  );
  r.get(
    '/api/prep-requests/:id',
    {
      config: { roles: 'any' },
      schema: { tags, summary: 'One prep request with its production and earmarked stock', params: idParams },
    },
    async (req) => getPrepRequest(ctx.db, actorOf(req), envOf(ctx), req.params.id),
  );
  r.post(
    '/api/prep-requests',
    {
      config: { roles: ['sales_assistant', 'sales_director'] },
      schema: { tags, summary: 'Raise a prep request without a sales order, on a forecast', body: createBody },
    },
    async (req, reply) =>
      reply.status(201).send(await tx((trx) => createPrepRequest(trx, actorOf(req), envOf(ctx), req.body))),
  );
  r.post(
    '/api/prep-requests/:id/review',
    {
      config: { roles: ['sales_director', 'general_manager'] },
      schema: {
        tags,
        summary: 'Approve or reject (director; the general manager too above the amount threshold)',
        params: idParams,
        body: reviewBody,
      },
    },
    async (req) => tx((trx) => reviewPrepRequest(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
}
