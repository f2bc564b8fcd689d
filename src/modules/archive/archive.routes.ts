import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate } from '../../lib/schema';
import { idParams, langQuery, pageQuery } from '../../lib/schemas';
import { renderPdf } from '../../lib/pdf';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { sendPdf } from '../../http/upload';
import { printContextOf } from '../companies/print-context';
import { buildDossier } from './dossier';
import { dossierZip } from './dossier-zip';
import { searchArchive } from './archive.service';

const tags = ['archive'];

export function archiveRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/orders/:id/dossier',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: "The order's dossier (订单档案) as one PDF; ?format=zip adds every original upload",
        params: idParams,
        querystring: langQuery.extend({ format: z.enum(['pdf', 'zip']).default('pdf') }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      // A download link names its language (?lang=); otherwise the request's.
      const print = { ...(await printContextOf(ctx, req)), lang: req.query.lang ?? req.lang };
      const d = await buildDossier(ctx.db, actor, envOf(ctx), req.params.id, print);
      const pdf = await renderPdf(d.doc);
      if (req.query.format === 'pdf') return sendPdf(reply, `dossier-${d.number}.pdf`, pdf);
      const zip = dossierZip(ctx.db, actor, d.number, pdf, d.files);
      zip.on('error', (err: Error) => req.log.error(err, 'dossier zip failed'));
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="dossier-${d.number}.zip"`)
        .send(zip);
    },
  );
  r.get(
    '/api/archive',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary:
          'Archived orders (订单档案): q matches number, customer, product name or code; from/to on the finish day',
        querystring: pageQuery.extend({ from: isoDate.optional(), to: isoDate.optional() }),
      },
    },
    async (req) => {
      const { q, from, to, ...page } = req.query;
      return searchArchive(ctx.db, actorOf(req), { q, from, to }, { ...page, q }, envOf(ctx).workingHours.timeZone);
    },
  );
}
