import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, langQuery } from '../../lib/schemas';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { sendXlsx } from '../../http/upload';
import { ROLES } from '../auth/roles';
import { createUserBody, listUsersQuery, updateUserBody } from './user.schemas';
import * as service from './user.service';

const ADMINS = ['admin'];

export function userRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  r.get(
    '/api/roles',
    { config: { roles: 'any' }, schema: { tags, summary: 'The roles a user may hold' } },
    async () => ROLES,
  );

  r.get(
    '/api/users',
    {
      config: { roles: ADMINS },
      schema: { tags, summary: 'Users of the current company', querystring: listUsersQuery },
    },
    async (req) => service.listUsers(ctx.db, actorOf(req), req.query),
  );

  r.get(
    '/api/users/export.xlsx',
    {
      config: { roles: ADMINS },
      schema: { tags, summary: 'Export users to Excel in the request language (or lang)', querystring: langQuery },
    },
    async (req, reply) =>
      sendXlsx(reply, 'users.xlsx', await service.exportUsers(ctx.db, actorOf(req), req.query.lang ?? req.lang)),
  );

  r.post(
    '/api/users',
    {
      config: { roles: ADMINS },
      schema: { tags, summary: 'Create a user in the current company', body: createUserBody },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply
        .status(201)
        .send(await ctx.db.transaction().execute((trx) => service.createUser(trx, actor, actor.companyId, req.body)));
    },
  );

  r.patch(
    '/api/users/:id',
    {
      config: { roles: ADMINS },
      schema: { tags, summary: 'Change name, password, roles or deactivate', params: idParams, body: updateUserBody },
    },
    async (req) =>
      ctx.db.transaction().execute((trx) => service.updateUser(trx, actorOf(req), envOf(ctx), req.params.id, req.body)),
  );
}
