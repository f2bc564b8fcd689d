import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { fetchPage, likePattern } from '../../lib/paging';
import { formatMoney, parseMoney } from '../../lib/money';
import { inStatuses } from '../../lib/state-machine';
import type { PageQuery } from '../../lib/schemas';
import type { Actor } from '../auth/auth.service';
import { SHIPPABLE } from '../orders/order.machine';
import { IN_WAREHOUSE } from './shipment.machine';

/** Payment terms under which money comes before the goods (finance follows these orders up). */
const PAY_FIRST = ['prepaid', 'tt', 'lc'];

export type QueueName = 'warehouse' | 'finance';

function queueQuery(db: Db, companyId: string, queue: QueueName, q: PageQuery) {
  const paid = sql<string>`coalesce((select sum(a.amount) from receipt_applications a
    where a.company_id = o.company_id and a.order_id = o.id), 0)`;
  const toShip = sql<number>`(select coalesce(sum(l.reserved), 0)::int from order_lines l
      where l.company_id = o.company_id and l.order_id = o.id)
    - (select coalesce(sum(sl.qty), 0)::int from shipment_lines sl
        join shipments s on s.company_id = sl.company_id and s.id = sl.shipment_id
       where sl.company_id = o.company_id and sl.order_id = o.id and s.status = ${inStatuses(IN_WAREHOUSE)})`;
  let query = db
    .selectFrom('orders as o')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 'o.company_id').onRef('c.id', '=', 'o.customer_id'),
    )
    .select([
      'o.id',
      'o.number',
      'o.status',
      'c.name as customer_name',
      'o.payment_method',
      sql<string>`o.total::text`.as('total'),
      'o.urgency',
      sql<string | null>`to_char(o.expected_delivery_date, 'YYYY-MM-DD')`.as('expected_delivery_date'),
      sql<string>`${paid}::text`.as('paid'),
      toShip.as('to_ship'),
      sql<number>`(select coalesce(sum(l.backordered), 0)::int from order_lines l
        where l.company_id = o.company_id and l.order_id = o.id)`.as('backordered'),
      // The queue's own order: urgent first, then by the date the customer expects the goods.
      sql<number>`row_number() over (order by (o.urgency = 'urgent') desc, o.expected_delivery_date nulls last,
        o.number)`.as('queue_rank'),
    ])
    .where('o.company_id', '=', companyId)
    .where(sql<boolean>`o.status = ${inStatuses(SHIPPABLE)}`);
  query =
    queue === 'warehouse'
      ? query.where(sql<boolean>`${toShip} > 0`)
      : query.where('o.payment_method', 'in', PAY_FIRST).where(sql<boolean>`${paid} < o.total`);
  if (q.q)
    query = query.where((eb) =>
      eb.or([eb('o.number', 'ilike', likePattern(q.q!)), eb('c.name', 'ilike', likePattern(q.q!))]),
    );
  return query;
}

/**
 * A confirmed order goes to warehouse, production and finance at once: each sees it in its own queue, a page
 * at a time. Warehouse: orders with reserved units not yet in a shipment. Finance: orders whose payment terms
 * still wait for money.
 */
export async function fulfilmentQueue(db: Db, actor: Actor, queue: QueueName, q: PageQuery) {
  const page = await fetchPage(
    queueQuery(db, actor.companyId, queue, q),
    q,
    {
      priority: 'queue_rank',
      number: 'o.number',
      customer: 'c.name',
      expectedDeliveryDate: 'o.expected_delivery_date',
    },
    'priority',
  );
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      customerName: r.customer_name,
      paymentMethod: r.payment_method,
      total: r.total,
      paid: formatMoney(parseMoney(r.paid)),
      toShip: r.to_ship,
      backordered: r.backordered,
      expectedDeliveryDate: r.expected_delivery_date,
      urgent: r.urgency === 'urgent',
    })),
  };
}
