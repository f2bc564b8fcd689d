import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, langQuery } from '../../lib/schemas';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { sendXlsx } from '../../http/upload';
import { createWarehouseBody, listWarehousesQuery, updateWarehouseBody } from './warehouse.schemas';
import * as service from './warehouse.service';

const EDITORS = ['warehouse', 'order_admin'];

export function warehouseRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['warehouses'];

  r.get(
    '/api/warehouses',
    { config: { roles: 'any' }, schema: { tags, summary: 'List warehouses', querystring: listWarehousesQuery } },
    async (req) => service.listWarehouses(ctx.db, actorOf(req), req.query),
  );

  r.post(
    '/api/warehouses',
    { config: { roles: EDITORS }, schema: { tags, summary: 'Create a warehouse', body: createWarehouseBody } },
    async (req, reply) => reply.status(201).send(await service.createWarehouse(ctx.db, actorOf(req), req.body)),
  );

  r.get(
    '/api/warehouses/export.xlsx',
    {
      config: { roles: 'any' },
      schema: { tags, summary: 'Export warehouses to Excel in the request language (or lang)', querystring: langQuery },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        'warehouses.xlsx',
        await service.exportWarehouses(ctx.db, actorOf(req), req.query.lang ?? req.lang),
      ),
  );

  r.get(
    '/api/warehouses/:id',
    { config: { roles: 'any' }, schema: { tags, summary: 'One warehouse', params: idParams } },
    async (req) => service.getWarehouse(ctx.db, actorOf(req), req.params.id),
  );

  r.patch(
    '/api/warehouses/:id',
    {
      config: { roles: EDITORS },
      schema: { tags, summary: 'Edit or deactivate a warehouse', params: idParams, body: updateWarehouseBody },
    },
    async (req) => service.updateWarehouse(ctx.db, actorOf(req), envOf(ctx), req.params.id, req.body),
  );
}
