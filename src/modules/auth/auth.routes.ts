import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requiredText } from '../../lib/schemas';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { SESSION_COOKIE } from './auth.plugin';
import * as service from './auth.service';

const loginBody = z
  .object({
    username: requiredText(40),
    password: z.string().min(1).max(200),
    /** token (default): a bearer token for API clients; cookie: an HTTP-only session cookie for the web app. */
    mode: z.enum(['token', 'cookie']).default('token'),
    companyId: z.uuid().optional(),
  })
  .strict();

export function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  r.post(
    '/api/auth/login',
    { config: { roles: 'public' }, schema: { tags, summary: 'Log in', body: loginBody } },
    async (req, reply) => {
      const client = { address: req.ip, now: envOf(ctx).now };
      const { token, csrfToken, passwordChangeRequired } = await service.login(
        ctx.db,
        { ...req.body, kind: req.body.mode },
        client,
      );
      const changeNotice = passwordChangeRequired ? { passwordChangeRequired } : {};
      if (req.body.mode === 'token') return { token, ...changeNotice };
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: ctx.config.cookieSecure,
      });
      return { csrfToken, ...changeNotice };
    },
  );

  r.post(
    '/api/auth/logout',
    { config: { roles: 'any' }, schema: { tags, summary: 'Log out (revokes the session)' } },
    async (req, reply) => {
      await service.logout(ctx.db, actorOf(req), envOf(ctx).now);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  r.get(
    '/api/auth/me',
    { config: { roles: 'any' }, schema: { tags, summary: 'The current user, company, roles and companies' } },
    async (req) => service.whoAmI(ctx.db, actorOf(req)),
  );

  r.post(
    '/api/auth/password',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Change your own password (required first after logging in with a one-time password)',
        body: z
          .object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(8).max(200) })
          .strict(),
      },
    },
    async (req) =>
      ctx.db.transaction().execute((trx) => service.changeOwnPassword(trx, actorOf(req), req.body, envOf(ctx).now)),
  );

  r.post(
    '/api/auth/company',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Switch the session to another company',
        body: z.object({ companyId: z.uuid() }).strict(),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await service.switchCompany(ctx.db, actor, req.body.companyId);
      return service.whoAmI(ctx.db, { ...actor, companyId: req.body.companyId });
    },
  );
}
