import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, requiredText, text } from '../../lib/schemas';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { readUpload, sendPdf, sendXlsx } from '../../http/upload';
import { DOWNLOAD_POLICY } from '../../http/security-headers';
import { formHtml, formXlsx } from '../../lib/printable';
import { formToPdf } from '../../lib/pdf';
import { printContextOf } from '../companies/print-context';
import { statement, statementForm } from '../receivables/statement';
import { getMyDocument, getMyOrder, getMyShipment, listMyOrders, listMyShipments } from './portal.service';
import { exportMyMoney, myAllocations, myMoney, myStatementPeriod } from './portal-money';
import { confirmMyChange, confirmMyOrder, openMyComplaint, requestMyReturn, signForDelivery } from './portal-actions';

// 客户门户 API: a customer's contacts, each call scoped to the login's own customer (404 for anything else).
const CUSTOMER = ['customer'];
const noteBody = z.object({ note: text(500).optional() }).strict();

export function portalRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['portal'];
  const config = { roles: CUSTOMER };
  const tx = <T>(fn: (trx: typeof ctx.db) => Promise<T>) => ctx.db.transaction().execute(fn);

  r.get('/api/portal/orders', { config, schema: { tags, summary: 'My orders' } }, async (req) =>
    listMyOrders(ctx.db, actorOf(req), req.lang),
  );
  r.get(
    '/api/portal/orders/:id',
    { config, schema: { tags, summary: 'My order: lines, timeline, documents, shipments', params: idParams } },
    async (req) => getMyOrder(ctx.db, actorOf(req), req.lang, req.params.id),
  );
  r.post(
    '/api/portal/orders/:id/confirm',
    { config, schema: { tags, summary: 'Confirm my order electronically', params: idParams, body: noteBody } },
    async (req) => {
      const actor = actorOf(req);
      const env = envOf(ctx);
      const result = await tx((trx) => confirmMyOrder(trx, actor, env, req.params.id, req.ip, req.body?.note));
      return { outcome: result.outcome, order: await getMyOrder(ctx.db, actor, req.lang, req.params.id) };
    },
  );
  r.post(
    '/api/portal/changes/:id/confirm',
    { config, schema: { tags, summary: 'Confirm a change of my order', params: idParams, body: noteBody } },
    async (req) => tx((trx) => confirmMyChange(trx, actorOf(req), envOf(ctx), req.params.id, req.body?.note)),
  );
  r.get('/api/portal/shipments', { config, schema: { tags, summary: 'My shipments and tracking' } }, async (req) =>
    listMyShipments(ctx.db, actorOf(req), req.lang),
  );
  r.get(
    '/api/portal/shipments/:id',
    { config, schema: { tags, summary: 'One shipment with its tracking', params: idParams } },
    async (req) => getMyShipment(ctx.db, actorOf(req), req.lang, req.params.id),
  );
  r.post(
    '/api/portal/shipments/:id/proof',
    {
      config,
      schema: {
        tags,
        summary: 'Sign for a delivery with a photo (multipart: file, signedBy)',
        params: idParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (req) => {
      const f = await readUpload(req);
      const photo = { filename: f.filename, contentType: f.mimetype, data: f.data };
      return tx((trx) =>
        signForDelivery(trx, actorOf(req), envOf(ctx), req.params.id, {
          signedBy: f.fields.signedBy ?? '',
          address: req.ip,
          photo,
        }),
      );
    },
  );
  r.get(
    '/api/portal/documents/:id',
    { config, schema: { tags, summary: 'Download a document of my order or shipment', params: idParams } },
    async (req, reply) => {
      const d = await getMyDocument(ctx.db, actorOf(req), req.params.id);
      return reply
        .header('content-type', d.content_type)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(d.filename)}`)
        .header('content-security-policy', DOWNLOAD_POLICY)
        .header('cache-control', 'private, no-store')
        .send(d.data);
    },
  );
  r.get(
    '/api/portal/receivables',
    { config, schema: { tags, summary: 'What I owe, my statements and my payments' } },
    async (req) => myMoney(ctx.db, actorOf(req), envOf(ctx), req.lang),
  );
  r.get(
    '/api/portal/receivables/export.xlsx',
    { config, schema: { tags, summary: 'Download my receivables and payments (Excel)' } },
    async (req, reply) =>
      sendXlsx(reply, 'receivables.xlsx', await exportMyMoney(ctx.db, actorOf(req), envOf(ctx), req.lang)),
  );
  r.get(
    '/api/portal/statements/:id',
    {
      config,
      schema: {
        tags,
        summary: 'One of my monthly statements; ?format=html (printable)|xlsx|pdf',
        params: idParams,
        querystring: z.object({ format: z.enum(['json', 'html', 'xlsx', 'pdf']).default('json') }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const p = await myStatementPeriod(ctx.db, actor, req.params.id);
      const s = await statement(ctx.db, actor, p.customerId, p.from, p.to);
      if (req.query.format === 'json') return s;
      const form = statementForm(s, await printContextOf(ctx, req));
      if (req.query.format === 'html') return reply.type('text/html; charset=utf-8').send(formHtml(form));
      if (req.query.format === 'pdf') return sendPdf(reply, `statement-${p.period}.pdf`, await formToPdf(form));
      return sendXlsx(reply, `statement-${p.period}.xlsx`, await formXlsx(form));
    },
  );
  r.post(
    '/api/portal/complaints',
    {
      config,
      schema: {
        tags,
        summary: 'Open a complaint about my shipped or delivered order',
        body: z
          .object({
            orderId: z.uuid(),
            type: z.enum(['short', 'damage', 'wrong_item', 'quality', 'late']),
            description: requiredText(1000),
          })
          .strict(),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await tx((trx) => openMyComplaint(trx, actorOf(req), envOf(ctx), req.body))),
  );
  r.post(
    '/api/portal/returns',
    {
      config,
      schema: {
        tags,
        summary: 'Ask to return lines of my shipped order',
        body: z
          .object({
            orderId: z.uuid(),
            lines: z
              .array(
                z
                  .object({
                    lineNo: z.number().int().min(1).max(10_000),
                    qty: z.number().int().min(1).max(1_000_000),
                    reason: z.enum(['quality', 'wrong_item', 'damage', 'changed_mind', 'other']),
                  })
                  .strict(),
              )
              .min(1)
              .max(500),
            note: text(500).optional(),
          })
          .strict(),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await tx((trx) => requestMyReturn(trx, actorOf(req), envOf(ctx), req.body))),
  );
  r.get(
    '/api/portal/allocations',
    { config, schema: { tags, summary: 'Franchisees: allocations explained, reservations, funds and credit' } },
    async (req) => myAllocations(ctx.db, actorOf(req), envOf(ctx), req.lang),
  );
}
