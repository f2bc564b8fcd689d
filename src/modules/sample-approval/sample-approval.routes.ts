import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { isoDate, quantity, requiredText, text } from '../../lib/schema';
import { idParams } from '../../lib/schemas';
import { SAMPLE_APPROVAL_ROLES } from './sample-approval.machine';
import {
  addSampleRound,
  getSampleApproval,
  recordMySampleFeedback,
  recordSampleFeedback,
  requireSampleApproval,
} from './sample-approval.service';

export const sampleFeedbackBody = z
  .object({ feedback: requiredText(1000), decision: z.enum(['approved', 'rejected', 'revise']) })
  .strict();

export function sampleApprovalRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['sample-approval'];
  const roles = [...SAMPLE_APPROVAL_ROLES];
  const tx = <T>(fn: (trx: typeof ctx.db) => Promise<T>) => ctx.db.transaction().execute(fn);
  r.get(
    '/api/orders/:id/sample-approval',
    {
      config: { roles: 'any' },
      schema: { tags, summary: "The order's sample approval (样品确认) with its rounds, or null", params: idParams },
    },
    async (req) => getSampleApproval(ctx.db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/orders/:id/sample-approval',
    {
      config: { roles },
      schema: {
        tags,
        summary: 'Require sample approval before bulk production of this order',
        params: idParams,
        body: z
          .object({ quotationId: z.uuid().optional(), note: text(500).optional() })
          .strict()
          .nullish(),
      },
    },
    async (req) => tx((trx) => requireSampleApproval(trx, actorOf(req), envOf(ctx), req.params.id, req.body ?? {})),
  );
  r.post(
    '/api/sample-approvals/:id/rounds',
    {
      config: { roles },
      schema: {
        tags,
        summary: 'A sample round went out: what was sent, how many, tracking',
        params: idParams,
        body: z
          .object({ sentAt: isoDate, description: requiredText(500), quantity, tracking: text(100).optional() })
          .strict(),
      },
    },
    async (req, reply) => {
      const out = await tx((trx) => addSampleRound(trx, actorOf(req), envOf(ctx), req.params.id, req.body));
      return reply.code(201).send(out);
    },
  );
  r.post(
    '/api/sample-rounds/:id/feedback',
    {
      config: { roles },
      schema: {
        tags,
        summary: "The customer's feedback on a round and the decision: approved, rejected or revise",
        params: idParams,
        body: sampleFeedbackBody,
      },
    },
    async (req) => tx((trx) => recordSampleFeedback(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
  r.post(
    '/api/portal/sample-rounds/:id/feedback',
    {
      config: { roles: ['customer'] },
      schema: {
        tags: ['portal'],
        summary: 'My feedback on a sample round of my order, and my decision',
        params: idParams,
        body: sampleFeedbackBody,
      },
    },
    async (req) => tx((trx) => recordMySampleFeedback(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
}
