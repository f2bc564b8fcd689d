import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { likePattern } from '../../lib/paging';

// 订单搜索: order number, customer PO, customer name and product name (through the order's lines).

/**
 * How a text search reaches the orders. Narrow: few customers and products match, so the orders are gathered
 * through indexes (customer, order lines by product, trigram on number/PO) and only they are sorted. Broad:
 * many match, so the list is read in its sort order and each order tested until the page is full.
 * `walk`: the matching products' lines are many but not most of the company's (planOrderSearch counts them), so
 * a keyset page is read along the list too, each order tested against the set of their orders, read once; a page
 * by number, which counts every match, still gathers them.
 */
export type OrderSearch =
  { narrow: true; customerIds: string[]; productIds: string[]; numberIds: string[]; walk: boolean } | { narrow: false };

/** Number and customer PO as one text, the expression the trigram index orders_search_trgm is built on. */
export const numberText = sql<string>`(o.number || ' ' || o.customer_po)`;

/**
 * The search as a condition on the list's orders (alias o). `inListOrder`: the query is a keyset page, read in
 * the list's order and stopped when full, so a narrow search with many product lines may walk (see OrderSearch).
 */
export function searchCondition(companyId: string, pattern: string, s: OrderSearch, inListOrder = false) {
  if (s.narrow && s.walk && inListOrder) {
    // Under `or` an `in` is not made a semi-join (PostgreSQL 15 probed order_lines_product once per order and
    // product): it stays a set hashed once. The other arms test the order's own columns (an empty array: false).
    return sql<boolean>`(o.id in (select l.order_id from order_lines l
                                   where l.company_id = ${companyId} and l.product_id = any(${s.productIds}::uuid[]))
                         or o.customer_id = any(${s.customerIds}::uuid[]) or o.id = any(${s.numberIds}::uuid[]))`;
  }
  if (s.narrow) {
    // The candidate orders, each arm through its own index; the union is small by construction.
    const arms = [];
    if (s.customerIds.length)
      arms.push(sql`select o.id from orders o
                     where o.company_id = ${companyId} and o.customer_id = any(${s.customerIds}::uuid[])`);
    if (s.productIds.length)
      arms.push(sql`select l.order_id from order_lines l
                     where l.company_id = ${companyId} and l.product_id = any(${s.productIds}::uuid[])`);
    // Found already when the search was planned: the trigram index is read once.
    if (s.numberIds.length) arms.push(sql`select unnest(${s.numberIds}::uuid[])`);
    if (!arms.length) return sql<boolean>`false`;
    return sql<boolean>`o.id in (${sql.join(arms, sql` union `)})`;
  }
  // Per order, along the list's scan: `limit 1` keeps the planner from hashing every matching line first.
  return sql<boolean>`(${numberText} ilike ${pattern}
    or o.customer_id in (select sc.id from customers sc where sc.company_id = ${companyId} and sc.name ilike ${pattern})
    or exists (select 1 from order_lines sl
                 join products sp on sp.company_id = sl.company_id and sp.id = sl.product_id
                where sl.company_id = o.company_id and sl.order_id = o.id and sp.name ilike ${pattern}
                limit 1))`;
}

/**
 * Customers and products whose names hold the text, and whether order numbers/POs are worth an index probe:
 * at most `limit` + 1 ids each, so a broad search is told from a narrow one with two small reads. The names are
 * found through trigram indexes from 3 characters on; shorter texts (2-character names such as 华为 are common)
 * cannot use trigrams and read the company's customers or products, a table of thousands, not millions.
 */
export async function searchNames(db: Db, companyId: string, text: string, limit: number) {
  const pattern = likePattern(text);
  const ids = async (table: 'customers' | 'products') =>
    (
      await db
        .selectFrom(table)
        .select('id')
        .where('company_id', '=', companyId)
        .where('name', 'ilike', pattern)
        .limit(limit + 1)
        .execute()
    ).map((r) => r.id);
  return { customerIds: await ids('customers'), productIds: await ids('products') };
}

/** The orders whose number or PO hold the text, at most `limit` + 1 of them, through the trigram index. */
export async function findNumberMatches(db: Db, companyId: string, text: string, limit: number) {
  const r = await sql<{ id: string }>`
    select o.id from orders o where o.company_id = ${companyId} and ${numberText} ilike ${likePattern(text)}
     limit ${limit + 1}`.execute(db);
  return r.rows.map((o) => o.id);
}

/**
 * About how many orders there are (the planner's row estimate of the table, 0 before it was first analyzed) and
 * how many lines the products have, counted from order_lines_product alone up to one more than
 * min(`max`, √(`ratio` × orders)): the search walks the list only below that bound (planOrderSearch), so a search
 * whose products hold most lines stops counting early.
 */
export async function countProductLines(db: Db, companyId: string, productIds: string[], ratio: number, max: number) {
  const orders = sql`(select greatest(reltuples, 0)::float8 from pg_class where oid = 'orders'::regclass)`;
  const r = await sql<{ lines: number; orders: number }>`
    select ${orders} as orders,
           (select count(*)::int from (select 1 from order_lines l
                                        where l.company_id = ${companyId} and l.product_id = any(${productIds}::uuid[])
                                        limit least(${max}, floor(sqrt(${ratio}::float8 * ${orders})))::int + 1) s)
             as lines`.execute(db);
  return r.rows[0];
}
