import type { Random } from './scale-names';
import type { Batch, ScaleState } from './scale-orders';
import type { Step } from './scale-paths';

const HOUR = 3_600_000;

/** The reasons the seed's rejections and cancellations give, on the order and in the registrar's notice. */
export const REJECTED_BECAUSE = '价格低于底价';
export const CANCELLED_BECAUSE = '客户取消';

type Notice = { user: string; kind: string; params: Record<string, string>; at: Date; orderId: string };

/**
 * A notice as the app writes it. Most are read within hours; about a third are left unread, as users leave them,
 * and those of the last day are all still unread.
 */
export function notify(s: ScaleState, r: Random, b: Batch, n: Notice) {
  const recent = s.now.getTime() - n.at.getTime() < 24 * HOUR;
  b.notifications.push({
    company_id: s.companyId,
    user_id: n.user,
    kind: n.kind,
    params: JSON.stringify(n.params),
    order_id: n.orderId,
    created_at: n.at,
    read_at: !recent && r.next() < 0.65 ? new Date(n.at.getTime() + r.int(1, 8) * HOUR) : null,
  });
}

/** What the registrar is told along the order's path: its confirmation, rejection or cancellation. */
export function registrarNotices(
  s: ScaleState,
  r: Random,
  b: Batch,
  order: { id: string; number: string },
  registrar: string,
  steps: Step[],
) {
  const told: [string, string, Record<string, string>][] = [
    ['confirm', 'order_confirmed', {}],
    ['reject', 'order_rejected', { reason: REJECTED_BECAUSE }],
    ['cancel', 'order_cancelled', { reason: CANCELLED_BECAUSE }],
  ];
  for (const [event, kind, params] of told) {
    const at = steps.find((x) => x.event === event)?.at;
    if (at)
      notify(s, r, b, { user: registrar, kind, params: { number: order.number, ...params }, at, orderId: order.id });
  }
}
