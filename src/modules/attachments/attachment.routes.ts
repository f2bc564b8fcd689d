import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../lib/schemas';
import { actorOf, type AppContext } from '../../http/context';
import { DOWNLOAD_POLICY } from '../../http/security-headers';
import { downloadType, getAttachment } from './attachment.service';

export function attachmentRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/attachments/:id',
    {
      config: { roles: 'any' },
      schema: { tags: ['attachments'], summary: 'Download an attachment', params: idParams },
    },
    // Always a download, never rendered in the app's origin: HTML or SVG cannot run script here.
    async (req, reply) => {
      const a = await getAttachment(ctx.db, actorOf(req), req.params.id);
      return reply
        .header('content-type', downloadType(a.contentType))
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
        .header('content-security-policy', DOWNLOAD_POLICY)
        .header('cache-control', 'private, no-store')
        .send(a.data);
    },
  );
}
