import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { idParams, moneyString, requiredText, text } from '../../lib/schemas';
import { PAYMENT_METHODS } from '../customers/customer.schemas';
import { CREDIT_CONTROLLERS } from './credit-change.machine';
import {
  approveCreditChange,
  listCreditChangeRequests,
  listCustomerCreditChanges,
  rejectCreditChange,
  requestCreditChange,
} from './credit-changes';

const REQUESTERS = ['sales_assistant', 'sales_director', 'finance', ...CREDIT_CONTROLLERS];

const requestBody = z
  .object({
    creditLimit: moneyString.optional(),
    paymentMethod: z.enum(PAYMENT_METHODS).optional(),
    paymentDays: z.number().int().min(0).max(365).optional(),
    reason: requiredText(500),
  })
  .strict()
  .refine((b) => b.creditLimit !== undefined || b.paymentMethod !== undefined || b.paymentDays !== undefined, {
    message: 'name at least one of creditLimit, paymentMethod, paymentDays',
    path: ['creditLimit'],
  });

export function creditChangeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['customers'];
  const tx = <T>(fn: (trx: typeof ctx.db) => Promise<T>) => ctx.db.transaction().execute(fn);

  r.get(
    '/api/customers/:id/credit-changes',
    {
      config: { roles: 'any' },
      schema: { tags, summary: 'Credit terms history: old and new value, who, when, why', params: idParams },
    },
    async (req) => listCustomerCreditChanges(ctx.db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/customers/:id/credit-change-requests',
    {
      config: { roles: REQUESTERS },
      schema: {
        tags,
        summary: 'Request new credit terms (a credit controller decides)',
        params: idParams,
        body: requestBody,
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await tx((trx) => requestCreditChange(trx, actorOf(req), envOf(ctx), req.params.id, req.body))),
  );
  r.get(
    '/api/credit-change-requests',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Credit change requests (status=pending: waiting for a credit controller)',
        querystring: z.object({
          status: z.enum(['pending', 'requested', 'approved', 'rejected']).optional(),
          customer: z.uuid().optional(),
        }),
      },
    },
    async (req) => listCreditChangeRequests(ctx.db, actorOf(req), req.query),
  );
  r.post(
    '/api/credit-change-requests/:id/approve',
    {
      config: { roles: CREDIT_CONTROLLERS },
      schema: {
        tags,
        summary: 'Approve: the new terms take effect',
        params: idParams,
        body: z.object({ note: text(500).optional() }).strict(),
      },
    },
    async (req) => tx((trx) => approveCreditChange(trx, actorOf(req), envOf(ctx), req.params.id, req.body.note)),
  );
  r.post(
    '/api/credit-change-requests/:id/reject',
    {
      config: { roles: CREDIT_CONTROLLERS },
      schema: {
        tags,
        summary: 'Reject with a reason',
        params: idParams,
        body: z.object({ note: requiredText(500) }).strict(),
      },
    },
    async (req) => tx((trx) => rejectCreditChange(trx, actorOf(req), envOf(ctx), req.params.id, req.body.note)),
  );
}
