import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate } from '../../lib/schema';
import { fixedOrderPageQuery, idParams, pageQuery, text } from '../../lib/schemas';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { sendPdf, sendXlsx } from '../../http/upload';
import { todayOf } from '../../lib/local-date';
import {
  BUCKETS,
  exportAging,
  exportInvoices,
  exportReceivables,
  INVOICE_TYPES,
  listAging,
  listInvoices,
  listReceivables,
} from './finance-lists';
import { statement, statementForm } from './statement';
import { listStatements } from './monthly-statements';
import { formHtml, formXlsx } from '../../lib/printable';
import { formToPdf } from '../../lib/pdf';
import { printContextOf } from '../companies/print-context';

const lang = z.enum(['zh-CN', 'en']).optional();
const range = {
  customer: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: text(100).optional(),
};
/** Each list's filter is shared by the list and its export. */
const invoiceFilter = { ...range, type: z.enum(INVOICE_TYPES).optional() };
const receivableFilter = { ...range, bucket: z.enum(BUCKETS).optional(), open: z.enum(['true', 'false']).optional() };
const invoiceFilterOf = (q: {
  customer?: string;
  from?: string;
  to?: string;
  type?: (typeof INVOICE_TYPES)[number];
  q?: string;
}) => ({
  customerId: q.customer,
  from: q.from,
  to: q.to,
  type: q.type,
  q: q.q,
});
const receivableFilterOf = (q: {
  customer?: string;
  from?: string;
  to?: string;
  bucket?: (typeof BUCKETS)[number];
  open?: 'true' | 'false';
  q?: string;
}) => ({ customerId: q.customer, from: q.from, to: q.to, bucket: q.bucket, open: q.open === 'true', q: q.q });

export function receivableRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['receivables'];
  const today = () => todayOf(envOf(ctx));
  r.get(
    '/api/receivables',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary:
          'Receivables with outstanding amount and aging bucket, one page (customer, due from/to, bucket, open, q)',
        querystring: fixedOrderPageQuery.extend(receivableFilter),
      },
    },
    async (req) => listReceivables(ctx.db, actorOf(req), today(), receivableFilterOf(req.query), req.query),
  );
  r.get(
    '/api/receivables/export.xlsx',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Export the receivables to Excel as the filter shows them',
        querystring: z.object({ ...receivableFilter, lang }),
      },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        'receivables.xlsx',
        await exportReceivables(
          ctx.db,
          actorOf(req),
          today(),
          receivableFilterOf(req.query),
          req.query.lang ?? req.lang,
        ),
      ),
  );
  r.get(
    '/api/receivables/aging',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Outstanding per customer in aging buckets (0–30, 31–60, 61–90, >90 days), one page',
        querystring: fixedOrderPageQuery.extend({ customer: z.uuid().optional() }),
      },
    },
    async (req) => listAging(ctx.db, actorOf(req), today(), req.query.customer, req.query),
  );
  r.get(
    '/api/receivables/aging/export.xlsx',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Export the aging to Excel as the filter shows it',
        querystring: z.object({ customer: z.uuid().optional(), q: text(100).optional(), lang }),
      },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        'aging.xlsx',
        await exportAging(
          ctx.db,
          actorOf(req),
          today(),
          { customerId: req.query.customer, q: req.query.q },
          req.query.lang ?? req.lang,
        ),
      ),
  );
  r.get(
    '/api/invoices',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary:
          'Invoices recorded at completion, newest first unless sorted, one page (customer, issued from/to, type, q)',
        querystring: pageQuery.extend(invoiceFilter),
      },
    },
    async (req) => listInvoices(ctx.db, actorOf(req), invoiceFilterOf(req.query), req.query),
  );
  r.get(
    '/api/invoices/export.xlsx',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Export the invoices to Excel as the filter shows them',
        querystring: z.object({ ...invoiceFilter, lang }),
      },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        'invoices.xlsx',
        await exportInvoices(ctx.db, actorOf(req), invoiceFilterOf(req.query), req.query.lang ?? req.lang),
      ),
  );
  r.get(
    '/api/statements',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: '月结 statements issued to customers, newest period first',
        querystring: z.object({ customer: z.uuid().optional() }),
      },
    },
    async (req) => listStatements(ctx.db, actorOf(req), req.query.customer),
  );
  r.get(
    '/api/customers/:id/statement',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Statement of account (对账单) for a period; ?format=json|html (printable)|xlsx|pdf',
        params: idParams,
        querystring: z.object({
          from: isoDate,
          to: isoDate,
          format: z.enum(['json', 'html', 'xlsx', 'pdf']).default('json'),
        }),
      },
    },
    async (req, reply) => {
      const print = await printContextOf(ctx, req);
      const s = await statement(
        ctx.db,
        actorOf(req),
        req.params.id,
        req.query.from,
        req.query.to,
        print.lang,
        todayOf(envOf(ctx)),
      );
      if (req.query.format === 'json') return s;
      const form = statementForm(s, print);
      if (req.query.format === 'html') return reply.type('text/html; charset=utf-8').send(formHtml(form));
      if (req.query.format === 'pdf') return sendPdf(reply, 'statement.pdf', await formToPdf(form));
      return sendXlsx(reply, 'statement.xlsx', await formXlsx(form));
    },
  );
}
