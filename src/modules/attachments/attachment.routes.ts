import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../lib/schemas';
import { actorOf, type AppContext } from '../../http/context';
import { DOWNLOAD_POLICY } from '../../http/security-headers';
import { downloadType, getAttachment, previewPolicy } from './attachment.service';

const downloadQuery = z.object({ inline: z.enum(['1', 'true']).optional() }).strict();

export function attachmentRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/attachments/:id',
    {
      config: { roles: 'any' },
      schema: {
        tags: ['attachments'],
        summary: 'Download an attachment (inline=1 shows an image or a PDF in the browser)',
        params: idParams,
        querystring: downloadQuery,
      },
    },
    // A download, never rendered in the app's origin: HTML or SVG cannot run script here. Only raster images and
    // PDFs may be shown inline, for a preview in a new tab.
    async (req, reply) => {
      const a = await getAttachment(ctx.db, actorOf(req), req.params.id);
      const type = downloadType(a.contentType);
      const preview = req.query.inline ? previewPolicy(type) : undefined;
      const disposition = preview ? 'inline' : 'attachment';
      return reply
        .header('content-type', type)
        .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
        .header('content-security-policy', preview ?? DOWNLOAD_POLICY)
        .header('cache-control', 'private, no-store')
        .send(a.data);
    },
  );
}
