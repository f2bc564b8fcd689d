import type { Db } from '../../db/database';
import type { KeysetQuery } from '../../lib/paging';
import type { PageQuery } from '../../lib/schemas';
import type { Actor } from '../auth/auth.service';
import { orderActions } from './order-actions';
import { planOrderSearch } from './order-search';
import * as repo from './order.repository';
import * as list from './order-list.repository';
import { orderRowToOrder } from './order.service';

// 订单列表: by page number (small lists, the 工作台 counts) or after a cursor (the web list, keyset).

const shipped = (lines: repo.OrderLineRow[]) => lines.reduce((n, l) => n + l.shipped, 0);

type ListFilter = list.OrderListFilter & { mine?: 'true' | 'false' };

/** The list's filter as the repository takes it: "mine" is the actor, a search text is planned first. */
async function listFilter(db: Db, actor: Actor, { mine, ...filter }: ListFilter): Promise<list.OrderListFilter> {
  return {
    ...filter,
    registrarId: mine === 'true' ? actor.userId : undefined,
    search: filter.q ? await planOrderSearch(db, actor.companyId, filter.q) : undefined,
  };
}

/** A page by number with its total (the 工作台 counts, API callers with small lists). */
export async function listOrders(db: Db, actor: Actor, q: PageQuery & ListFilter, now?: Date) {
  const page = await list.listOrders(db, actor.companyId, { ...q, ...(await listFilter(db, actor, q)) });
  return { ...page, items: await listedOrders(db, actor, page.items, now) };
}

/** The page after or before a cursor (the web list): no total, the same cost on every page. */
export async function listOrdersByCursor(db: Db, actor: Actor, q: KeysetQuery & ListFilter, now?: Date) {
  const page = await list.listOrdersByCursor(db, actor.companyId, { ...q, ...(await listFilter(db, actor, q)) });
  return { ...page, items: await listedOrders(db, actor, page.items, now) };
}

async function listedOrders(db: Db, actor: Actor, rows: repo.OrderRow[], now?: Date) {
  const lines = await repo.findLines(
    db,
    actor.companyId,
    rows.map((o) => o.id),
  );
  const items = [];
  for (const o of rows) {
    const own = lines.filter((l) => l.order_id === o.id);
    items.push(orderRowToOrder(o, own, actor.roles, await orderActions(db, actor, o, shipped(own), now)));
  }
  return items;
}
