import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { inStatuses } from '../../lib/state-machine';
import { likePattern } from '../../lib/paging';
import type { PageQuery } from '../../lib/schemas';
import { SHIPPABLE } from '../orders/order.machine';

// 履约队列: the warehouse's and finance's queues of confirmed orders.

/**
 * Payment terms under which money comes before the goods (finance follows these orders up). The index
 * orders_pay_first_shippable (0053) names the same terms and SHIPPABLE in its predicate: change them together.
 */
const PAY_FIRST = ['prepaid', 'tt', 'lc'];

export type QueueName = 'warehouse' | 'finance';

/**
 * The orders of the warehouse's or finance's queue (a query the caller pages). What is paid and backordered, and
 * the customer's name, are read per row in the select list, so PostgreSQL reads them only for the page's rows,
 * after the sort (the customer sort orders by the name's column alias).
 */
export function fulfilmentQueueQuery(db: Db, companyId: string, queue: QueueName, q: PageQuery) {
  const query = queueOrders(db, companyId, queue).select([
    'o.id',
    'o.number',
    'o.status',
    sql<string>`(select c.name from customers c where c.company_id = o.company_id and c.id = o.customer_id)`.as(
      'customer_name',
    ),
    'o.payment_method',
    sql<string>`o.total::text`.as('total'),
    'o.urgency',
    sql<string | null>`to_char(o.expected_delivery_date, 'YYYY-MM-DD')`.as('expected_delivery_date'),
    sql<string>`${paid}::text`.as('paid'),
    sql<number>`(select coalesce(sum(l.backordered), 0)::int from order_lines l
      where l.company_id = o.company_id and l.order_id = o.id)`.as('backordered'),
    // The queue's own order: urgent first, then by the date the customer expects the goods (none last). One
    // row value, so a page sorts by it directly: a ranking window would sort the whole queue first.
    sql<unknown>`row(o.urgency <> 'urgent', o.expected_delivery_date, o.number)`.as('queue_rank'),
  ]);
  if (!q.q) return query;
  const p = likePattern(q.q);
  return query.where((eb) =>
    eb.or([
      eb('o.number', 'ilike', p),
      sql<boolean>`exists (select 1 from customers c
        where c.company_id = o.company_id and c.id = o.customer_id and c.name ilike ${p})`,
    ]),
  );
}

/** How many orders the queue holds (the 工作台's count): its filter, without the columns the list shows. */
export async function countFulfilmentQueue(db: Db, companyId: string, queue: QueueName): Promise<number> {
  const r = await db
    .selectFrom(queueOrders(db, companyId, queue).select('o.id').as('x'))
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return r.n;
}

const queueOrders = (db: Db, companyId: string, queue: QueueName) =>
  queue === 'warehouse' ? warehouseQueue(db, companyId) : financeQueue(db, companyId);

const paid = sql<string>`coalesce((select sum(a.amount) from receipt_applications a
  where a.company_id = o.company_id and a.order_id = o.id), 0)`;

function shippableOrders(db: Db, companyId: string) {
  return db
    .selectFrom('orders as o')
    .where('o.company_id', '=', companyId)
    .where(sql<boolean>`o.status = ${inStatuses(SHIPPABLE)}`);
}

/**
 * Warehouse: orders with reserved units not yet in a shipment. Each line keeps the units it has in shipments still
 * in the warehouse (`in_shipment`, 0052), so the lines with something left to ship are the few in
 * order_lines_to_ship, summed per order once for the company rather than once per order.
 */
function warehouseQueue(db: Db, companyId: string) {
  const toShip = db
    .selectFrom('order_lines as l')
    .select(['l.order_id', sql<number>`sum(l.reserved - l.in_shipment)::int`.as('units')])
    .where('l.company_id', '=', companyId)
    .where(sql<boolean>`l.reserved > l.in_shipment`)
    .groupBy('l.order_id');
  return shippableOrders(db, companyId).innerJoin(toShip.as('r'), 'r.order_id', 'o.id').select('r.units as to_ship');
}

/** Finance: orders whose payment terms still wait for money. */
function financeQueue(db: Db, companyId: string) {
  const toShip = sql<number>`(select coalesce(sum(l.reserved - l.in_shipment), 0)::int from order_lines l
      where l.company_id = o.company_id and l.order_id = o.id)`;
  return shippableOrders(db, companyId)
    .select(toShip.as('to_ship'))
    .where('o.payment_method', 'in', PAY_FIRST)
    .where(sql<boolean>`${paid} < o.total`);
}
