import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate, quantity, requiredText, text } from '../../lib/schema';
import { idParams, langQuery, pageQuery } from '../../lib/schemas';
import { formHtml, formXlsx } from '../../lib/printable';
import { formToPdf } from '../../lib/pdf';
import { printContextOf } from '../companies/print-context';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { readUpload, sendPdf, sendXlsx } from '../../http/upload';
import { createReturn } from './create-return';
import { exchangeReturn } from './exchange-return';
import { inspectReturn } from './inspect-return';
import { approveRefund, recordRefund } from './refund-return';
import { returnForm } from './return-form';
import {
  addReturnPhoto,
  closeReturn,
  exportReturns,
  getReturn,
  listQuarantine,
  listReturnHistory,
  listReturns,
  receiveReturn,
  reviewReturn,
  shipReturn,
} from './return.service';

const REQUESTERS = ['sales_assistant', 'customer_service', 'order_admin', 'sales_director'];
const STATUSES = [
  'requested',
  'approved',
  'rejected',
  'awaiting_goods',
  'received',
  'inspected',
  'refund_pending',
  'exchange',
  'refunded',
  'closed',
] as const;
const count = z.number().int().min(0).max(1_000_000);
/** The returns list's filter, shared by the list and its export (q, the search, comes with the page query). */
const listFilter = {
  status: z.enum(STATUSES).optional(),
  order: z.uuid().optional(),
  customer: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

// Each move is checked by the return machine (roles, guards, 409 for an illegal one); routes admit any user.
export function returnRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['returns'];
  const tx = <T>(fn: (trx: typeof ctx.db) => Promise<T>) => ctx.db.transaction().execute(fn);
  const move = { config: { roles: 'any' as const } };

  r.post(
    '/api/returns',
    {
      config: { roles: REQUESTERS },
      schema: {
        tags,
        summary: 'Request a return (退货申请) of shipped order lines, checked against the return policy',
        body: z
          .object({
            orderId: z.uuid(),
            lines: z
              .array(
                z
                  .object({
                    lineNo: z.number().int().min(1).max(100_000),
                    qty: quantity,
                    reason: z.enum(['quality', 'wrong_item', 'damage', 'changed_mind', 'other']),
                  })
                  .strict(),
              )
              .min(1)
              .max(500),
            note: text(500).optional(),
            complaintId: z.uuid().optional(),
          })
          .strict(),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const env = envOf(ctx);
      return reply
        .status(201)
        .send(await tx(async (trx) => getReturn(trx, actor, await createReturn(trx, actor, env, req.body))));
    },
  );
  r.get(
    '/api/returns',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary:
          'Returns, newest first (status, customer, from/to; order: its returns, or the one it replaces goods for)',
        querystring: pageQuery.extend(listFilter),
      },
    },
    async (req) => {
      // `order` names an order here; the list is newest first unless sorted.
      const { order, customer, ...q } = req.query;
      return listReturns(ctx.db, actorOf(req), {
        ...q,
        orderId: order,
        customerId: customer,
        order: q.sort ? 'asc' : 'desc',
      });
    },
  );
  r.get(
    '/api/returns/export.xlsx',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Export the returns list to Excel as the filter shows it (the list filter and q), newest first',
        querystring: z.object({ ...listFilter, q: text(100).optional(), lang: langQuery.shape.lang }),
      },
    },
    async (req, reply) => {
      const { order, customer, lang, ...f } = req.query;
      return sendXlsx(
        reply,
        'returns.xlsx',
        await exportReturns(ctx.db, actorOf(req), { ...f, orderId: order, customerId: customer }, lang ?? req.lang),
      );
    },
  );
  r.get(
    '/api/returns/quarantine',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Defective returned units in quarantine (隔离区), by warehouse and product; never reservable',
        querystring: z.object({ warehouse: z.uuid().optional() }),
      },
    },
    async (req) => listQuarantine(ctx.db, actorOf(req), req.query.warehouse),
  );
  r.get(
    '/api/returns/history',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: "The moves of an order's returns, oldest first (for the order's timeline)",
        querystring: z.object({ order: z.uuid() }),
      },
    },
    async (req) => listReturnHistory(ctx.db, actorOf(req), { orderId: req.query.order }),
  );
  r.get(
    '/api/returns/:id/history',
    { config: { roles: 'any' }, schema: { tags, summary: "The return's moves, oldest first", params: idParams } },
    async (req) => listReturnHistory(ctx.db, actorOf(req), { returnId: req.params.id }),
  );
  r.get(
    '/api/returns/:id',
    {
      config: { roles: 'any' },
      schema: { tags, summary: 'One return: lines, policy, refund, actions', params: idParams },
    },
    async (req) => getReturn(ctx.db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/returns/:id/review',
    {
      ...move,
      schema: {
        tags,
        summary: 'Approve or reject (out of policy: the sales director only)',
        params: idParams,
        body: z.object({ decision: z.enum(['approve', 'reject']), reason: requiredText(500) }).strict(),
      },
    },
    async (req) => tx((trx) => reviewReturn(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
  r.post(
    '/api/returns/:id/ship',
    {
      ...move,
      schema: {
        tags,
        summary: 'Pickup booked or sent by the customer, with carrier and tracking number',
        params: idParams,
        body: z
          .object({
            method: z.enum(['pickup', 'customer_sends']),
            carrier: requiredText(50),
            trackingNo: requiredText(50),
          })
          .strict(),
      },
    },
    async (req) => tx((trx) => shipReturn(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
  r.post(
    '/api/returns/:id/receive',
    {
      ...move,
      schema: {
        tags,
        summary: 'The warehouse received the goods',
        params: idParams,
        body: z
          .object({ note: text(500).optional() })
          .strict()
          .default({}),
      },
    },
    async (req) => tx((trx) => receiveReturn(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
  r.post(
    '/api/returns/:id/inspect',
    {
      ...move,
      schema: {
        tags,
        summary: 'Inspection: good units back to stock in the warehouse, defective ones to quarantine',
        params: idParams,
        body: z
          .object({
            warehouseId: z.uuid(),
            lines: z
              .array(z.object({ lineNo: z.number().int().min(1).max(100_000), good: count, defective: count }).strict())
              .max(500),
          })
          .strict(),
      },
    },
    async (req) => tx((trx) => inspectReturn(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
  r.post(
    '/api/returns/:id/refund/approve',
    {
      ...move,
      schema: {
        tags,
        summary: 'Approve the refund: the general manager, or finance below its limit',
        params: idParams,
        body: z
          .object({ reason: text(500).optional() })
          .strict()
          .default({}),
      },
    },
    async (req) => tx((trx) => approveRefund(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
  r.post(
    '/api/returns/:id/refund',
    {
      ...move,
      schema: {
        tags,
        summary: 'Finance records the refund: return credit, refund payment (or balance), red-letter invoice record',
        params: idParams,
        body: z
          .object({
            method: text(50).optional(),
            redLetterNumber: requiredText(50).optional(),
            refundTo: z.enum(['customer', 'balance']).optional(),
          })
          .strict()
          .default({}),
      },
    },
    async (req) => tx((trx) => recordRefund(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
  r.post(
    '/api/returns/:id/exchange',
    {
      ...move,
      schema: {
        tags,
        summary: 'Exchange instead of a refund: a zero-price replacement order for what came back',
        params: idParams,
        body: z
          .object({ reason: text(500).optional() })
          .strict()
          .default({}),
      },
    },
    async (req) => tx((trx) => exchangeReturn(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
  r.post(
    '/api/returns/:id/close',
    {
      ...move,
      schema: {
        tags,
        summary: 'Close a refunded, exchanged or rejected return',
        params: idParams,
        body: z
          .object({ reason: text(500).optional() })
          .strict()
          .default({}),
      },
    },
    async (req) => tx((trx) => closeReturn(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
  r.post(
    '/api/returns/:id/photos',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Attach a photo of the returned goods',
        params: idParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) => {
      const f = await readUpload(req);
      return reply.status(201).send(
        await tx((trx) =>
          addReturnPhoto(trx, actorOf(req), req.params.id, {
            filename: f.filename,
            contentType: f.mimetype,
            data: f.data,
          }),
        ),
      );
    },
  );
  r.get(
    '/api/returns/:id/form',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Printable 退货单; ?format=html|xlsx|pdf',
        params: idParams,
        querystring: z.object({ format: z.enum(['html', 'xlsx', 'pdf']).default('html') }),
      },
    },
    async (req, reply) => {
      const form = await returnForm(ctx.db, actorOf(req), req.params.id, await printContextOf(ctx, req));
      if (req.query.format === 'xlsx') return sendXlsx(reply, 'return.xlsx', await formXlsx(form));
      if (req.query.format === 'pdf') return sendPdf(reply, 'return.pdf', await formToPdf(form));
      return reply.type('text/html; charset=utf-8').send(formHtml(form));
    },
  );
}
