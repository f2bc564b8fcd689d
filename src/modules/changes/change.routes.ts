import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { sendPdf, sendXlsx } from '../../http/upload';
import { formHtml, formXlsx } from '../../lib/printable';
import { formToPdf } from '../../lib/pdf';
import { printContextOf } from '../companies/print-context';
import { idParams } from '../../lib/schemas';
import { applyChange } from './apply-change';
import { changeConfirmationForm } from './change-forms';
import { CHANGE_APPLIERS, CHANGE_DECIDERS, CHANGE_OPENERS } from './change.machine';
import {
  cancelChangeBody,
  confirmChangeBody,
  listChangesQuery,
  openChangeBody,
  reviewChangeBody,
} from './change.schemas';
import { getChangeRequest, listChangeRequests } from './change.service';
import { cancelChange, confirmChange } from './close-change';
import { openChange } from './open-change';
import { getOrderVersion, listOrderVersions } from './order-versions';
import { reviewChange } from './review-change';
import { submitChange } from './submit-change';

// 订单变更申请 routes: open on an order, the queue, each step of the change, the printable confirmation.
export function changeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['changes'];
  const tx = <T>(fn: (trx: typeof ctx.db) => Promise<T>) => ctx.db.transaction().execute(fn);
  const any = { roles: 'any' as const };

  r.post(
    '/api/orders/:id/changes',
    {
      config: { roles: CHANGE_OPENERS },
      schema: { tags, summary: 'Open a change request on a confirmed order', params: idParams, body: openChangeBody },
    },
    async (req, reply) =>
      reply.status(201).send(await tx((trx) => openChange(trx, actorOf(req), envOf(ctx), req.params.id, req.body))),
  );
  r.get(
    '/api/change-requests',
    {
      config: any,
      schema: {
        tags,
        summary: 'Change requests (stage=mine: waiting for my department)',
        querystring: listChangesQuery,
      },
    },
    async (req) => listChangeRequests(ctx.db, actorOf(req), envOf(ctx), req.query),
  );
  r.get(
    '/api/change-requests/:id',
    { config: any, schema: { tags, summary: 'A change request with its preview', params: idParams } },
    async (req) => getChangeRequest(ctx.db, actorOf(req), envOf(ctx), req.params.id),
  );
  r.post(
    '/api/change-requests/:id/submit',
    { config: { roles: CHANGE_OPENERS }, schema: { tags, summary: 'Submit for approval', params: idParams } },
    async (req) => tx((trx) => submitChange(trx, actorOf(req), envOf(ctx), req.params.id)),
  );
  r.post(
    '/api/change-requests/:id/review',
    {
      config: { roles: CHANGE_DECIDERS },
      schema: { tags, summary: "Decide my department's stage", params: idParams, body: reviewChangeBody },
    },
    async (req) => tx((trx) => reviewChange(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
  r.post(
    '/api/change-requests/:id/apply',
    {
      config: { roles: CHANGE_APPLIERS },
      schema: { tags, summary: 'Apply: the order becomes its next version', params: idParams },
    },
    async (req) => tx((trx) => applyChange(trx, actorOf(req), envOf(ctx), req.params.id)),
  );
  r.post(
    '/api/change-requests/:id/cancel',
    {
      config: { roles: [...CHANGE_OPENERS, ...CHANGE_APPLIERS] },
      schema: { tags, summary: 'Withdraw a change not applied yet', params: idParams, body: cancelChangeBody },
    },
    async (req) => tx((trx) => cancelChange(trx, actorOf(req), envOf(ctx), req.params.id, req.body.reason)),
  );
  r.post(
    '/api/change-requests/:id/confirm',
    {
      config: { roles: CHANGE_OPENERS },
      schema: { tags, summary: "Record the customer's confirmation", params: idParams, body: confirmChangeBody },
    },
    async (req) => tx((trx) => confirmChange(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
  r.get(
    '/api/change-requests/:id/form',
    {
      config: any,
      schema: {
        tags,
        summary: 'Printable 变更确认书 (old and new side by side); ?format=html|xlsx|pdf',
        params: idParams,
        querystring: z.object({ format: z.enum(['html', 'xlsx', 'pdf']).default('html') }),
      },
    },
    async (req, reply) => {
      const p = await printContextOf(ctx, req);
      const form = await changeConfirmationForm(ctx.db, actorOf(req), envOf(ctx), req.params.id, p);
      if (req.query.format === 'xlsx') return sendXlsx(reply, 'change-confirmation.xlsx', await formXlsx(form));
      if (req.query.format === 'pdf') return sendPdf(reply, 'change-confirmation.pdf', await formToPdf(form));
      return reply.type('text/html; charset=utf-8').send(formHtml(form));
    },
  );
  r.get(
    '/api/orders/:id/versions',
    { config: any, schema: { tags, summary: "The order's versions", params: idParams } },
    async (req) => listOrderVersions(ctx.db, actorOf(req), req.params.id),
  );
  r.get(
    '/api/orders/:id/versions/:n',
    {
      config: any,
      schema: {
        tags,
        summary: 'One version of the order: head and lines as they stood',
        params: z.object({ id: z.uuid(), n: z.coerce.number().int().min(1).max(1_000_000) }),
      },
    },
    async (req) => getOrderVersion(ctx.db, actorOf(req), req.params.id, req.params.n),
  );
}
