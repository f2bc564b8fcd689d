import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { envOf, type AppContext } from '../../http/context';
import { AppError, errorBody } from '../../lib/errors';
import { localDateTime } from '../../lib/local-date';
import { publicTracking } from './tracking';

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Tracking = Awaited<ReturnType<typeof publicTracking>>;

function page(title: string, body: string, lang: string) {
  return (
    `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>` +
    `<style>body{font-family:system-ui,sans-serif;margin:16px;max-width:560px}dt{color:#666}dd{margin:0 0 8px}` +
    `li{margin-bottom:6px}</style></head><body>${body}</body></html>`
  );
}

function trackingHtml(t: Tracking, lang: 'zh-CN' | 'en', timeZone: string) {
  const en = lang === 'en';
  const row = (k: string, v: unknown) => (v ? `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>` : '');
  const events = t.events
    .map((e) => `<li>${esc(localDateTime(e.at, timeZone))} ${esc(e.location)} ${esc(e.description)}</li>`)
    .reverse()
    .join('');
  return page(
    `${en ? 'Shipment' : '发货单'} ${t.number}`,
    `<h1>${esc(t.statusLabel)}</h1><dl>` +
      row(en ? 'Shipment' : '发货单', t.number) +
      row(en ? 'Carrier' : '承运商', t.carrier) +
      row(en ? 'Tracking no.' : '运单号', t.trackingNo) +
      row(en ? 'Expected arrival' : '预计到达', t.deliveredAt ? '' : t.expectedArrival) +
      row(en ? 'Delivered' : '签收时间', t.deliveredAt && localDateTime(t.deliveredAt, timeZone)) +
      row(en ? 'Consignee' : '收货人', t.consignee) +
      `</dl>${events ? `<h2>${en ? 'Tracking' : '物流轨迹'}</h2><ul>${events}</ul>` : ''}`,
    lang,
  );
}

/** `GET /t/:token`: the public tracking page of a shipping message's link (HTML; ?format=json for programs). */
export function trackingPageRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/t/:token',
    {
      config: { roles: 'public' },
      schema: {
        hide: true,
        params: z.object({ token: z.string().max(400) }),
        querystring: z.object({ format: z.enum(['html', 'json']).default('html') }),
      },
    },
    async (req, reply) => {
      const env = envOf(ctx);
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      try {
        const t = await publicTracking(ctx.db, env, req.lang, req.params.token);
        if (req.query.format === 'json') return t;
        return reply.type('text/html; charset=utf-8').send(trackingHtml(t, req.lang, env.workingHours.timeZone));
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        if (req.query.format === 'json') return reply.status(err.status).send(errorBody(err, req.lang, req.id));
        const message = errorBody(err, req.lang).error.message;
        return reply
          .status(err.status)
          .type('text/html; charset=utf-8')
          .send(page(message, `<h1>${esc(message)}</h1>`, req.lang));
      }
    },
  );
}
