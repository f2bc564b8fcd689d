import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, langQuery } from '../../lib/schemas';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { readUpload, sendXlsx } from '../../http/upload';
import { addAttachment, listAttachments } from '../attachments/attachment.service';
import { createCustomerBody, listCustomersQuery, updateCustomerBody } from './customer.schemas';
import * as service from './customer.service';
import { exportCustomers, importCustomers } from './customer.excel';

const EDITORS = service.CUSTOMER_EDITORS;

export function customerRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['customers'];

  r.get(
    '/api/customers',
    { config: { roles: 'any' }, schema: { tags, summary: 'Search customers', querystring: listCustomersQuery } },
    async (req) => service.listCustomers(ctx.db, actorOf(req), req.query),
  );

  r.post(
    '/api/customers',
    { config: { roles: EDITORS }, schema: { tags, summary: 'Create a customer', body: createCustomerBody } },
    async (req, reply) => reply.status(201).send(await service.createCustomer(ctx.db, actorOf(req), req.body)),
  );

  r.get(
    '/api/customers/export.xlsx',
    {
      config: { roles: 'any' },
      schema: { tags, summary: 'Export customers to Excel in the request language (or lang)', querystring: langQuery },
    },
    async (req, reply) =>
      sendXlsx(reply, 'customers.xlsx', await exportCustomers(ctx.db, actorOf(req), req.query.lang ?? req.lang)),
  );

  r.post(
    '/api/customers/import',
    {
      config: { roles: EDITORS },
      schema: { tags, summary: 'Import customers from Excel (all rows or none)', consumes: ['multipart/form-data'] },
    },
    async (req) => {
      const upload = await readUpload(req);
      return ctx.db.transaction().execute((trx) => importCustomers(trx, actorOf(req), upload.data, req.lang));
    },
  );

  r.get(
    '/api/customers/:id',
    { config: { roles: 'any' }, schema: { tags, summary: 'One customer', params: idParams } },
    async (req) => service.getCustomer(ctx.db, actorOf(req), req.params.id),
  );

  r.patch(
    '/api/customers/:id',
    {
      config: { roles: EDITORS },
      schema: { tags, summary: 'Edit or deactivate a customer', params: idParams, body: updateCustomerBody },
    },
    async (req) =>
      ctx.db
        .transaction()
        .execute((trx) => service.updateCustomer(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );

  r.get(
    '/api/customers/:id/documents',
    { config: { roles: 'any' }, schema: { tags, summary: 'Qualification documents', params: idParams } },
    async (req) => {
      await service.getCustomer(ctx.db, actorOf(req), req.params.id);
      return listAttachments(ctx.db, actorOf(req), 'customer', req.params.id);
    },
  );

  r.post(
    '/api/customers/:id/documents',
    {
      config: { roles: EDITORS },
      schema: {
        tags,
        summary: 'Upload a qualification document (business licence, contact ID)',
        params: idParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await service.getCustomer(ctx.db, actor, req.params.id);
      const f = await readUpload(req);
      const doc = await addAttachment(ctx.db, actor, {
        ownerType: 'customer',
        ownerId: req.params.id,
        kind: f.fields.kind ?? 'document',
        filename: f.filename,
        contentType: f.mimetype,
        data: f.data,
      });
      return reply.status(201).send(doc);
    },
  );
}
