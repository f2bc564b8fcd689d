import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, requiredText, text } from '../../lib/schemas';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { SAMPLE_LOAN_STATES } from './sample-loan.machine';
import { listSampleLoans, returnSample, writeOffSample } from './samples';

export function sampleRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['samples'];
  const tx = <T>(fn: (trx: typeof ctx.db) => Promise<T>) => ctx.db.transaction().execute(fn);
  r.get(
    '/api/samples',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Free samples out with customers, returned or written off (样机跟踪)',
        querystring: z.object({ status: z.enum(SAMPLE_LOAN_STATES).optional(), customer: z.uuid().optional() }),
      },
    },
    async (req) => listSampleLoans(ctx.db, actorOf(req), req.query),
  );
  r.post(
    '/api/samples/:id/return',
    {
      config: { roles: ['warehouse'] },
      schema: {
        tags,
        summary: 'The sample came back: stock returned to its warehouse',
        params: idParams,
        body: z
          .object({ note: text(300).optional() })
          .strict()
          .nullish(),
      },
    },
    async (req) => tx((trx) => returnSample(trx, actorOf(req), envOf(ctx), req.params.id, req.body ?? {})),
  );
  r.post(
    '/api/samples/:id/write-off',
    {
      config: { roles: ['finance', 'general_manager'] },
      schema: {
        tags,
        summary: 'Write the sample off (it stays with the customer), with the reason',
        params: idParams,
        body: z.object({ reason: requiredText(500) }).strict(),
      },
    },
    async (req) => tx((trx) => writeOffSample(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
}
