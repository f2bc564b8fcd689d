import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, type AppContext } from '../../http/context';
import { sendXlsx } from '../../http/upload';
import { adjustmentBody, listMovementsQuery, listStockQuery, receiptBody } from './stock.schemas';
import * as service from './stock.service';

const STOCK_KEEPERS = ['warehouse'];

export function stockRoutes(app: FastifyInstance, ctx: AppContext, fillBackorders: service.FillBackorders) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['stock'];

  r.get(
    '/api/stock',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'On hand, reserved and available per product and warehouse',
        querystring: listStockQuery,
      },
    },
    async (req) => service.listStock(ctx.db, actorOf(req), req.query),
  );

  r.get(
    '/api/stock/export.xlsx',
    { config: { roles: 'any' }, schema: { tags, summary: 'Export balances and movements to Excel' } },
    async (req, reply) => sendXlsx(reply, 'stock.xlsx', await service.exportStock(ctx.db, actorOf(req), req.lang)),
  );

  r.get(
    '/api/stock/movements',
    { config: { roles: 'any' }, schema: { tags, summary: 'The stock ledger', querystring: listMovementsQuery } },
    async (req) => service.listMovements(ctx.db, actorOf(req), req.query, req.lang),
  );

  r.post(
    '/api/stock/receipts',
    { config: { roles: STOCK_KEEPERS }, schema: { tags, summary: 'Goods receipt (入库)', body: receiptBody } },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await ctx.db
            .transaction()
            .execute((trx) => service.receiveGoods(trx, actorOf(req), req.body, fillBackorders)),
        ),
  );

  r.post(
    '/api/stock/adjustments',
    {
      config: { roles: STOCK_KEEPERS },
      schema: { tags, summary: 'Stock adjustment with a reason', body: adjustmentBody },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await ctx.db.transaction().execute((trx) => service.adjustStock(trx, actorOf(req), req.body))),
  );
}
