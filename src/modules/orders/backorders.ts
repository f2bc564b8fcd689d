import type { Db } from '../../db/database';
import type { Actor } from '../auth/auth.service';
import { reserveAvailable } from '../stock/stock.service';
import * as repo from './order.repository';
import { reasonCode } from '../../lib/reason-codes';

/**
 * Goods received fill confirmed orders' backorders (欠货) in order: urgent first, then by
 * confirmation time. Each line's reservation is its own: nobody else's shipment can use it.
 */
export async function fillBackorders(db: Db, actor: Actor, warehouseId: string, productIds: string[]) {
  const waiting = await repo.lockBackorderedLines(db, actor.companyId, warehouseId, productIds);
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
    reasonCode('backorder_filled'),
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
