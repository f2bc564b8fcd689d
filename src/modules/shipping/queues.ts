import type { Db } from '../../db/database';
import { fetchPage } from '../../lib/paging';
import { formatMoney, parseMoney } from '../../lib/money';
import type { PageQuery } from '../../lib/schemas';
import type { Actor } from '../auth/auth.service';
import * as repo from './queue.repository';

export type QueueName = repo.QueueName;

/**
 * A confirmed order goes to warehouse, production and finance at once: each sees it in its own queue, a page
 * at a time. Warehouse: orders with reserved units not yet in a shipment. Finance: orders whose payment terms
 * still wait for money.
 */
export async function fulfilmentQueue(db: Db, actor: Actor, queue: QueueName, q: PageQuery) {
  const page = await fetchPage(
    repo.fulfilmentQueueQuery(db, actor.companyId, queue, q),
    q,
    {
      priority: 'queue_rank',
      number: 'o.number',
      // The customer's name is read per row in the select list: ordered by its column alias.
      customer: 'customer_name',
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

/** How many orders the queue holds (the 工作台's count), by the queue's own filter. */
export function fulfilmentQueueCount(db: Db, actor: Actor, queue: QueueName) {
  return repo.countFulfilmentQueue(db, actor.companyId, queue);
}
