import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDateTime, quantity } from '../../lib/schema';
import { idParams, langQuery, pageQuery, requiredText, text } from '../../lib/schemas';
import { actorOf, envOf, type AppContext } from '../../http/context';
import * as repo from './shipment.repository';
import { getShipment, listShipments } from './shipment-queries';
import { exportShipments, searchShipments } from './shipment-list';
import { createShipment } from './create-shipment';
import { advanceShipment } from './advance-shipment';
import { setTracking, shipShipment } from './ship-shipment';
import {
  addTrackingEvent,
  carrierAdapter,
  closeException,
  importTrackingEvents,
  listExceptions,
  openException,
  staleShipments,
  trackingColumns,
} from './tracking.service';
import { readXlsx } from '../../lib/excel';
import { localColumns, localXlsx } from '../../lib/local-sheet';
import { fulfilmentQueue } from './queues';
import { SHIPMENT_STATES } from './shipment.machine';
import { deliverShipment } from './deliver-shipment';
import { addAttachment } from '../attachments/attachment.service';
import { readUpload, sendPdf, sendXlsx } from '../../http/upload';
import { customerRangeFilter, listRoutes } from '../../http/list-routes';
import { deliveryNoteForm, outboundOrderForm } from './shipment-forms';
import { SHIPMENT_CREATORS } from '../orders/order-actions';
import { formHtml, formXlsx } from '../../lib/printable';
import { formToPdf } from '../../lib/pdf';
import { printContextOf } from '../companies/print-context';

const WAREHOUSE = ['warehouse'];
/** The shipment list's filters (status, carrier, customer, created from/to), the same for the page and the export. */
const listFilter = {
  status: z.enum(SHIPMENT_STATES).optional(),
  carrier: text(50).optional(),
  ...customerRangeFilter,
};
const LOGISTICS = ['logistics', 'warehouse'];

