import type { Db } from '../../db/database';
import { findProductsByIds } from '../products/product.repository';
import type { PricedOrder } from './review-plan';

/** The order as the price rules see it: each line's price beside the product's current list price (价目表). */
export async function pricedOrder(
  db: Db,
  companyId: string,
  order: { order_type: string; total: string; cost_total: string },
  lines: readonly { product_id: string; unit_price: string; gift: boolean }[],
): Promise<PricedOrder> {
  const products = await findProductsByIds(db, companyId, [...new Set(lines.map((l) => l.product_id))]);
  const listPrice = new Map(products.map((p) => [p.id, p.list_price]));
  return {
    orderType: order.order_type,
    total: order.total,
    cost: order.cost_total,
    lines: lines.map((l) => ({
      unitPrice: l.unit_price,
      listPrice: listPrice.get(l.product_id) ?? l.unit_price,
      gift: l.gift,
    })),
  };
}
