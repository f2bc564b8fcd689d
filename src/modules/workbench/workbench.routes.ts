import type { FastifyInstance } from 'fastify';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { workbench } from './workbench.service';

export function workbenchRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/api/workbench',
    {
      config: { roles: 'any' },
      schema: {
        tags: ['workbench'],
        summary: "The user's to-dos with counts and the list each opens, latest notifications, the month's figures",
      },
    },
    async (req) => workbench(ctx.db, actorOf(req), envOf(ctx)),
  );
}
