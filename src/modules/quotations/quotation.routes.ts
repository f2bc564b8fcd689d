import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../lib/schemas';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { sendXlsx } from '../../http/upload';
import { formXlsx } from '../../lib/printable';
import { formToPdf } from '../../lib/pdf';
import { printContextOf } from '../companies/print-context';
import { createInquiry, declineInquiry, inquiryHandlers, listInquiries } from './inquiries';
import {
  createInquiryBody,
  createQuotationBody,
  documentQuery,
  listInquiriesQuery,
  listQuotationsQuery,
  reasonBody,
  reviewQuotationBody,
  reviseQuotationBody,
} from './quotation.schemas';
import { getQuotation, listQuotations, quotationVersions } from './quotation.service';
import { createQuotation } from './create-quotation';
import {
  acceptQuotation,
  declineQuotation,
  reviewQuotation,
  reviseQuotation,
  sendQuotation,
  submitQuotation,
} from './quotation-moves';
import { orderFromQuotation } from './quotation-order';
import { quotationForm } from './quotation-document';
import { proformaForm, proformaPdf, proformaXlsx } from './proforma';

const SALES = ['sales_assistant'];
const VIEWERS = ['sales_assistant', 'sales_director', 'general_manager', 'reviewer', 'order_admin', 'finance'];
const DIRECTORS = ['sales_director'];

export function quotationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['quotations'];
  const tx = <T>(fn: (trx: typeof ctx.db) => Promise<T>) => ctx.db.transaction().execute(fn);

  r.get(
    '/api/inquiries',
    {
      config: { roles: VIEWERS },
      schema: { tags, summary: 'Inquiries (询盘), newest first', querystring: listInquiriesQuery },
    },
    async (req) => listInquiries(ctx.db, actorOf(req), req.query),
  );
  r.get(
    '/api/inquiries/handlers',
    { config: { roles: VIEWERS }, schema: { tags, summary: 'Who may handle an inquiry (salespeople, directors)' } },
    async (req) => inquiryHandlers(ctx.db, actorOf(req)),
  );
  r.post(
    '/api/inquiries',
    { config: { roles: SALES }, schema: { tags, summary: 'Record an inquiry', body: createInquiryBody } },
    async (req, reply) =>
      reply.status(201).send(await tx((trx) => createInquiry(trx, actorOf(req), envOf(ctx), req.body))),
  );
  r.post(
    '/api/inquiries/:id/decline',
    {
      config: { roles: SALES },
      schema: { tags, summary: 'Decline an inquiry with the reason', params: idParams, body: reasonBody },
    },
    async (req) => tx((trx) => declineInquiry(trx, actorOf(req), envOf(ctx), req.params.id, req.body.reason)),
  );

  r.get(
    '/api/quotations',
    {
      config: { roles: VIEWERS },
      schema: { tags, summary: 'Quotations (报价单), newest first', querystring: listQuotationsQuery },
    },
    async (req) => listQuotations(ctx.db, actorOf(req), envOf(ctx), req.query),
  );
  r.post(
    '/api/quotations',
    {
      config: { roles: SALES },
      schema: { tags, summary: 'Quote: lines priced and costed, margin shown', body: createQuotationBody },
    },
    async (req, reply) =>
      reply.status(201).send(await tx((trx) => createQuotation(trx, actorOf(req), envOf(ctx), req.body))),
  );
  r.get(
    '/api/quotations/:id',
    {
      config: { roles: VIEWERS },
      schema: { tags, summary: 'One quotation: lines, cost, margin, actions', params: idParams },
    },
    async (req) => getQuotation(ctx.db, actorOf(req), envOf(ctx), req.params.id),
  );
  r.get(
    '/api/quotations/:id/versions',
    { config: { roles: VIEWERS }, schema: { tags, summary: 'Every version with what changed', params: idParams } },
    async (req) => quotationVersions(ctx.db, actorOf(req), req.params.id),
  );
  r.get(
    '/api/quotations/:id/document',
    {
      config: { roles: VIEWERS },
      schema: {
        tags,
        summary: 'The quotation as sent to the customer: ?format=pdf|xlsx; kind=proforma: the proforma invoice',
        params: idParams,
        querystring: documentQuery,
      },
    },
    async (req, reply) => {
      const print = await printContextOf(ctx, req);
      if (req.query.lang) print.lang = req.query.lang;
      if (req.query.kind === 'proforma') {
        const pi = await proformaForm(ctx.db, actorOf(req), envOf(ctx), req.params.id, print);
        const file = `PI-${pi.head[0][1]}`;
        if (req.query.format === 'xlsx') return sendXlsx(reply, `${file}.xlsx`, await proformaXlsx(pi));
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${encodeURIComponent(file)}.pdf"`)
          .send(await proformaPdf(pi));
      }
      const form = await quotationForm(ctx.db, actorOf(req), envOf(ctx), req.params.id, print);
      const name = form.head[0][1].split(' ')[0];
      if (req.query.format === 'xlsx') return sendXlsx(reply, `${name}.xlsx`, await formXlsx(form));
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${encodeURIComponent(name)}.pdf"`)
        .send(await formToPdf(form));
    },
  );
  r.post(
    '/api/quotations/:id/revise',
    {
      config: { roles: SALES },
      schema: {
        tags,
        summary: 'A new version (what changed is kept); back to draft',
        params: idParams,
        body: reviseQuotationBody,
      },
    },
    async (req) => tx((trx) => reviseQuotation(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
  r.post(
    '/api/quotations/:id/submit',
    {
      config: { roles: SALES },
      schema: { tags, summary: 'To the sales director (under the discount or margin limits)', params: idParams },
    },
    async (req) => tx((trx) => submitQuotation(trx, actorOf(req), envOf(ctx), req.params.id)),
  );
  r.post(
    '/api/quotations/:id/review',
    {
      config: { roles: DIRECTORS },
      schema: {
        tags,
        summary: "The director's decision: approve, or reject with a note",
        params: idParams,
        body: reviewQuotationBody,
      },
    },
    async (req) => tx((trx) => reviewQuotation(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
  r.post(
    '/api/quotations/:id/send',
    { config: { roles: SALES }, schema: { tags, summary: 'Sent to the customer', params: idParams } },
    async (req) => tx((trx) => sendQuotation(trx, actorOf(req), envOf(ctx), req.params.id)),
  );
  r.post(
    '/api/quotations/:id/accept',
    {
      config: { roles: SALES },
      schema: { tags, summary: 'The customer accepted (within its validity)', params: idParams },
    },
    async (req) => tx((trx) => acceptQuotation(trx, actorOf(req), envOf(ctx), req.params.id)),
  );
  r.post(
    '/api/quotations/:id/decline',
    {
      config: { roles: SALES },
      schema: { tags, summary: 'The customer declined, with the reason', params: idParams, body: reasonBody },
    },
    async (req) => tx((trx) => declineQuotation(trx, actorOf(req), envOf(ctx), req.params.id, req.body.reason)),
  );
  r.post(
    '/api/quotations/:id/order',
    {
      config: { roles: SALES },
      schema: { tags, summary: 'Register the sales order from the accepted quotation in one step', params: idParams },
    },
    async (req, reply) =>
      reply.status(201).send(await tx((trx) => orderFromQuotation(trx, actorOf(req), envOf(ctx), req.params.id))),
  );
}
