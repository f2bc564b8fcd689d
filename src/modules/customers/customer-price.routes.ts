import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, langQuery } from '../../lib/schemas';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { readUpload, sendXlsx } from '../../http/upload';
import { customerPricesBody } from './customer-price.schemas';
import { exportCustomerPrices, importCustomerPrices } from './customer-price.excel';
import { CUSTOMER_PRICE_EDITORS, getCustomerPrices, putCustomerPrices } from './customer-prices';

const VIEWERS = ['sales_assistant', 'sales_director', 'general_manager', 'reviewer', 'order_admin', 'finance'];

/** 客户价格: the customer's own prices and discount, read by sales, set by the sales director. */
export function customerPriceRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['customers'];
  const tx = <T>(fn: (trx: typeof ctx.db) => Promise<T>) => ctx.db.transaction().execute(fn);

  r.get(
    '/api/customers/:id/prices',
    {
      config: { roles: VIEWERS },
      schema: { tags, summary: "The customer's price list and discount", params: idParams },
    },
    async (req) => getCustomerPrices(ctx.db, actorOf(req), req.params.id),
  );
  r.put(
    '/api/customers/:id/prices',
    {
      config: { roles: CUSTOMER_PRICE_EDITORS },
      schema: {
        tags,
        summary: "Replace the customer's price list and discount (quotation and order lines default to them)",
        params: idParams,
        body: customerPricesBody,
      },
    },
    async (req) => tx((trx) => putCustomerPrices(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
  r.get(
    '/api/customers/:id/prices/export.xlsx',
    {
      config: { roles: VIEWERS },
      schema: { tags, summary: "The customer's price list in Excel", params: idParams, querystring: langQuery },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        'customer-prices.xlsx',
        await exportCustomerPrices(ctx.db, actorOf(req), req.params.id, req.query.lang ?? req.lang),
      ),
  );
  r.post(
    '/api/customers/:id/prices/import',
    {
      config: { roles: CUSTOMER_PRICE_EDITORS },
      schema: {
        tags,
        summary: "Replace the customer's price list from Excel (all rows or none; the discount stays)",
        params: idParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await getCustomerPrices(ctx.db, actor, req.params.id);
      const upload = await readUpload(req);
      return tx((trx) => importCustomerPrices(trx, actor, envOf(ctx), req.params.id, upload.data, req.lang));
    },
  );
}
