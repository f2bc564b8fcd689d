import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, moneyString, requiredText, text } from '../../lib/schemas';
import { customerRangeFilter, listRoutes } from '../../http/list-routes';
import { exportComplaints, searchComplaints } from './complaint-list';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { listCallbacks, recordCallback } from './callbacks';
import {
  closeComplaint,
  getComplaint,
  listComplaints,
  registerComplaint,
  resolveComplaint,
  type ComplaintOrders,
} from './complaints';

const SERVICE = ['customer_service'];
/** The complaint list's filters (status, customer, registered from/to), the same for the page and the export. */
const listFilter = {
  status: z.enum(['open', 'resolved', 'closed']).optional(),
  ...customerRangeFilter,
};
const complaintType = z.enum(['short', 'damage', 'wrong_item', 'quality', 'late']);
/** 满意度: 1 very unhappy … 5 very happy, or its name. */
const SATISFACTION = ['very_unhappy', 'unhappy', 'neutral', 'happy', 'very_happy'] as const;
const satisfaction = z.union([
  z.number().int().min(1).max(5),
  z.enum(SATISFACTION).transform((s) => SATISFACTION.indexOf(s) + 1),
]);

export function feedbackRoutes(app: FastifyInstance, ctx: AppContext, orders: ComplaintOrders) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['feedback'];
  const tx = <T>(fn: (trx: typeof ctx.db) => Promise<T>) => ctx.db.transaction().execute(fn);

  r.get(
    '/api/callbacks',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Call-back tasks (due within 24 h of delivery)',
        querystring: z.object({ status: z.enum(['open', 'done']).optional() }),
      },
    },
    async (req) => listCallbacks(ctx.db, actorOf(req), envOf(ctx), req.query.status),
  );
  r.post(
    '/api/callbacks/:id',
    {
      config: { roles: SERVICE },
      schema: {
        tags,
        summary: 'Record the call-back: confirmed, or a problem that opens a complaint',
        params: idParams,
        body: z
          .object({
            outcome: z.enum(['ok', 'problem']),
            notes: text(1000).optional(),
            complaint: z
              .object({ type: complaintType, description: requiredText(1000) })
              .strict()
              .optional(),
          })
          .strict()
          .refine((b) => b.outcome === 'ok' || !!b.complaint, {
            message: 'a problem needs its complaint',
            path: ['complaint'],
          }),
      },
    },
    async (req) => tx((trx) => recordCallback(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
  r.get(
    '/api/complaints',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Complaints, soonest due first (status, order)',
        querystring: z.object({
          status: z.enum(['open', 'resolved', 'closed']).optional(),
          order: z.uuid().optional(),
        }),
      },
    },
    async (req) =>
      listComplaints(ctx.db, actorOf(req), envOf(ctx), { status: req.query.status, orderId: req.query.order }),
  );
  listRoutes(app, ctx, {
    base: '/api/complaints',
    tags,
    noun: 'complaint',
    filters: 'status, customer, registered from/to',
    filter: listFilter,
    search: searchComplaints,
    export: exportComplaints,
  });
  r.post(
    '/api/complaints',
    {
      config: { roles: SERVICE },
      schema: {
        tags,
        summary: 'Register a complaint on a shipped or delivered order (登记投诉), at any time',
        body: z.object({ orderId: z.uuid(), type: complaintType, description: requiredText(1000) }).strict(),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await tx((trx) => registerComplaint(trx, actorOf(req), envOf(ctx), req.body))),
  );
  r.get(
    '/api/complaints/:id',
    { config: { roles: 'any' }, schema: { tags, summary: 'One complaint', params: idParams } },
    async (req) => getComplaint(ctx.db, actorOf(req), envOf(ctx), req.params.id),
  );
  r.post(
    '/api/complaints/:id/resolve',
    {
      config: { roles: SERVICE },
      schema: {
        tags,
        summary:
          'Resolve by reship (replacement order), return (return request) or allowance (credit against the receivable)',
        params: idParams,
        body: z
          .object({
            resolution: z.enum(['reship', 'return', 'allowance']),
            amount: moneyString.optional(),
            reason: text(500).optional(),
          })
          .strict()
          .refine((b) => b.resolution !== 'allowance' || !!b.amount, {
            message: 'an allowance needs its amount',
            path: ['amount'],
          }),
      },
    },
    async (req) => tx((trx) => resolveComplaint(trx, actorOf(req), envOf(ctx), req.params.id, req.body, orders)),
  );
  r.post(
    '/api/complaints/:id/close',
    {
      config: { roles: SERVICE },
      schema: {
        tags,
        summary: "Close with its result and the customer's satisfaction (1–5 or very_unhappy … very_happy)",
        params: idParams,
        body: z.object({ result: requiredText(500), satisfaction }).strict(),
      },
    },
    async (req) => tx((trx) => closeComplaint(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
}
