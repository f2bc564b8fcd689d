import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate } from '../../lib/schema';
import { idParams } from '../../lib/schemas';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { sendXlsx } from '../../http/upload';
import { todayOf } from '../../lib/local-date';
import { aging, openReceivables } from './receivable.service';
import { statement, statementForm } from './statement';
import { listStatements } from './monthly-statements';
import { formHtml, formXlsx } from '../../lib/printable';
import { printContextOf } from '../../http/print-context';

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
        summary: 'Receivables with outstanding amount and aging bucket',
        querystring: z.object({ customer: z.uuid().optional(), open: z.enum(['true', 'false']).optional() }),
      },
    },
    async (req) =>
      (await openReceivables(ctx.db, actorOf(req).companyId, today(), req.query.customer)).filter(
        (x) => req.query.open !== 'true' || x.bucket !== 'paid',
      ),
  );
  r.get(
    '/api/receivables/aging',
    {
      config: { roles: 'any' },
      schema: { tags, summary: 'Outstanding per customer in aging buckets (0–30, 31–60, 61–90, >90 days)' },
    },
    async (req) => aging(ctx.db, actorOf(req), today()),
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
        summary: 'Statement of account (对账单) for a period; ?format=json|html (printable)|xlsx',
        params: idParams,
        querystring: z.object({
          from: isoDate,
          to: isoDate,
          format: z.enum(['json', 'html', 'xlsx']).default('json'),
        }),
      },
    },
    async (req, reply) => {
      const s = await statement(ctx.db, actorOf(req), req.params.id, req.query.from, req.query.to);
      if (req.query.format === 'json') return s;
      const form = statementForm(s, await printContextOf(ctx, req));
      if (req.query.format === 'html') return reply.type('text/html; charset=utf-8').send(formHtml(form));
      return sendXlsx(reply, 'statement.xlsx', await formXlsx(form));
    },
  );
}
