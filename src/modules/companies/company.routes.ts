import type { FastifyInstance } from 'fastify';
import { actorOf, type AppContext } from '../../http/context';
import { listMemberships } from '../auth/auth.repository';

export function companyRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/api/companies',
    {
      config: { roles: 'any' },
      schema: { tags: ['companies'], summary: 'The companies (legal entities) the user belongs to' },
    },
    async (req) =>
      (await listMemberships(ctx.db, actorOf(req).userId)).map((m) => ({
        id: m.companyId,
        code: m.code,
        name: m.name,
        roles: m.roles,
      })),
  );
}
