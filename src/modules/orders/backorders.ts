import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { Actor } from '../auth/auth.service';
import { reserveAvailable } from '../stock/stock.service';
import * as repo from './order.repository';
import { inStatuses } from '../../lib/state-machine';
import { SHIPPABLE } from './order.machine';

/**
 * Goods received fill confirmed orders' backorders (欠货) in order: urgent first, then by
 * confirmation time. Each line's reservation is its own: nobody else's shipment can use it.
 */
export async function fillBackorders(db: Db, actor: Actor, warehouseId: string, productIds: string[]) {
  const waiting = await sql<{
    order_id: string;
    line_no: number;
    product_id: string;
    backordered: number;
    reserved: number;
    number: string;
    customer_id: string;
  }>`
    select l.order_id, l.line_no, l.product_id, l.backordered, l.reserved, o.number, o.customer_id
    from order_lines l join orders o on o.company_id = l.company_id and o.id = l.order_id
    where l.company_id = ${actor.companyId} and o.warehouse_id = ${warehouseId}
      and l.product_id = any(${productIds}::uuid[])
      and l.backordered > 0 and o.status = ${inStatuses(SHIPPABLE)}
    order by (o.urgency = 'urgent') desc, o.confirmed_at, o.number, l.line_no
    for update of l`.execute(db);
  if (!waiting.rows.length) return 0;
  const granted = await reserveAvailable(
    db,
    actor,
    waiting.rows.map((w) => ({
      warehouseId,
      productId: w.product_id,
      qty: w.backordered,
      reference: w.number,
      customerId: w.customer_id,
    })),
    '到货补足欠货 Backorder filled on receipt',
  );
  const filled = waiting.rows
    .map((w, i) => ({
      orderId: w.order_id,
      lineNo: w.line_no,
      reserved: w.reserved + granted[i],
      backordered: w.backordered - granted[i],
    }))
    .filter((_, i) => granted[i] > 0);
  await repo.setLineQuantities(db, actor.companyId, filled);
  return granted.reduce((a, b) => a + b, 0);
}
