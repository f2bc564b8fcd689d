import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { sendXlsx } from '../../http/upload';
import { isoDate } from '../../lib/schema';
import { printContextOf } from '../companies/print-context';
import { FIGURE_KEYS } from './report.labels';
import { reportPdf, reportXlsx } from './report.documents';
import { figureOrders, kpis, monthlyReport, rebuildMonthlyReport } from './report.service';

// 模板4 月度订单分析报表, its drill-down to orders, and the KPIs of any period.
const READERS = ['sales_director', 'general_manager', 'order_admin', 'finance'];
const REBUILDERS = ['sales_director', 'general_manager', 'order_admin'];
const month = z.string().regex(/^(19|2\d)\d{2}-(0[1-9]|1[0-2])$/, 'YYYY-MM, 1900-01 to 2999-12');

export function reportRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  r.get(
    '/api/reports/monthly',
    {
      config: { roles: READERS },
      schema: {
        tags,
        summary: 'The monthly order analysis (模板4) of a month: JSON, or ?format=xlsx|pdf with every definition',
        querystring: z.object({
          month,
          format: z.enum(['json', 'xlsx', 'pdf']).default('json'),
          lang: z.enum(['zh-CN', 'en']).optional(),
        }),
      },
    },
    async (req, reply) => {
      const report = await monthlyReport(ctx.db, actorOf(req), envOf(ctx), req.query.month);
      if (req.query.format === 'json') return report;
      const print = { ...(await printContextOf(ctx, req)), lang: req.query.lang ?? req.lang };
      const name = `monthly-report-${report.month}`;
      if (req.query.format === 'xlsx') return sendXlsx(reply, `${name}.xlsx`, await reportXlsx(report, print.lang));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}.pdf"`)
        .send(await reportPdf(report, print));
    },
  );
  r.post(
    '/api/reports/monthly/rebuild',
    {
      config: { roles: REBUILDERS },
      schema: {
        tags,
        summary: 'Build a closed month again and replace its snapshot',
        body: z.object({ month }).strict(),
      },
    },
    async (req) => rebuildMonthlyReport(ctx.db, actorOf(req), envOf(ctx), req.body.month),
  );
  r.get(
    '/api/reports/monthly/orders',
    {
      config: { roles: READERS },
      schema: {
        tags,
        summary: 'The orders behind a figure of the month (drill-down), one page',
        querystring: z.object({
          month,
          figure: z.enum(FIGURE_KEYS),
          page: z.coerce.number().int().min(1).max(100_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(500).default(20),
        }),
      },
    },
    async (req) => {
      const { month: m, figure, ...page } = req.query;
      return figureOrders(ctx.db, actorOf(req), envOf(ctx), m, figure, page);
    },
  );
  r.get(
    '/api/kpis',
    {
      config: { roles: READERS },
      schema: {
        tags,
        summary:
          'KPIs of the orders registered from..to (both included), by clerk, department, region, customer or product',
        querystring: z.object({
          from: isoDate,
          to: isoDate,
          groupBy: z.enum(['clerk', 'department', 'region', 'customer', 'product']),
        }),
      },
    },
    async (req) => kpis(ctx.db, actorOf(req), envOf(ctx), req.query),
  );
}
