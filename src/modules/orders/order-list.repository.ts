import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { fetchKeysetPage, fetchPage, likePattern, type KeysetBranches, type KeysetQuery } from '../../lib/paging';
import type { PageQuery } from '../../lib/schemas';
import type { OrderStatus } from './order.table';
import type { OrderFilter } from './order.schemas';
import { ordersQuery } from './order.repository';
import { searchCondition, type OrderSearch } from './order-search.repository';

// The order list: its filters, sorts and pages (by number or by cursor), and the export's rows.

/** One status or several (internal callers such as the 工作台 counts pass one). */
export type OrderListFilter = Omit<OrderFilter, 'mine' | 'status'> & {
  status?: OrderStatus | OrderStatus[];
  registrarId?: string;
  /** What `q` matched among customers and products, found first (order-search.ts). */
  search?: OrderSearch;
};

/**
 * Orders by status(es), customer, order date, product, salesperson (registrar), urgency and a search.
 * `inListOrder`: a keyset page, read in the list's order until full (the search may walk, see OrderSearch).
 */
function filteredOrders(db: Db, companyId: string, q: OrderListFilter, inListOrder = false) {
  let query = ordersQuery(db, companyId);
  const statuses = typeof q.status === 'string' ? [q.status] : (q.status ?? []);
  if (statuses.length) query = query.where('o.status', 'in', statuses);
  if (q.customer) query = query.where('o.customer_id', '=', q.customer);
  if (q.from) query = query.where('o.order_date', '>=', q.from);
  if (q.to) query = query.where('o.order_date', '<=', q.to);
  if (q.registrarId) query = query.where('o.registrar_id', '=', q.registrarId);
  if (q.salesperson) query = query.where('o.registrar_id', '=', q.salesperson);
  if (q.urgency) query = query.where('o.urgency', '=', q.urgency);
  const product = q.product;
  if (product)
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('order_lines as pl')
          .select('pl.line_no')
          .whereRef('pl.company_id', '=', 'o.company_id')
          .whereRef('pl.order_id', '=', 'o.id')
          .where('pl.product_id', '=', product),
      ),
    );
  if (q.q)
    query = query.where(searchCondition(companyId, likePattern(q.q), q.search ?? { narrow: false }, inListOrder));
  return query;
}

const ORDER_SORTS = {
  number: ['o.number'],
  orderDate: ['o.order_date', 'o.created_at'],
  total: ['o.total'],
  status: ['o.status', 'o.created_at'],
  createdAt: ['o.created_at'],
  customer: ['c.name'],
} as const;

/** A page by page number with its total: small lists and the 工作台 counts. */
export function listOrders(db: Db, companyId: string, q: PageQuery & OrderListFilter) {
  const columns = Object.fromEntries(Object.entries(ORDER_SORTS).map(([k, v]) => [k, v[0]]));
  return fetchPage(filteredOrders(db, companyId, q), q, columns, 'createdAt', 'o.id');
}

/** The page after (or before) a cursor: the web list, as deep as the company's history goes (keyset). */
export function listOrdersByCursor(db: Db, companyId: string, q: KeysetQuery & OrderListFilter) {
  const split = listBranches(companyId, q, q.sort ?? 'createdAt');
  const query = filteredOrders(db, companyId, split ? { ...q, ...split.instead } : q, true);
  return fetchKeysetPage(query, q, ORDER_SORTS, 'createdAt', 'o.id', split?.branches);
}

/**
 * Filters an index serves in the list's order one value at a time (see KeysetBranches): several statuses under
 * the default or the status sort (orders_status), a date range under the default sort (orders_dated, one branch a
 * day). Not where a customer, salesperson, product or search narrows the list: their own indexes are in order.
 */
function listBranches(companyId: string, q: OrderListFilter, sort: string) {
  if (q.customer || q.registrarId || q.salesperson || q.product || q.q) return undefined;
  // Each status once: a branch read twice would fill the page with its rows twice.
  const statuses = [...new Set(typeof q.status === 'string' ? [q.status] : (q.status ?? []))];
  if (statuses.length > 1 && (sort === 'createdAt' || sort === 'status')) {
    const branches: KeysetBranches = { column: 'o.status', values: sql`unnest(${statuses}::text[])` };
    return { branches, instead: { status: undefined } };
  }
  if ((q.from || q.to) && sort === 'createdAt') {
    const branches: KeysetBranches = { column: 'o.order_date', values: orderDays(companyId, q) };
    return { branches, instead: { from: undefined, to: undefined } };
  }
  return undefined;
}

/**
 * Each day of the date filter that the company's orders span: an open or wide filter stops at their dates, and a
 * company with no orders has no days at all (greatest and least pass over a null bound).
 */
function orderDays(companyId: string, q: Pick<OrderListFilter, 'from' | 'to'>) {
  return sql`(select s.first + i from (
                select greatest(${q.from ?? null}::date, min(order_date)) as first,
                       least(${q.to ?? null}::date, max(order_date)) as last,
                       max(order_date) is not null as dated
                  from orders where company_id = ${companyId}) s,
              generate_series(0, case when s.dated then s.last - s.first else -1 end) as i)`;
}

/** What the list shows under a filter, newest first, for the export (bounded). */
export function allOrders(db: Db, companyId: string, f: OrderListFilter, limit: number) {
  return filteredOrders(db, companyId, f)
    .orderBy('o.created_at', 'desc')
    .orderBy('o.number', 'desc')
    .limit(limit)
    .execute();
}
