import type { Random } from './scale-names';
import type { Batch, ScaleState } from './scale-orders';
import type { Step } from './scale-paths';

const HOUR = 3_600_000;

/**
 * The notices an order's path sent, as the app sends them: each review stage that started told its role
 * (审核待办); the confirmation, a rejection or a cancellation told the registrar. Most are read within hours;
 * about a third are left unread, as users leave them, and those of the last day are all still unread.
 */
export function notices(
  s: ScaleState,
  r: Random,
  b: Batch,
  order: { id: string; number: string },
  registrar: string,
  steps: Step[],
) {
  const at = (event: string) => steps.find((x) => x.event === event)?.at;
  const submitted = at('submit');
  const firstApproval = steps.find((x) => x.event === 'approve_stage' || x.event === 'approve_final');
  const sent: { user: string; kind: string; params: Record<string, string>; at: Date }[] = [];
  if (submitted)
    sent.push({
      user: s.users.reviewer,
      kind: 'review_assigned',
      params: { number: order.number, stage: 'sales' },
      at: submitted,
    });
  if (firstApproval?.event === 'approve_stage')
    sent.push({
      user: s.users.finance,
      kind: 'review_assigned',
      params: { number: order.number, stage: 'finance' },
      at: firstApproval.at,
    });
  // What the registrar is told, with the reasons the seed's review and cancellation write.
  const toRegistrar: [string, string, Record<string, string>][] = [
    ['confirm', 'order_confirmed', {}],
    ['reject', 'order_rejected', { reason: '价格低于底价' }],
    ['cancel', 'order_cancelled', { reason: '客户取消' }],
  ];
  for (const [event, kind, params] of toRegistrar) {
    const when = at(event);
    if (when) sent.push({ user: registrar, kind, params: { number: order.number, ...params }, at: when });
  }
  for (const n of sent) {
    const recent = s.now.getTime() - n.at.getTime() < 24 * HOUR;
    b.notifications.push({
      company_id: s.companyId,
      user_id: n.user,
      kind: n.kind,
      params: JSON.stringify(n.params),
      order_id: order.id,
      created_at: n.at,
      read_at: !recent && r.next() < 0.65 ? new Date(n.at.getTime() + r.int(1, 8) * HOUR) : null,
    });
  }
}
