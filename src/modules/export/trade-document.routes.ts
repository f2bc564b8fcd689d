import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../lib/schemas';
import { actorOf, type AppContext } from '../../http/context';
import { formXlsx } from '../../lib/printable';
import { formToPdf } from '../../lib/pdf';
import { sendXlsx } from '../../http/upload';
import { printContextOf } from '../companies/print-context';
import { commercialInvoice, packingList } from './trade-documents';

/** GET /api/shipments/:id/commercial-invoice and /packing-list, ?format=pdf|xlsx (English). */
export function tradeDocumentRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const DOCS = { 'commercial-invoice': commercialInvoice, 'packing-list': packingList };
  for (const [path, build] of Object.entries(DOCS)) {
    r.get(
      `/api/shipments/:id/${path}`,
      {
        config: { roles: 'any' },
        schema: {
          tags: ['export'],
          summary:
            `${path === 'commercial-invoice' ? 'Commercial invoice' : 'Packing list'}` +
            ' of the shipment (English), ?format=pdf|xlsx',
          params: idParams,
          querystring: z.object({ format: z.enum(['pdf', 'xlsx']).default('pdf') }),
        },
      },
      async (req, reply) => {
        const form = await build(ctx.db, actorOf(req), req.params.id, await printContextOf(ctx, req));
        if (req.query.format === 'xlsx') return sendXlsx(reply, `${path}.xlsx`, await formXlsx(form));
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${path}.pdf"`)
          .send(await formToPdf(form));
      },
    );
  }
}
