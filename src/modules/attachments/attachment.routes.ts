import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../lib/schemas';
import { actorOf, type AppContext } from '../../http/context';
import { getAttachment } from './attachment.service';

export function attachmentRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/attachments/:id',
    {
      config: { roles: 'any' },
      schema: { tags: ['attachments'], summary: 'Download an attachment', params: idParams },
    },
    async (req, reply) => {
      const a = await getAttachment(ctx.db, actorOf(req), req.params.id);
      return reply
        .header('content-type', a.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
        .send(a.data);
    },
  );
}
