import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../lib/schemas';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { readUpload } from '../../http/upload';
import {
  cancelBody,
  completeBody,
  confirmBody,
  holdBody,
  createOrderBody,
  exportOrdersQuery,
  listOrdersQuery,
  resumeBody,
  reviewBody,
  updateOrderBody,
} from './order.schemas';
import { getOrder, orderHistory, registerOrder, updateOrder } from './order.service';
import { listOrders, listOrdersByCursor } from './order-list';
import { submitOrder } from './submit-order';
import { reviewOrder } from './review-order';
import { confirmOrder } from './confirm-order';
import { cancelOrder, type ReleaseHolds } from './cancel-order';
import { holdOrder, resumeOrder } from './hold-order';
import { completeOrder } from './complete-order';
import { attachToOrder, copyOrder, orderAttachments, orderChecks, orderReview } from './order-extras';
import { confirmationForm, registrationForm, reviewForm } from './order-forms';
import { exportReviewForm } from './export-review-form';
import { formToPdf } from '../../lib/pdf';
import { formHtml, formXlsx } from '../../lib/printable';
import { printContextOf } from '../companies/print-context';
import { reasonFields } from '../../lib/reason-codes';
import { sendPdf, sendXlsx } from '../../http/upload';
import { exportOrders } from './order-export';
import { orderRegistrars } from './order.repository';

const FORMS = {
  registration: registrationForm,
  review: reviewForm,
  confirmation: confirmationForm,
  'export-review': exportReviewForm,
};

const REGISTRARS = ['sales_assistant'];
const REVIEWERS = ['reviewer', 'finance', 'production_planner', 'sales_director', 'general_manager'];
const CONFIRMERS = ['sales_assistant', 'order_admin'];
const CANCELLERS = ['sales_director', 'reviewer', 'general_manager'];
const HOLDERS = ['order_admin', 'sales_director'];
const COMPLETERS = ['finance'];

