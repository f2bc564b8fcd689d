import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { Actor } from '../auth/auth.service';
import { formatMoney, parseMoney } from '../../lib/money';

/**
 * A confirmed order goes to warehouse, production and finance at once: each sees it in its own queue.
 * Warehouse: reserved units not yet in a shipment. Finance: orders whose payment terms still wait for money.
 */
export async function fulfilmentQueue(db: Db, actor: Actor, queue: 'warehouse' | 'finance') {
  const rows = await sql<{
    id: string;
    number: string;
    status: string;
    customer_name: string;
    payment_method: string;
    total: string;
    paid: string;
    to_ship: number;
    backordered: number;
    expected_delivery_date: string | null;
    urgency: string;
  }>`
    select o.id, o.number, o.status, c.name as customer_name, o.payment_method, o.total::text, o.urgency, to_char(o.expected_delivery_date, 'YYYY-MM-DD') as expected_delivery_date,
      coalesce((select sum(amount) from receipt_applications a where a.company_id = o.company_id and a.order_id = o.id), 0)::text as paid,
      (select coalesce(sum(l.reserved), 0)::int from order_lines l where l.company_id = o.company_id and l.order_id = o.id)
        - (select coalesce(sum(sl.qty), 0)::int from shipment_lines sl join shipments s on s.company_id = sl.company_id and s.id = sl.shipment_id
           where sl.company_id = o.company_id and sl.order_id = o.id and s.status in ('to_pick', 'picked', 'rechecked', 'packed')) as to_ship,
      (select coalesce(sum(l.backordered), 0)::int from order_lines l where l.company_id = o.company_id and l.order_id = o.id) as backordered
    from orders o join customers c on c.company_id = o.company_id and c.id = o.customer_id
    where o.company_id = ${actor.companyId} and o.status in ('confirmed', 'in_fulfillment', 'partially_shipped', 'shipped', 'delivered')
    order by (o.urgency = 'urgent') desc, o.expected_delivery_date nulls last, o.number limit 500`.execute(db);
  const items = rows.rows.map((r) => ({
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
  }));
  if (queue === 'warehouse')
    return items.filter((i) => i.toShip > 0 && ['confirmed', 'in_fulfillment', 'partially_shipped'].includes(i.status));
  return items.filter(
    (i) =>
      parseMoney(i.paid) < parseMoney(i.total) &&
      ['prepaid', 'tt', 'lc'].includes(i.paymentMethod) &&
      ['confirmed', 'in_fulfillment', 'partially_shipped'].includes(i.status),
  );
}
