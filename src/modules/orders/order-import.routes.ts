import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, langQuery } from '../../lib/schemas';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { readUpload, sendXlsx } from '../../http/upload';
import { createImportJob, getImportJob, IMPORT_QUEUE, runImportJob } from '../imports/import-job.service';
import { importOrderRows, importOrders } from './order-import';
import { orderImportTemplate, orderRowsCsv, readOrderFile } from './order-import.sheet';

const REGISTRARS = ['sales_assistant'];
/** Up to this many lines a file is imported while the request waits; a larger one runs as a job. */
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
        summary:
          'Import orders from xlsx or CSV (UTF-8/GBK), all rows or none (200 or 422 errors; large file: 202 job)',
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) => {
      const upload = await readUpload(req);
      const actor = actorOf(req);
      const env = envOf(ctx);
      const opts = { lang: req.lang, now: env.now, timeZone: env.workingHours.timeZone };
      // Read once: a small file is imported from what was read, a large one's rows are kept for its job as CSV.
      const read = await readOrderFile(upload.data, req.lang);
      const total = read.rows.length;
      if (total <= SYNC_IMPORT_LINES) return importOrderRows(ctx.db, actor, read, opts);
      const file = orderRowsCsv(read, req.lang);
      const jobId = await createImportJob(ctx.db, actor, {
        kind: 'orders',
        lang: req.lang,
        filename: upload.filename,
        total,
        file,
        now: env.now,
      });
      await queueImport(ctx, jobId);
      return reply.status(202).send({ jobId, total });
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
