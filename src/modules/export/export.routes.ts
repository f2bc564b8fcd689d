import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate } from '../../lib/schema';
import { idParams, moneyString, requiredText, text } from '../../lib/schemas';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { amendLc, checkLc, getLc, listLcs, receiveLc } from './lc.service';
import { LC_CHECKERS } from './lc.machine';
import { INSPECTION_BOOKERS, INSPECTION_STATES } from './inspection.machine';
import { bookInspection, listInspections, recordInspectionResult, waiveInspection } from './inspections';
import { listRates, setRate } from '../settings/exchange-rates';
import { tradeDocumentRoutes } from './trade-document.routes';

const currency = z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code, e.g. USD');
const rate = z.string().regex(/^\d{1,12}(\.\d{1,6})?$/, 'RMB per unit with at most 6 decimals, e.g. "7.123456"');
const documents = z.array(requiredText(200)).max(50);
const lcTerms = {
  amount: moneyString,
  currency,
  expiryDate: isoDate,
  latestShipmentDate: isoDate,
  documentsRequired: documents.default([]),
};
const shipBeforeExpiry = (b: { expiryDate?: string; latestShipmentDate?: string }) =>
  !b.expiryDate || !b.latestShipmentDate || b.latestShipmentDate <= b.expiryDate;
const shipBeforeExpiryMessage = { message: 'must be on or before expiryDate', path: ['latestShipmentDate'] };

export function exportRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['export'];
  const tx = <T>(fn: (trx: typeof ctx.db) => Promise<T>) => ctx.db.transaction().execute(fn);

  r.get(
    '/api/exchange-rates',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Exchange rates (RMB per unit), newest first',
        querystring: z.object({ currency: currency.optional() }),
      },
    },
    async (req) => listRates(ctx.db, actorOf(req), req.query.currency),
  );
  r.post(
    '/api/exchange-rates',
    {
      config: { roles: ['admin', 'finance'] },
      schema: {
        tags,
        summary: 'Set the rate of a currency on a day (replaces that day’s rate)',
        body: z.object({ currency, rateDate: isoDate, rate }).strict(),
      },
    },
    async (req, reply) => reply.status(201).send(await tx((trx) => setRate(trx, actorOf(req), req.body))),
  );

  r.post(
    '/api/export/letters-of-credit',
    {
      config: { roles: LC_CHECKERS },
      schema: {
        tags,
        summary: 'Record a letter of credit as received (version 1, to be checked)',
        body: z
          .object({ orderId: z.uuid(), number: requiredText(60), receivedOn: isoDate, ...lcTerms })
          .strict()
          .refine(shipBeforeExpiry, shipBeforeExpiryMessage),
      },
    },
    async (req, reply) => reply.status(201).send(await tx((trx) => receiveLc(trx, actorOf(req), req.body))),
  );
  r.get(
    '/api/export/letters-of-credit',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Letters of credit with their current version',
        querystring: z.object({ orderId: z.uuid().optional() }),
      },
    },
    async (req) => listLcs(ctx.db, actorOf(req), envOf(ctx), req.query.orderId, req.lang),
  );
  r.get(
    '/api/export/letters-of-credit/:id',
    { config: { roles: 'any' }, schema: { tags, summary: 'A letter of credit with every version', params: idParams } },
    async (req) => getLc(ctx.db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/export/letters-of-credit/:id/check',
    {
      config: { roles: LC_CHECKERS },
      schema: {
        tags,
        summary: 'Check the current version against the contract: no discrepancies is OK',
        params: idParams,
        body: z.object({ discrepancies: documents.default([]) }).strict(),
      },
    },
    async (req) => tx((trx) => checkLc(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
  r.post(
    '/api/export/letters-of-credit/:id/amend',
    {
      config: { roles: LC_CHECKERS },
      schema: {
        tags,
        summary: 'Record an amendment: a new version, to be checked again',
        params: idParams,
        body: z
          .object({
            amount: moneyString.optional(),
            currency: currency.optional(),
            expiryDate: isoDate.optional(),
            latestShipmentDate: isoDate.optional(),
            documentsRequired: documents.optional(),
            note: text(500).default(''),
          })
          .strict()
          .refine(shipBeforeExpiry, shipBeforeExpiryMessage),
      },
    },
    async (req) => tx((trx) => amendLc(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );

  r.get(
    '/api/inspections',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Inspections (验货), newest booking first',
        querystring: z.object({ orderId: z.uuid().optional(), status: z.enum(INSPECTION_STATES).optional() }),
      },
    },
    async (req) => listInspections(ctx.db, actorOf(req), envOf(ctx), req.query, req.lang),
  );
  r.post(
    '/api/inspections',
    {
      config: { roles: INSPECTION_BOOKERS },
      schema: {
        tags,
        summary: 'Book an inspection (or a re-inspection) of an export order',
        body: z
          .object({
            orderId: z.uuid(),
            bookedFor: isoDate,
            inspector: text(100).default(''),
            note: text(500).default(''),
          })
          .strict(),
      },
    },
    async (req, reply) => reply.status(201).send(await tx((trx) => bookInspection(trx, actorOf(req), req.body))),
  );
  r.post(
    '/api/inspections/:id/result',
    {
      config: { roles: INSPECTION_BOOKERS },
      schema: {
        tags,
        summary: 'Record the inspection result',
        params: idParams,
        body: z.object({ result: z.enum(['passed', 'failed']), note: text(1000).default('') }).strict(),
      },
    },
    async (req) => tx((trx) => recordInspectionResult(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
  r.post(
    '/api/orders/:id/inspection-waiver',
    {
      config: { roles: ['general_manager'] },
      schema: {
        tags,
        summary: 'The general manager lets an export order ship without a passed inspection',
        params: idParams,
        body: z.object({ reason: requiredText(500) }).strict(),
      },
    },
    async (req) => tx((trx) => waiveInspection(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
  tradeDocumentRoutes(app, ctx);
}
