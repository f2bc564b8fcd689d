import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { QTY_MAX } from '../../lib/schema';
import { idParams, langQuery, requiredText } from '../../lib/schemas';
import { actorOf, envOf, type AppContext } from '../../http/context';
import {
  createStore,
  demandColumns,
  importDemand,
  listDemand,
  listStores,
  setDemand,
  updateStore,
} from './stores.service';
import { readUpload, sendXlsx } from '../../http/upload';
import { readXlsx } from '../../lib/excel';
import { localColumns, localXlsx } from '../../lib/local-sheet';

const PLANNERS = ['allocation_planner'];
const storeBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,20}$/, '1–20 letters, digits, _ or -'),
    name: requiredText(100),
    region: requiredText(50),
    class: z.enum(['A', 'B', 'C']),
    kind: z.enum(['direct', 'joint']),
  })
  .strict();
const qty = z.number().int().min(0).max(QTY_MAX);

export function storeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['allocation'];
  r.get(
    '/api/stores',
    { config: { roles: 'any' }, schema: { tags, summary: 'Direct and joint stores' } },
    async (req) => listStores(ctx.db, actorOf(req)),
  );
  r.post(
    '/api/stores',
    { config: { roles: PLANNERS }, schema: { tags, summary: 'Create a store', body: storeBody } },
    async (req, reply) => reply.status(201).send(await createStore(ctx.db, actorOf(req), req.body)),
  );
  r.patch(
    '/api/stores/:id',
    {
      config: { roles: PLANNERS },
      schema: {
        tags,
        summary: 'Edit or deactivate a store',
        params: idParams,
        body: storeBody.omit({ code: true }).extend({ active: z.boolean() }).partial().strict(),
      },
    },
    async (req) => updateStore(ctx.db, actorOf(req), envOf(ctx), req.params.id, req.body),
  );
  r.get(
    '/api/allocation/demand',
    { config: { roles: 'any' }, schema: { tags, summary: 'Store safety-stock demand and region prep demand' } },
    async (req) => listDemand(ctx.db, actorOf(req)),
  );
  r.post(
    '/api/allocation/demand',
    {
      config: { roles: PLANNERS },
      schema: {
        tags,
        summary: 'Set demand rows (0 clears)',
        body: z
          .object({
            stores: z
              .array(z.object({ storeId: z.uuid(), productId: z.uuid(), qty }).strict())
              .max(5000)
              .optional(),
            regions: z
              .array(z.object({ region: requiredText(50), productId: z.uuid(), qty }).strict())
              .max(5000)
              .optional(),
          })
          .strict(),
      },
    },
    async (req) => ctx.db.transaction().execute((trx) => setDemand(trx, actorOf(req), envOf(ctx), req.body)),
  );

  r.get(
    '/api/allocation/demand/export.xlsx',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Demand to Excel (the import format), in the request language (or lang)',
        querystring: langQuery,
      },
    },
    async (req, reply) => {
      const d = await listDemand(ctx.db, actorOf(req));
      const rows = [
        ...d.stores.map((x) => ({ store: x.storeCode, region: '', sku: x.sku, qty: x.qty })),
        ...d.regions.map((x) => ({ store: '', region: x.region, sku: x.sku, qty: x.qty })),
      ];
      const lang = req.query.lang ?? req.lang;
      return sendXlsx(reply, 'demand.xlsx', await localXlsx({ zh: '需求', en: 'Demand' }, demandColumns, rows, lang));
    },
  );
  r.post(
    '/api/allocation/demand/import',
    {
      config: { roles: PLANNERS },
      schema: { tags, summary: 'Import demand from Excel (all rows or none)', consumes: ['multipart/form-data'] },
    },
    async (req) => {
      const sheet = await readXlsx((await readUpload(req)).data, localColumns(demandColumns, req.lang));
      return ctx.db
        .transaction()
        .execute((trx) => importDemand(trx, actorOf(req), envOf(ctx), sheet.rows, sheet.errors, req.lang));
    },
  );
}
