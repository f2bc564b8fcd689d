import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate } from '../../lib/schema';
import { idParams, moneyString, pageQuery, requiredText, text } from '../../lib/schemas';
import { actorOf, envOf, type AppContext } from '../../http/context';
import {
  applyReceipt,
  getCustomerBalance,
  getReceipt,
  listReceipts,
  orderPayment,
  recordReceipt,
  reverseReceipt,
} from './payment.service';
import { listLettersOfCredit, recordLetterOfCredit } from './letters-of-credit';
import { exportReceipts, RECEIPT_METHODS } from './receipt-export';
import { sendXlsx } from '../../http/upload';

const FINANCE = ['finance'];
const signedMoney = z
  .string()
  .regex(/^-?\d{1,16}(\.\d{1,2})?$/, 'an amount with at most 2 decimals')
  .refine((s) => !/^-?0+(\.0+)?$/.test(s), 'must not be zero');
const application = z.object({ orderId: z.uuid(), amount: signedMoney }).strict();
/** The receipts list's filter, shared by the list and its export. */
const receiptFilter = {
  customer: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  method: z.enum(RECEIPT_METHODS).optional(),
  q: text(100).optional(),
};
const receiptFilterOf = (q: { customer?: string; from?: string; to?: string; method?: string; q?: string }) => ({
  customerId: q.customer,
  from: q.from,
  to: q.to,
  method: q.method,
  q: q.q,
});

export function paymentRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['payments'];
  const tx = <T>(fn: (trx: typeof ctx.db) => Promise<T>) => ctx.db.transaction().execute(fn);

  r.get(
    '/api/receipts',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Receipts, newest first unless sorted, one page (customer, received from/to, method, q)',
        querystring: pageQuery.extend(receiptFilter),
      },
    },
    async (req) => listReceipts(ctx.db, actorOf(req), receiptFilterOf(req.query), req.query, req.lang),
  );
  r.get(
    '/api/receipts/export.xlsx',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Export the receipts to Excel as the filter shows them, in the request language (or lang)',
        querystring: z.object({ ...receiptFilter, lang: z.enum(['zh-CN', 'en']).optional() }),
      },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        'receipts.xlsx',
        await exportReceipts(ctx.db, actorOf(req), receiptFilterOf(req.query), req.query.lang ?? req.lang),
      ),
  );
  r.post(
    '/api/receipts',
    {
      config: { roles: FINANCE },
      schema: {
        tags,
        summary: 'Record a receipt and apply it to orders; the rest is the customer balance',
        body: z
          .object({
            customerId: z.uuid(),
            amount: moneyString.refine((s) => !/^0+(\.0+)?$/.test(s), 'must not be zero'),
            currency: z
              .string()
              .regex(/^[A-Z]{3}$/, 'a three-letter currency code, e.g. USD')
              .optional()
              .describe('The currency received (one of the export.currencies setting); RMB when absent'),
            exchangeRate: z
              .string()
              .regex(/^\d{1,12}(\.\d{1,6})?$/, 'RMB per unit with at most 6 decimals, e.g. "7.123456"')
              .refine((s) => Number(s) > 0, 'must be above zero')
              .optional()
              .describe("The bank's RMB rate; the company's rate of the day received when absent"),
            receivedOn: isoDate,
            method: z.enum(RECEIPT_METHODS),
            reference: text(100).default(''),
            applications: z
              .array(z.object({ orderId: z.uuid(), amount: moneyString }).strict())
              .max(100)
              .default([]),
          })
          .strict(),
      },
    },
    async (req, reply) => reply.status(201).send(await tx((trx) => recordReceipt(trx, actorOf(req), req.body))),
  );
  r.get(
    '/api/receipts/:id',
    { config: { roles: 'any' }, schema: { tags, summary: 'One receipt with its applications', params: idParams } },
    async (req) => getReceipt(ctx.db, actorOf(req), req.params.id, req.lang),
  );
  r.post(
    '/api/receipts/:id/apply',
    {
      config: { roles: FINANCE },
      schema: {
        tags,
        summary: 'Apply (or, negative, unapply) part of a receipt to an order',
        params: idParams,
        body: application,
      },
    },
    async (req) =>
      tx(async (trx) => {
        await applyReceipt(trx, actorOf(req), req.params.id, req.body);
        return getReceipt(trx, actorOf(req), req.params.id, req.lang);
      }),
  );
  r.post(
    '/api/receipts/:id/reverse',
    {
      config: { roles: FINANCE },
      schema: {
        tags,
        summary: 'Reverse a receipt with a reversing entry',
        params: idParams,
        body: z.object({ reason: requiredText(200) }).strict(),
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await tx((trx) => reverseReceipt(trx, actorOf(req), req.params.id, req.body.reason, req.lang))),
  );
  r.get(
    '/api/customers/:id/balance',
    {
      config: { roles: 'any' },
      schema: { tags, summary: 'Unapplied money of the customer (overpayment)', params: idParams },
    },
    async (req) => getCustomerBalance(ctx.db, actorOf(req), req.params.id),
  );
  r.get(
    '/api/letters-of-credit',
    {
      config: { roles: 'any' },
      schema: { tags, summary: 'Recorded letters of credit, newest first, with validity today' },
    },
    async (req) => listLettersOfCredit(ctx.db, actorOf(req), envOf(ctx)),
  );
  r.post(
    '/api/orders/:id/letters-of-credit',
    {
      config: { roles: FINANCE },
      schema: {
        tags,
        summary: 'Record a checked letter of credit',
        params: idParams,
        body: z
          .object({
            number: requiredText(60),
            amount: moneyString,
            expiryDate: isoDate,
            latestShipmentDate: isoDate,
          })
          .strict(),
      },
    },
    async (req, reply) => {
      await tx((trx) => recordLetterOfCredit(trx, actorOf(req), req.params.id, req.body));
      return reply.status(201).send({ ok: true });
    },
  );
  r.get(
    '/api/orders/:id/payment',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Paid, allowed and owed amounts and the payment gates with what each waits for',
        params: idParams,
      },
    },
    async (req) => orderPayment(ctx.db, actorOf(req), envOf(ctx), req.params.id, req.lang),
  );
}
