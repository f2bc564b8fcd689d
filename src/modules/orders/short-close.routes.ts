import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, requiredText } from '../../lib/schemas';
import { actorOf, envOf, type AppContext } from '../../http/context';
import type { ReleaseHolds } from './cancel-order';
import { shortCloseOrder, type PaidOnOrder } from './short-close-order';

const SHORT_CLOSERS = ['order_admin', 'sales_director'];

export function shortCloseRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  deps: { releaseHolds: ReleaseHolds; paidOnOrder: PaidOnOrder },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/orders/:id/short-close',
    {
      config: { roles: SHORT_CLOSERS },
      schema: {
        tags: ['orders'],
        summary: 'Short-close a partly shipped order (短结): release the rest, end with what shipped, with a reason',
        params: idParams,
        body: z.object({ reason: requiredText(500) }).strict(),
      },
    },
    async (req) =>
      ctx.db
        .transaction()
        .execute((trx) => shortCloseOrder(trx, actorOf(req), envOf(ctx), req.params.id, req.body.reason, deps)),
  );
}
