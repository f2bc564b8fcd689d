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
        description: 'Admins also get `backup`: the last successful backup, and a failure that came after it.',
      },
    },
    async (req) => workbench(ctx.db, actorOf(req), envOf(ctx), { backupScheduled: ctx.engine === 'pglite' }),
  );
}
