import type { Db } from '../../db/database';
import { findProductsByIds } from '../products/product.repository';
import { formatMoney, parseMoney, toRmb } from '../../lib/money';
import type { PricedOrder } from './review-plan';

/** The order as the price rules see it: each line's price beside the product's current list price (价目表). */
export async function pricedOrder(
  db: Db,
  companyId: string,
  order: {
    order_type: string;
    total: string;
    cost_total: string;
    payment_method?: string;
    export?: boolean;
    exchange_rate?: string;
  },
  lines: readonly { product_id: string; unit_price: string; gift: boolean }[],
): Promise<PricedOrder> {
  const products = await findProductsByIds(db, companyId, [...new Set(lines.map((l) => l.product_id))]);
  const listPrice = new Map(products.map((p) => [p.id, p.list_price]));
  // A foreign-currency order is priced against the RMB list and costs at its stored rate.
  const rmb = (s: string) => formatMoney(toRmb(parseMoney(s), order.exchange_rate ?? '1'));
  return {
    orderType: order.order_type,
    paymentMethod: order.payment_method,
    export: order.export,
    total: rmb(order.total),
    cost: order.cost_total,
    lines: lines.map((l) => ({
      unitPrice: rmb(l.unit_price),
      listPrice: listPrice.get(l.product_id) ?? l.unit_price,
      gift: l.gift,
    })),
  };
}
