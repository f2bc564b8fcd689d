import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, langQuery } from '../../lib/schemas';
import { readXlsx } from '../../lib/excel';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { readUpload, sendXlsx } from '../../http/upload';
import { createImportJob, getImportJob, IMPORT_QUEUE, runImportJob } from '../imports/import-job.service';
import { importOrders } from './order-import';
import { importColumns, orderImportTemplate } from './order-import.sheet';

const REGISTRARS = ['sales_assistant'];
/** Up to this many lines a sheet is imported while the request waits; a larger one runs as a job. */
export const SYNC_IMPORT_LINES = 500;

export function orderImportRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['orders'];

  r.get(
    '/api/orders/import/template',
    {
      config: { roles: REGISTRARS },
      schema: {
        tags,
        summary: 'The order import sheet (headers in the request language, or lang)',
        querystring: langQuery,
      },
    },
    async (req, reply) => sendXlsx(reply, 'order-import.xlsx', await orderImportTemplate(req.query.lang ?? req.lang)),
  );

  r.post(
    '/api/orders/import',
    {
      config: { roles: REGISTRARS },
      schema: {
        tags,
        summary: 'Import orders from Excel, all rows or none (200 result or 422 errors; a large sheet: 202 job)',
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) => {
      const upload = await readUpload(req);
      const actor = actorOf(req);
      const env = envOf(ctx);
      const opts = { lang: req.lang, now: env.now, timeZone: env.workingHours.timeZone };
      const { rows } = await readXlsx(upload.data, importColumns(req.lang));
      if (rows.length <= SYNC_IMPORT_LINES) return importOrders(ctx.db, actor, upload.data, opts);
      const jobId = await createImportJob(ctx.db, actor, {
        kind: 'orders',
        lang: req.lang,
        filename: upload.filename,
        total: rows.length,
        file: upload.data,
        now: env.now,
      });
      await queueImport(ctx, jobId);
      return reply.status(202).send({ jobId, total: rows.length });
    },
  );

  r.get(
    '/api/orders/import/:id',
    {
      config: { roles: REGISTRARS },
      schema: {
        tags,
        summary: 'An order import job: status, progress (done of total), errors or result',
        params: idParams,
      },
    },
    async (req) => getImportJob(ctx.db, actorOf(req), req.params.id),
  );
}

/** To the job queue; an app running without jobs (a command, a test) runs it in this process instead. */
async function queueImport(ctx: AppContext, jobId: string) {
  if (ctx.jobs) return void (await ctx.jobs.send(IMPORT_QUEUE, { id: jobId }));
  const now = () => envOf(ctx).now;
  setImmediate(
    () =>
      void runImportJob(ctx.db, jobId, { orders: importOrders }, now, ctx.config.workHours.timeZone).catch(
        () => undefined,
      ),
  );
}
