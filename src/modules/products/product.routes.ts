import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, langQuery } from '../../lib/schemas';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { readUpload, sendXlsx } from '../../http/upload';
import { createProductBody, listProductsQuery, updateProductBody } from './product.schemas';
import * as service from './product.service';
import { exportProducts, importProducts } from './product.excel';

const EDITORS = ['sales_director', 'order_admin', 'allocation_planner'];

export function productRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['products'];

  r.get(
    '/api/products',
    { config: { roles: 'any' }, schema: { tags, summary: 'Search products', querystring: listProductsQuery } },
    async (req) => service.listProducts(ctx.db, actorOf(req), req.query),
  );

  r.post(
    '/api/products',
    { config: { roles: EDITORS }, schema: { tags, summary: 'Create a product', body: createProductBody } },
    async (req, reply) => reply.status(201).send(await service.createProduct(ctx.db, actorOf(req), req.body)),
  );

  r.get(
    '/api/products/export.xlsx',
    {
      config: { roles: 'any' },
      schema: { tags, summary: 'Export products to Excel in the request language (or lang)', querystring: langQuery },
    },
    async (req, reply) =>
      sendXlsx(reply, 'products.xlsx', await exportProducts(ctx.db, actorOf(req), req.query.lang ?? req.lang)),
  );

  r.post(
    '/api/products/import',
    {
      config: { roles: EDITORS },
      schema: { tags, summary: 'Import products from Excel (all rows or none)', consumes: ['multipart/form-data'] },
    },
    async (req) => {
      const upload = await readUpload(req);
      return ctx.db.transaction().execute((trx) => importProducts(trx, actorOf(req), upload.data, req.lang));
    },
  );

  r.get(
    '/api/products/:id',
    { config: { roles: 'any' }, schema: { tags, summary: 'One product', params: idParams } },
    async (req) => service.getProduct(ctx.db, actorOf(req), req.params.id),
  );

  r.patch(
    '/api/products/:id',
    {
      config: { roles: EDITORS },
      schema: { tags, summary: 'Edit or deactivate a product', params: idParams, body: updateProductBody },
    },
    async (req) => service.updateProduct(ctx.db, actorOf(req), envOf(ctx), req.params.id, req.body),
  );
}
