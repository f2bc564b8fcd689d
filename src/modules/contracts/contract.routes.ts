import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../lib/schemas';
import { AppError } from '../../lib/errors';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { readUpload } from '../../http/upload';
import { addAttachment } from '../attachments/attachment.service';
import { printContextOf } from '../companies/print-context';
import { callOff } from './contract-calloff';
import { contractPdf } from './contract-document';
import {
  closeContract,
  draftContract,
  reviewContract,
  signAsCustomer,
  signContract,
  updateContract,
} from './contract-moves';
import { customerOf } from '../portal/portal.service';
import { CUSTOMER_ROLE } from '../auth/roles';
import {
  callOffBody,
  closeContractBody,
  createContractBody,
  listContractsQuery,
  reviewContractBody,
  signContractBody,
  updateContractBody,
} from './contract.schemas';
import { getContract, listContracts } from './contract.service';
import * as repo from './contract.repository';

const SALES = ['sales_assistant'];
const REVIEWERS = ['legal', 'finance', 'general_manager'];
const VIEWERS = [...SALES, ...REVIEWERS, 'sales_director', 'order_admin', 'reviewer'];

export function contractRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['contracts'];
  const tx = <T>(fn: (trx: typeof ctx.db) => Promise<T>) => ctx.db.transaction().execute(fn);

  r.get(
    '/api/contracts',
    {
      config: { roles: VIEWERS },
      schema: {
        tags,
        summary: 'Sales contracts (销售合同), by customer, number, status, date',
        querystring: listContractsQuery,
      },
    },
    async (req) => listContracts(ctx.db, actorOf(req), envOf(ctx), req.query),
  );
  r.post(
    '/api/contracts',
    {
      config: { roles: SALES },
      schema: { tags, summary: 'Draft the contract from an accepted quotation', body: createContractBody },
    },
    async (req, reply) =>
      reply.status(201).send(await tx((trx) => draftContract(trx, actorOf(req), envOf(ctx), req.body))),
  );
  r.get(
    '/api/contracts/:id',
    {
      config: { roles: VIEWERS },
      schema: {
        tags,
        summary: 'One contract: lines, clauses, review stages, signatures, performance, actions',
        params: idParams,
      },
    },
    async (req) => getContract(ctx.db, actorOf(req), envOf(ctx), req.params.id),
  );
  r.patch(
    '/api/contracts/:id',
    {
      config: { roles: SALES },
      schema: {
        tags,
        summary: 'While draft: the PO number and the clauses',
        params: idParams,
        body: updateContractBody,
      },
    },
    async (req) => tx((trx) => updateContract(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
  r.post(
    '/api/contracts/:id/review',
    {
      config: { roles: [...SALES, ...REVIEWERS] },
      schema: {
        tags,
        summary: 'Submit (sales); approve or reject with the reason (legal, finance, general manager)',
        params: idParams,
        body: reviewContractBody,
      },
    },
    async (req) => tx((trx) => reviewContract(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
  r.post(
    '/api/contracts/:id/attachments',
    {
      config: { roles: SALES },
      schema: {
        tags,
        summary: 'Upload the signed scan of the contract',
        params: idParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!(await repo.findContract(ctx.db, actor.companyId, req.params.id))) throw new AppError('CONTRACT.NOT_FOUND');
      const f = await readUpload(req);
      return reply.status(201).send(
        await tx((trx) =>
          addAttachment(trx, actor, {
            ownerType: 'contract',
            ownerId: req.params.id,
            kind: 'signed_scan',
            filename: f.filename,
            contentType: f.mimetype,
            data: f.data,
          }),
        ),
      );
    },
  );
  r.post(
    '/api/contracts/:id/sign',
    {
      config: { roles: SALES },
      schema: { tags, summary: 'Signed by both sides: the signed scan', params: idParams, body: signContractBody },
    },
    async (req) => tx((trx) => signContract(trx, actorOf(req), envOf(ctx), req.params.id, { ...req.body, ip: req.ip })),
  );
  r.post(
    '/api/contracts/:id/orders',
    {
      config: { roles: SALES },
      schema: {
        tags,
        summary: 'Call off: a sales order at the contract prices, within the quantities left',
        params: idParams,
        body: callOffBody,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await tx((trx) => callOff(trx, actorOf(req), envOf(ctx), req.params.id, req.body))),
  );
  r.post(
    '/api/contracts/:id/close',
    {
      config: { roles: [...SALES, 'sales_director'] },
      schema: {
        tags,
        summary: 'Close early (提前终止) with the reason; no more call-offs',
        params: idParams,
        body: closeContractBody,
      },
    },
    async (req) => tx((trx) => closeContract(trx, actorOf(req), envOf(ctx), req.params.id, req.body.reason)),
  );
  r.get(
    '/api/contracts/:id/document',
    { config: { roles: VIEWERS }, schema: { tags, summary: 'The contract as PDF', params: idParams } },
    async (req, reply) => {
      const { number, pdf } = await contractPdf(
        ctx.db,
        actorOf(req),
        envOf(ctx),
        req.params.id,
        await printContextOf(ctx, req),
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${encodeURIComponent(number)}.pdf"`)
        .send(pdf);
    },
  );
  r.post(
    '/api/portal/contracts/:id/sign',
    {
      config: { roles: [CUSTOMER_ROLE] },
      schema: { tags, summary: "The customer's electronic signature of its approved contract", params: idParams },
    },
    async (req) => {
      const actor = actorOf(req);
      const customerId = customerOf(actor, 'CONTRACT.NOT_FOUND');
      return tx((trx) => signAsCustomer(trx, actor, envOf(ctx), req.params.id, customerId, req.ip));
    },
  );
}
