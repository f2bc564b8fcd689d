import type { FastifyInstance, FastifyRequest } from 'fastify';
import { envOf, type AppContext } from '../../http/context';
import type { Db } from '../../db/database';
import { archiveFinished, assertNotArchived } from './archive.service';
import { ordersOfPart, type OrderPart } from './archive.repository';

// The one place an archived order is kept read-only: every request that would write (POST, PUT, PATCH,
// DELETE) is traced to the orders it touches, by the route's :id and by the order ids in its body, and is refused
// with ORDER.ARCHIVED when one of them is archived. After a write succeeds, the orders it touched are archived
// at once if that write finished them (the nightly job catches the rest, and archives cancelled orders). A route
// declaring `archiveGuard: 'locked'` makes both checks unnecessary and does the first one itself, under its lock.

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes on an order that create something else rather than change the order. */
const NOT_A_CHANGE = new Set(['/api/orders/:id/copy']);

const BY_ROUTE: [RegExp, OrderPart | 'order'][] = [
  [/^\/api\/(portal\/)?orders\/:id(\/|$)/, 'order'],
  [/^\/api\/(portal\/)?(change-requests|changes)\/:id(\/|$)/, 'change'],
  [/^\/api\/complaints\/:id(\/|$)/, 'complaint'],
  [/^\/api\/returns\/:id(\/|$)/, 'return'],
  [/^\/api\/callbacks\/:id(\/|$)/, 'callback'],
  [/^\/api\/(portal\/)?shipments\/:id(\/|$)/, 'shipment'],
  [/^\/api\/receipts\/:id(\/|$)/, 'receipt'],
];

const touched = new WeakMap<FastifyRequest, { companyId: string; orderIds: string[] }>();

const isId = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v);

/** Order ids a request body names: `orderId`, `orderIds`, and `applications[].orderId` (receipts). */
function bodyOrderIds(body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  const b = body as { orderId?: unknown; orderIds?: unknown; applications?: unknown };
  const ids: unknown[] = [b.orderId];
  if (Array.isArray(b.orderIds)) ids.push(...b.orderIds);
  if (Array.isArray(b.applications)) ids.push(...b.applications.map((x) => (x as { orderId?: unknown })?.orderId));
  return ids.filter(isId);
}

async function ordersTouched(db: Db, companyId: string, req: FastifyRequest): Promise<string[]> {
  const url = req.routeOptions.url ?? '';
  const id = (req.params as { id?: unknown } | undefined)?.id;
  const ids = bodyOrderIds(req.body);
  if (isId(id) && !NOT_A_CHANGE.has(url)) {
    const part = BY_ROUTE.find(([re]) => re.test(url))?.[1];
    if (part === 'order') ids.push(id);
    else if (part) ids.push(...(await ordersOfPart(db, companyId, part, id)));
  }
  return [...new Set(ids)];
}

export function registerArchiveGuard(app: FastifyInstance, ctx: AppContext) {
  app.addHook('preHandler', async (req) => {
    if (!WRITES.has(req.method) || !req.actor || req.routeOptions.config?.archiveGuard === 'locked') return;
    const companyId = req.actor.companyId;
    const orderIds = await ordersTouched(ctx.db, companyId, req);
    if (!orderIds.length) return;
    await assertNotArchived(ctx.db, companyId, orderIds);
    touched.set(req, { companyId, orderIds });
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const t = touched.get(req);
    if (!t || reply.statusCode >= 300) return payload;
    touched.delete(req);
    await archiveFinished(ctx.db, envOf(ctx).now, { ...t, cancelled: false });
    return payload;
  });
}
