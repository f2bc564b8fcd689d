import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import { reasonCode } from '../../lib/reason-codes';
import type { PageQuery } from '../../lib/schemas';
import { insertHistory } from '../history/history.repository';
import { getSettings } from '../settings/settings.service';
import type { Actor } from '../auth/auth.service';
import * as repo from './archive.repository';

// 订单归档: an order completed (or cancelled, or short-closed and delivered), fully paid and with no change,
// complaint or return still open is archived: read-only from then on, and listed in the archive search. The
// customer may still return goods within the return policy's days of delivery (退货政策), so an order is archived
// only once that window has passed since its last delivery.

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Archives what is ready among the given orders (or all of a company's, or every company's), each once, with a
 * history row. Returns the ids archived now. `cancelled: false` leaves cancelled orders to the nightly run, so the
 * day of a cancellation can still settle its deposit.
 */
export async function archiveFinished(
  db: Db,
  at: Date,
  scope: { companyId?: string; orderIds?: string[]; cancelled?: boolean } = {},
): Promise<string[]> {
  const done: string[] = [];
  const windows = new Map<string, number>();
  for (const o of await repo.findArchivable(db, scope)) {
    if (!windows.has(o.company_id)) windows.set(o.company_id, (await getSettings(db, o.company_id)).returns.days);
    const returnsUntil =
      o.last_delivered_at && new Date(o.last_delivered_at).getTime() + windows.get(o.company_id)! * DAY_MS;
    if (returnsUntil && returnsUntil > at.getTime()) continue;
    if (!(await repo.markArchived(db, o.company_id, o.id, at))) continue;
    await insertHistory(db, {
      company_id: o.company_id,
      entity_type: 'order',
      entity_id: o.id,
      from_state: o.status,
      to_state: o.status,
      event: 'archive',
      actor_id: null,
      at,
      reason: reasonCode('order_archived'),
    });
    done.push(o.id);
  }
  return done;
}

/** Refuses any change to an archived order: ORDER.ARCHIVED names the first one. */
export async function assertNotArchived(db: Db, companyId: string, orderIds: string[]) {
  const [archived] = await repo.findArchived(db, companyId, [...new Set(orderIds)]);
  if (archived) throw new AppError('ORDER.ARCHIVED', { number: archived.number });
}

export async function searchArchive(
  db: Db,
  actor: Actor,
  f: { q?: string; from?: string; to?: string },
  page: PageQuery,
  timeZone: string,
) {
  const res = await repo.searchArchive(
    db,
    actor.companyId,
    { ...f, timeZone },
    { ...page, order: page.order ?? 'desc' },
  );
  return {
    ...res,
    items: res.items.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      customerName: r.customer_name,
      customerCode: r.customer_code,
      orderDate: r.order_date,
      finishedOn: r.finished_on,
      archivedAt: r.archived_at,
      products: r.products ?? '',
      total: r.total,
    })),
  };
}
