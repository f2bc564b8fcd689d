import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate } from '../lib/schema';
import { pageQuery, text, type PageQuery } from '../lib/schemas';
import type { Lang } from '../lib/errors';
import type { Env } from '../lib/env';
import type { Actor } from '../modules/auth/auth.service';
import { actorOf, envOf, type AppContext } from './context';
import { sendXlsx } from './upload';

/** The filter every registered-from/to list shares: a customer and a date range that must not run backwards. */
export const customerRangeFilter = {
  customer: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};
const fromBeforeTo = (query: object) => {
  const f = query as { from?: string; to?: string };
  return !f.from || !f.to || f.from <= f.to;
};
const rangeMessage = { message: 'must be on or after from', path: ['to'] };

type Query = { customer?: string; lang?: Lang };

/**
 * A list's page (`<base>/search`) and its Excel export (`<base>/export.xlsx`) from one filter, so the export
 * always holds what the page shows. `filter` holds the list's own fields plus `customerRangeFilter`.
 */
export function listRoutes<F extends { customerId?: string }>(
  app: FastifyInstance,
  ctx: AppContext,
  list: {
    base: string;
    tags: string[];
    /** What the summaries call the list and its filters, e.g. "shipment" and "status, carrier, customer, …". */
    noun: string;
    filters: string;
    filter: z.ZodRawShape & typeof customerRangeFilter;
    search: (db: AppContext['db'], actor: Actor, env: Env, q: PageQuery & F) => Promise<unknown>;
    export: (db: AppContext['db'], actor: Actor, env: Env, lang: Lang, f: F) => Promise<Buffer>;
  },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const lang = z.enum(['zh-CN', 'en']).optional();
  r.get(
    `${list.base}/search`,
    {
      config: { roles: 'any' },
      schema: {
        tags: list.tags,
        summary: `The ${list.noun} list, paged and filtered (${list.filters}, q)`,
        querystring: pageQuery.extend(list.filter).refine(fromBeforeTo, rangeMessage),
      },
    },
    async (req) => {
      // The filter's fields are the schema's: what the schema let through is what the list takes.
      const { customer, ...q } = req.query as PageQuery & Query;
      return list.search(ctx.db, actorOf(req), envOf(ctx), { ...q, customerId: customer } as PageQuery & F);
    },
  );
  r.get(
    `${list.base}/export.xlsx`,
    {
      config: { roles: 'any' },
      schema: {
        tags: list.tags,
        summary: `Export the ${list.noun} list to Excel as the filter shows it, in the request language`,
        querystring: z.object({ ...list.filter, q: text(100).optional(), lang }).refine(fromBeforeTo, rangeMessage),
      },
    },
    async (req, reply) => {
      // The page's language when it says so (a download link sends the browser's, not the app's).
      const { customer, lang, ...f } = req.query as Query;
      const data = await list.export(ctx.db, actorOf(req), envOf(ctx), lang ?? req.lang, {
        ...f,
        customerId: customer,
      } as F);
      return sendXlsx(reply, `${list.base.split('/').pop()}.xlsx`, data);
    },
  );
}
