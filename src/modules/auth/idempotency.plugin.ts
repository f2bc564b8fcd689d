import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../lib/errors';
import * as repo from './idempotency.repository';
import type { AppContext } from '../../http/context';

type Claim = { companyId: string; userId: string; key: string };
const claims = new WeakMap<object, Claim>();

// POST with Idempotency-Key: the first response is stored with the request's hash; a retry
// gets it back, the same key with another body gets 422.
export function registerIdempotency(app: FastifyInstance, ctx: AppContext) {
  app.addHook('preHandler', async (req, reply) => {
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || typeof key !== 'string' || !req.actor) return;
    if (key.length === 0 || key.length > 200)
      throw new AppError('VALIDATION.FAILED', { summary: 'Idempotency-Key' }, [
        { path: 'headers.idempotency-key', message: 'must be 1–200 characters' },
      ]);
    const actor = req.actor;
    const path = req.routeOptions.url ?? req.url;
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`)
      .digest('hex');
    const claimed = await repo.claimKey(ctx.db, {
      company_id: actor.companyId,
      user_id: actor.userId,
      key,
      method: req.method,
      path,
      request_hash: requestHash,
    });
    if (claimed) {
      claims.set(req, { companyId: actor.companyId, userId: actor.userId, key });
      return;
    }
    const stored = await repo.findKey(ctx.db, actor.companyId, actor.userId, key);
    if (!stored || stored.request_hash !== requestHash) throw new AppError('IDEMPOTENCY.KEY_REUSED');
    if (stored.status_code === null) throw new AppError('IDEMPOTENCY.IN_PROGRESS');
    return reply
      .status(stored.status_code)
      .header('content-type', 'application/json; charset=utf-8')
      .header('idempotent-replay', 'true')
      .send(stored.response);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const claim = claims.get(req);
    if (!claim) return payload;
    claims.delete(req);
    if (reply.statusCode < 500 && typeof payload === 'string')
      await repo.storeResponse(ctx.db, claim, reply.statusCode, payload);
    else await repo.releaseKey(ctx.db, claim);
    return payload;
  });
}
