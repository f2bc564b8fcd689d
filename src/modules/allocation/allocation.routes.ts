import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, langQuery } from '../../lib/schemas';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { sendXlsx } from '../../http/upload';
import { localDate } from '../../lib/local-date';
import { commitRun, getRun, listCentralReceipts, listRuns, previewRun } from './allocation-run';
import { allocationXlsx } from './allocation.xlsx';
import { listReservations, releaseReservation } from './reservations';
import { getPickList, listPickLists, postPickList } from './pick-lists';

const PLANNERS = ['allocation_planner'];
const runBody = z
  .object({
    receiptId: z.uuid().optional(),
    season: z.enum(['spring_summer', 'autumn_winter']).optional(),
    policy: z.enum(['priority', 'funds']).optional(),
  })
  .strict();

export function allocationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['allocation'];
  const today = () => localDate(envOf(ctx).now, ctx.config.workHours.timeZone);

  r.get(
    '/api/allocation/receipts',
    {
      config: { roles: 'any' },
      schema: { tags, summary: 'Goods receipts at the central warehouse, with their allocation run if any' },
    },
    async (req) => listCentralReceipts(ctx.db, actorOf(req)),
  );

  r.post(
    '/api/allocation/preview',
    {
      config: { roles: PLANNERS },
      schema: { tags, summary: 'Preview an allocation run (changes nothing)', body: runBody },
    },
    async (req) => previewRun(ctx.db, actorOf(req), { ...req.body, asOf: today() }),
  );

  r.post(
    '/api/allocation/runs',
    {
      config: { roles: PLANNERS },
      schema: { tags, summary: 'Commit an allocation run (once per receipt)', body: runBody },
    },
    async (req, reply) => {
      const run = await ctx.db
        .transaction()
        .execute((trx) => commitRun(trx, actorOf(req), { ...req.body, asOf: today() }));
      return reply.status(run.replayed ? 200 : 201).send(run);
    },
  );

  r.get(
    '/api/allocation/runs',
    { config: { roles: 'any' }, schema: { tags, summary: 'Allocation runs, newest first' } },
    async (req) => listRuns(ctx.db, actorOf(req)),
  );

  r.get(
    '/api/allocation/runs/:id',
    {
      config: { roles: 'any' },
      schema: { tags, summary: 'One run: every row with its rule and explanation', params: idParams },
    },
    async (req) => getRun(ctx.db, actorOf(req), req.params.id),
  );

  r.get(
    '/api/allocation/runs/:id/export.xlsx',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'The run as Excel in the request language (or lang): one sheet per target kind',
        params: idParams,
        querystring: langQuery,
      },
    },
    async (req, reply) => {
      const run = await getRun(ctx.db, actorOf(req), req.params.id);
      return sendXlsx(
        reply,
        `allocation-${req.params.id.slice(0, 8)}.xlsx`,
        await allocationXlsx(run.result, run.explainedRows, req.query.lang ?? req.lang),
      );
    },
  );

  r.get(
    '/api/allocation/reservations',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Reservations for unpaid franchisees, with days left',
        querystring: z.object({ status: z.enum(['held', 'converted', 'expired', 'released']).optional() }),
      },
    },
    async (req) => listReservations(ctx.db, actorOf(req), { status: req.query.status, today: today() }),
  );

  r.post(
    '/api/allocation/reservations/:id/release',
    {
      config: { roles: PLANNERS },
      schema: {
        tags,
        summary: 'Release held units before their day: stock back to available, the order line back to backordered',
        params: idParams,
      },
    },
    async (req) =>
      ctx.db.transaction().execute((trx) => releaseReservation(trx, actorOf(req), envOf(ctx), req.params.id)),
  );

  r.get(
    '/api/pick-lists',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Pick lists per target (6.4.4)',
        querystring: z.object({
          status: z.enum(['open', 'posted', 'cancelled']).optional(),
          runId: z.uuid().optional(),
        }),
      },
    },
    async (req) => listPickLists(ctx.db, actorOf(req), req.query),
  );

  r.get(
    '/api/pick-lists/:id',
    { config: { roles: 'any' }, schema: { tags, summary: 'One pick list with its lines', params: idParams } },
    async (req) => getPickList(ctx.db, actorOf(req), req.params.id),
  );

  r.post(
    '/api/pick-lists/:id/post',
    {
      config: { roles: ['warehouse'] },
      schema: {
        tags,
        summary: 'Post the shipment: issue stock; a franchisee pays from funds, then credit',
        params: idParams,
      },
    },
    async (req) => ctx.db.transaction().execute((trx) => postPickList(trx, actorOf(req), envOf(ctx), req.params.id)),
  );
}