export function shipmentRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['shipping'];
  const tx = <T>(fn: (trx: typeof ctx.db) => Promise<T>) => ctx.db.transaction().execute(fn);

  r.get(
    '/api/shipments',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Warehouse queue: shipments by status, pick deadline first',
        querystring: z.object({
          status: z.enum(SHIPMENT_STATES).optional(),
          order: z.uuid().optional(),
        }),
      },
    },
    async (req) =>
      listShipments(ctx.db, actorOf(req), envOf(ctx), { status: req.query.status, orderId: req.query.order }),
  );
  r.post(
    '/api/shipments',
    {
      config: { roles: SHIPMENT_CREATORS },
      schema: {
        tags,
        summary:
          'Create an outbound order (出库单) from the reserved quantities of one or more orders to one consignee',
        body: z
          .object({
            orderIds: z.array(z.uuid()).min(1).max(20),
            lines: z
              .array(
                z
                  .object({
                    orderId: z.uuid(),
                    lineNo: z.number().int().min(1),
                    qty: quantity,
                  })
                  .strict(),
              )
              .max(500)
              .optional(),
          })
          .strict(),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await tx((trx) => createShipment(trx, actorOf(req), envOf(ctx), req.body))),
  );
  listRoutes(app, ctx, {
    base: '/api/shipments',
    tags,
    noun: 'shipment',
    filters: 'status, carrier, customer, created from/to',
    filter: listFilter,
    search: searchShipments,
    export: exportShipments,
  });
  r.get(
    '/api/shipments/stale',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Shipped, undelivered and without tracking movement for N days',
        querystring: z.object({ days: z.coerce.number().int().min(1).max(60).optional() }),
      },
    },
    async (req) => staleShipments(ctx.db, actorOf(req), envOf(ctx).now, req.query.days),
  );
  r.get(
    '/api/shipments/:id',
    {
      config: { roles: 'any' },
      schema: { tags, summary: 'One shipment with lines, tracking and exceptions', params: idParams },
    },
    async (req) => getShipment(ctx.db, actorOf(req), envOf(ctx), req.params.id),
  );
  for (const step of ['pick', 'recheck', 'pack', 'cancel'] as const) {
    r.post(
      `/api/shipments/:id/${step}`,
      {
        config: { roles: WAREHOUSE },
        schema: {
          tags,
          summary: `Shipment step: ${step}`,
          params: idParams,
          body: z
            .object({ note: text(300).optional() })
            .strict()
            .nullish(),
        },
      },
      async (req) => tx((trx) => advanceShipment(trx, actorOf(req), envOf(ctx), req.params.id, step, req.body?.note)),
    );
  }
  r.post(
    '/api/shipments/:id/ship',
    {
      config: { roles: WAREHOUSE },
      schema: {
        tags,
        summary: 'Ship: checks payment gates, issues stock, creates receivables',
        params: idParams,
        body: z
          .object({ carrier: text(50).optional(), trackingNo: text(60).optional() })
          .strict()
          .nullish(),
      },
    },
    async (req) => tx((trx) => shipShipment(trx, actorOf(req), envOf(ctx), req.params.id, req.body ?? {})),
  );
  r.post(
    '/api/shipments/:id/tracking',
    {
      config: { roles: LOGISTICS },
      schema: {
        tags,
        summary: 'Enter the tracking number (late after 2 h)',
        params: idParams,
        body: z.object({ carrier: requiredText(50), trackingNo: requiredText(60) }).strict(),
      },
    },
    async (req) => tx((trx) => setTracking(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
  r.post(
    '/api/shipments/:id/events',
    {
      config: { roles: LOGISTICS },
      schema: {
        tags,
        summary: 'Add a tracking event (manual carrier adapter)',
        params: idParams,
        body: z
          .object({
            at: isoDateTime,
            location: text(100).default(''),
            description: requiredText(300),
          })
          .strict(),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await tx((trx) => addTrackingEvent(trx, actorOf(req), req.params.id, req.body))),
  );
  r.get(
    '/api/shipments/:id/tracking',
    {
      config: { roles: 'any' },
      schema: { tags, summary: "Query the carrier's adapter for the shipment's tracking number", params: idParams },
    },
    async (req) => {
      const actor = actorOf(req);
      const s = await getShipment(ctx.db, actor, envOf(ctx), req.params.id);
      const adapter = carrierAdapter(ctx.db, actor.companyId, s.carrier);
      return {
        carrier: s.carrier,
        trackingNo: s.trackingNo,
        adapter: adapter.name,
        events: s.trackingNo ? await adapter.query(s.trackingNo) : [],
      };
    },
  );
  r.get(
    '/api/tracking-events/template.xlsx',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Empty sheet in the tracking import format, in the request language (or lang)',
        querystring: langQuery,
      },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        'tracking-events.xlsx',
        await localXlsx({ zh: '物流轨迹', en: 'Tracking' }, trackingColumns, [], req.query.lang ?? req.lang),
      ),
  );
  r.post(
    '/api/tracking-events/import',
    {
      config: { roles: LOGISTICS },
      schema: {
        tags,
        summary: 'Import tracking events from Excel (运单号, 时间, 地点, 描述); all rows or none',
        consumes: ['multipart/form-data'],
      },
    },
    async (req) => {
      const sheet = await readXlsx((await readUpload(req)).data, localColumns(trackingColumns, req.lang));
      return tx((trx) => importTrackingEvents(trx, actorOf(req), sheet.rows, sheet.errors, req.lang));
    },
  );
  r.post(
    '/api/shipments/:id/exceptions',
    {
      config: { roles: LOGISTICS },
      schema: {
        tags,
        summary: 'Log a logistics exception (模板3)',
        params: idParams,
        body: z
          .object({
            type: z.enum(['delay', 'wrong_address', 'damage', 'loss']),
            foundAt: isoDateTime.optional(),
            action: text(500).default(''),
            customerInformed: z.boolean().default(false),
          })
          .strict(),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await tx((trx) => openException(trx, actorOf(req), envOf(ctx), req.params.id, req.body))),
  );
  r.post(
    '/api/shipments/:id/deliver',
    {
      config: { roles: ['logistics', 'customer_service', 'warehouse'] },
      schema: {
        tags,
        summary: 'Record delivery (signed by whom, when); opens a call-back task',
        params: idParams,
        body: z.object({ signedBy: requiredText(50), at: isoDateTime.optional() }).strict(),
      },
    },
    async (req) => tx((trx) => deliverShipment(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
  r.post(
    '/api/shipments/:id/proof',
    {
      config: { roles: ['logistics', 'customer_service', 'warehouse'] },
      schema: {
        tags,
        summary: 'Upload the proof of delivery (signed note or photo)',
        params: idParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const f = await readUpload(req);
      return reply.status(201).send(
        await tx(async (trx) => {
          await getShipment(trx, actor, envOf(ctx), req.params.id);
          return addAttachment(trx, actor, {
            ownerType: 'shipment',
            ownerId: req.params.id,
            kind: 'delivery_proof',
            filename: f.filename,
            contentType: f.mimetype,
            data: f.data,
          });
        }),
      );
    },
  );
  const FORMS = { 'outbound-order': outboundOrderForm, 'delivery-note': deliveryNoteForm };
  for (const [path, render] of Object.entries(FORMS)) {
    r.get(
      `/api/shipments/:id/${path}`,
      {
        config: { roles: 'any' },
        schema: {
          tags,
          summary:
            `Printable ${path === 'outbound-order' ? 'outbound order (出库单)' : 'delivery note (送货单)'}` +
            ' with the amount in capitals; ?format=html|xlsx|pdf',
          params: idParams,
          querystring: z.object({ format: z.enum(['html', 'xlsx', 'pdf']).default('html') }),
        },
      },
      async (req, reply) => {
        const shipment = await getShipment(ctx.db, actorOf(req), envOf(ctx), req.params.id);
        const form = render(shipment, await printContextOf(ctx, req));
        if (req.query.format === 'xlsx') return sendXlsx(reply, `${path}.xlsx`, await formXlsx(form));
        if (req.query.format === 'pdf') return sendPdf(reply, `${path}.pdf`, await formToPdf(form));
        return reply.type('text/html; charset=utf-8').send(formHtml(form));
      },
    );
  }
  r.get(
    '/api/logistics-exceptions',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Logistics exception log (模板3 物流异常记录表)',
        querystring: z.object({ status: z.enum(['open', 'closed']).optional(), order: z.uuid().optional() }),
      },
    },
    async (req) => listExceptions(ctx.db, actorOf(req), req.query.status, req.query.order),
  );
  r.post(
    '/api/logistics-exceptions/:id/close',
    {
      config: { roles: LOGISTICS },
      schema: {
        tags,
        summary: 'Close an exception with its result',
        params: idParams,
        body: z.object({ result: requiredText(500), customerInformed: z.boolean() }).strict(),
      },
    },
    async (req) => tx((trx) => closeException(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
  r.put(
    '/api/carrier-rules',
    {
      config: { roles: ['logistics'] },
      schema: {
        tags,
        summary: 'Destination region → carrier table, with the days the carrier takes there (3 when not given)',
        body: z
          .array(
            z
              .object({
                region: requiredText(50),
                carrier: requiredText(50),
                transitDays: z.number().int().min(0).max(60).optional(),
              })
              .strict(),
          )
          .max(500),
      },
    },
    async (req) =>
      tx(async (trx) => {
        await repo.replaceCarrierRules(trx, actorOf(req).companyId, req.body);
        return req.body;
      }),
  );
  r.get(
    '/api/carrier-rules',
    { config: { roles: 'any' }, schema: { tags, summary: 'Destination region → carrier table' } },
    async (req) => repo.listCarrierRules(ctx.db, actorOf(req).companyId),
  );
  r.get(
    '/api/fulfilment/queue',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: "Confirmed orders in the warehouse's queue (to ship) or finance's (awaiting money)",
        querystring: pageQuery.extend({ queue: z.enum(['warehouse', 'finance']) }),
      },
    },
    async (req) => fulfilmentQueue(ctx.db, actorOf(req), req.query.queue, req.query),
  );
}
