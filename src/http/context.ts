import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/database';
import type { Engine } from '../db/connect';
import type { Config } from '../config';
import type { Actor } from '../modules/auth/auth.service';
import { AppError, type Lang } from '../lib/errors';

/** What every route module receives: the database and the configuration. */
export type AppContext = {
  db: Db;
  engine: Engine;
  config: Config;
  version: string;
  /** The request clock; the system clock unless a test sets it. */
  clock?: () => Date;
  /** The durable job queue (pg-boss), once the jobs have started; work is queued by name with its data. */
  jobs?: JobQueue;
};

export type JobQueue = { send: (name: string, data: object) => Promise<unknown> };

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
    lang: Lang;
  }
  interface FastifyContextConfig {
    /** Roles admitted by the route ('admin' always is); 'public' needs no login; 'any' any logged-in user. */
    roles?: readonly string[] | 'public' | 'any';
    /**
     * 'locked': the write refuses an archived order itself once it holds the order's lock, and moves it only to
     * states that are never archived (submit, review, confirm), so the archive guard reads nothing around it
     * (src/modules/archive/archive-guard.ts).
     */
    archiveGuard?: 'locked';
  }
}

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('AUTH.REQUIRED');
  return req.actor;
}

export const envOf = (ctx: AppContext): import('../lib/env').Env => ({
  now: ctx.clock ? ctx.clock() : new Date(),
  workingHours: ctx.config.workHours,
  trackingLinks: { baseUrl: ctx.config.publicUrl, days: ctx.config.trackingLinkDays },
});
