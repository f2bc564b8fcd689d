import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, pickLang } from '../../lib/errors';
import { hasRole, isCustomerOnly, PORTAL_REACHABLE } from './roles';
import { resolveSession } from './auth.service';
import { envOf, type AppContext } from '../../http/context';

export const SESSION_COOKIE = 'luyue_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** What a session with a one-time password may still call: everything else answers PASSWORD_CHANGE_REQUIRED. */
const OPEN_BEFORE_PASSWORD_CHANGE = new Set(['/api/auth/me', '/api/auth/logout', '/api/auth/password']);

function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

// Who is calling: a bearer token (API clients) or the session cookie (web app, CSRF-checked
// on unsafe methods). Every /api route declares its roles; a route without them fails start-up.
export function registerAuth(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('lang', 'zh-CN');

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.config?.roles)
      throw new Error(`Route ${route.method} ${route.url} declares no roles`);
  });

  app.addHook('onRequest', async (req) => {
    req.lang = pickLang(req.headers['accept-language']);
    const policy = { idleHours: ctx.config.sessionIdleHours, workingHours: ctx.config.workHours };
    const now = envOf(ctx).now;
    const token = bearer(req);
    if (token) {
      req.actor = await resolveSession(ctx.db, token, policy, now);
      return;
    }
    const cookie = req.cookies?.[SESSION_COOKIE];
    if (!cookie) return;
    const actor = await resolveSession(ctx.db, cookie, policy, now);
    if (actor && actor.sessionKind === 'cookie') req.actor = actor;
  });

  // Before validation, so an unknown caller learns nothing about the body's shape.
  app.addHook('preValidation', async (req) => {
    const roles = req.routeOptions.config?.roles;
    if (!roles || roles === 'public') return;
    const actor = req.actor;
    if (!actor) throw new AppError('AUTH.REQUIRED');
    if (actor.sessionKind === 'cookie' && UNSAFE.has(req.method) && req.headers['x-csrf-token'] !== actor.csrfToken) {
      throw new AppError('AUTH.CSRF');
    }
    // Portal logins are confined here, for every route at once: a staff route never admits them, whatever it declares.
    const url = req.routeOptions.url ?? '';
    if (isCustomerOnly(actor.roles) && !PORTAL_REACHABLE.some((p) => url.startsWith(p)))
      throw new AppError('AUTH.FORBIDDEN');
    if (actor.mustChangePassword && !OPEN_BEFORE_PASSWORD_CHANGE.has(url))
      throw new AppError('AUTH.PASSWORD_CHANGE_REQUIRED');
    if (roles !== 'any' && !hasRole(actor.roles, roles)) throw new AppError('AUTH.FORBIDDEN');
  });
}
