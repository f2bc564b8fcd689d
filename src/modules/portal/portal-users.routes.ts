import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, requiredText, text } from '../../lib/schemas';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { invitePortalUser, listCustomerPortalUsers } from './portal-users';

/** Who invites a customer's contacts to the portal: sales (admins always may). */
export const PORTAL_INVITERS = ['sales_assistant', 'sales_director', 'customer_service'];

const inviteBody = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-zA-Z0-9._-]{3,40}$/, '3–40 letters, digits, . _ or -'),
    displayName: requiredText(50),
    phone: text(30).optional(),
    email: z.email().max(200).optional(),
    password: z.string().min(8).max(200).optional(),
  })
  .strict();

export function portalUserRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['portal'];

  r.post(
    '/api/customers/:id/portal-users',
    {
      config: { roles: PORTAL_INVITERS },
      schema: {
        tags,
        summary: "Invite a customer's contact to the portal; answers the one-time password when none was given",
        params: idParams,
        body: inviteBody,
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const user = await ctx.db
        .transaction()
        .execute((trx) => invitePortalUser(trx, actor, envOf(ctx), req.params.id, req.body));
      return reply.status(201).send(user);
    },
  );

  r.get(
    '/api/customers/:id/portal-users',
    {
      config: { roles: PORTAL_INVITERS },
      schema: { tags, summary: "The customer's portal logins", params: idParams },
    },
    async (req) => listCustomerPortalUsers(ctx.db, actorOf(req), req.params.id),
  );
}