export function orderRoutes(app: FastifyInstance, ctx: AppContext, releaseHolds: ReleaseHolds) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['orders'];
  const tx = <T>(fn: (trx: typeof ctx.db) => Promise<T>) => ctx.db.transaction().execute(fn);

  r.post(
    '/api/orders',
    {
      config: { roles: REGISTRARS },
      schema: { tags, summary: 'Register an order (draft, numbered)', body: createOrderBody },
    },
    async (req, reply) =>
      reply.status(201).send(await tx((trx) => registerOrder(trx, actorOf(req), envOf(ctx), req.body))),
  );

  r.get(
    '/api/orders',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary:
          'Search orders (status, customer, from, to, product, salesperson, urgency, q, mine); cursor=first|next|prev',
        querystring: listOrdersQuery,
      },
    },
    async (req) => {
      const { cursor, ...q } = req.query;
      if (cursor === undefined) return listOrders(ctx.db, actorOf(req), q, envOf(ctx).now);
      return listOrdersByCursor(ctx.db, actorOf(req), { ...q, cursor }, envOf(ctx).now);
    },
  );

  r.get(
    '/api/orders/salespeople',
    { config: { roles: 'any' }, schema: { tags, summary: 'Who has registered orders (for the salesperson filter)' } },
    async (req) =>
      (await orderRegistrars(ctx.db, actorOf(req).companyId)).map((u) => ({ id: u.id, name: u.display_name })),
  );

  r.get(
    '/api/orders/export.xlsx',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Export the order list to Excel as the filter shows it (same filter as the list), newest first',
        querystring: exportOrdersQuery,
      },
    },
    async (req, reply) => {
      const { lang, ...filter } = req.query;
      return sendXlsx(reply, 'orders.xlsx', await exportOrders(ctx.db, actorOf(req), filter, lang ?? req.lang));
    },
  );

  r.get(
    '/api/orders/:id',
    { config: { roles: 'any' }, schema: { tags, summary: 'One order with its lines', params: idParams } },
    async (req) => getOrder(ctx.db, actorOf(req), req.params.id, envOf(ctx).now),
  );

  r.patch(
    '/api/orders/:id',
    {
      config: { roles: REGISTRARS },
      schema: {
        tags,
        summary: 'Edit a draft or rejected order (registrar only)',
        params: idParams,
        body: updateOrderBody,
      },
    },
    async (req) => tx((trx) => updateOrder(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );

  r.post(
    '/api/orders/:id/submit',
    {
      config: { roles: REGISTRARS, archiveGuard: 'locked' },
      schema: { tags, summary: 'Submit for review', params: idParams },
    },
    async (req) => tx((trx) => submitOrder(trx, actorOf(req), envOf(ctx), req.params.id)),
  );

  r.post(
    '/api/orders/:id/review',
    {
      config: { roles: REVIEWERS, archiveGuard: 'locked' },
      schema: { tags, summary: 'Approve or reject the current review stage', params: idParams, body: reviewBody },
    },
    async (req) => tx((trx) => reviewOrder(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );

  r.post(
    '/api/orders/:id/confirm',
    {
      config: { roles: CONFIRMERS, archiveGuard: 'locked' },
      schema: {
        tags,
        summary: "Record the customer's confirmation; lock and reserve stock",
        params: idParams,
        body: confirmBody,
      },
    },
    async (req) => {
      const result = await tx((trx) => confirmOrder(trx, actorOf(req), envOf(ctx), req.params.id, req.body));
      return { ...result, order: await getOrder(ctx.db, actorOf(req), req.params.id) };
    },
  );

  r.post(
    '/api/orders/:id/cancel',
    {
      config: { roles: CANCELLERS },
      schema: {
        tags,
        summary: 'Cancel before shipment; releases reservations and credit',
        params: idParams,
        body: cancelBody,
      },
    },
    async (req) =>
      tx((trx) => cancelOrder(trx, actorOf(req), envOf(ctx), req.params.id, req.body.reason, releaseHolds)),
  );

  r.post(
    '/api/orders/:id/hold',
    {
      config: { roles: HOLDERS },
      schema: {
        tags,
        summary: 'Hold a confirmed order as an exception (异常挂起), with the reason; it cannot ship while held',
        params: idParams,
        body: holdBody,
      },
    },
    async (req) => tx((trx) => holdOrder(trx, actorOf(req), envOf(ctx), req.params.id, req.body.reason)),
  );

  r.post(
    '/api/orders/:id/resume',
    {
      config: { roles: HOLDERS },
      schema: { tags, summary: 'Resume a held order (back to confirmed)', params: idParams, body: resumeBody },
    },
    async (req) => tx((trx) => resumeOrder(trx, actorOf(req), envOf(ctx), req.params.id, req.body?.reason)),
  );

  r.post(
    '/api/orders/:id/complete',
    {
      config: { roles: COMPLETERS },
      schema: {
        tags,
        summary: 'The customer confirmed and no complaint is open: record the invoice and voucher, complete the order',
        params: idParams,
        body: completeBody,
      },
    },
    async (req) => tx((trx) => completeOrder(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );

  r.post(
    '/api/orders/:id/copy',
    {
      config: { roles: REGISTRARS },
      schema: { tags, summary: 'Copy into a new draft (without approvals)', params: idParams },
    },
    async (req, reply) =>
      reply.status(201).send(await tx((trx) => copyOrder(trx, actorOf(req), envOf(ctx), req.params.id))),
  );

  r.get(
    '/api/orders/:id/history',
    {
      config: { roles: 'any' },
      schema: { tags, summary: 'Every transition: who, when, from, to, why', params: idParams },
    },
    // System reasons are codes: named in the reader's language, the code kept beside them.
    async (req) =>
      (await orderHistory(ctx.db, actorOf(req), req.params.id)).map((h) => ({
        ...h,
        ...reasonFields(h.reason, req.lang),
      })),
  );

  r.get(
    '/api/orders/:id/checks',
    {
      config: { roles: 'any' },
      schema: { tags, summary: 'Completeness, qualification, credit, stock and margin checks', params: idParams },
    },
    async (req) => orderChecks(ctx.db, actorOf(req), req.params.id),
  );

  r.get(
    '/api/orders/:id/review',
    {
      config: { roles: 'any' },
      schema: { tags, summary: 'Review stages of every round and production answers', params: idParams },
    },
    async (req) => orderReview(ctx.db, actorOf(req), req.params.id),
  );

  r.get(
    '/api/orders/:id/attachments',
    { config: { roles: 'any' }, schema: { tags, summary: 'Files attached to the order', params: idParams } },
    async (req) => orderAttachments(ctx.db, actorOf(req), req.params.id),
  );

  r.post(
    '/api/orders/:id/attachments',
    {
      config: { roles: CONFIRMERS },
      schema: {
        tags,
        summary: 'Attach a file (kind: written_confirmation, confirmation, other)',
        params: idParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) => {
      const f = await readUpload(req);
      const kind = z.enum(['written_confirmation', 'confirmation', 'other']).catch('other').parse(f.fields.kind);
      return reply.status(201).send(
        await tx((trx) =>
          attachToOrder(trx, actorOf(req), req.params.id, {
            kind,
            filename: f.filename,
            contentType: f.mimetype,
            data: f.data,
          }),
        ),
      );
    },
  );

  r.get(
    '/api/orders/:id/forms/:form',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary:
          'Printable form: registration (模板1), review (模板2), confirmation or 出口合同审核表; ?format=html|xlsx|pdf',
        params: z.object({
          id: z.uuid(),
          form: z.enum(['registration', 'review', 'confirmation', 'export-review']),
        }),
        querystring: z.object({ format: z.enum(['html', 'xlsx', 'pdf']).default('html') }),
      },
    },
    async (req, reply) => {
      const form = await FORMS[req.params.form](ctx.db, actorOf(req), req.params.id, await printContextOf(ctx, req));
      if (req.query.format === 'xlsx') return sendXlsx(reply, `${req.params.form}.xlsx`, await formXlsx(form));
      if (req.query.format === 'pdf') return sendPdf(reply, `${req.params.form}.pdf`, await formToPdf(form));
      return reply.type('text/html; charset=utf-8').send(formHtml(form));
    },
  );
}
