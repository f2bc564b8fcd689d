import type { Db } from '../../db/database';
import { findProductsByIds } from '../products/product.repository';
import { formatMoney, parseMoney, toRmb } from '../../lib/money';
import { entitledPrices } from '../customers/customer-prices';
import { fromRmb } from '../customers/customer-pricing';
import type { PricedOrder } from './review-plan';

/**
 * The order as the price rules see it: each line's price beside the price the customer is entitled to on the order
 * date (its own price, else the list price less its discount, else the list price 价目表). Customer prices are set
 * by the sales director, so only a price below them is a discount that needs approval again (as in quotations).
 */
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
    customer_id: string;
    order_date: string;
    currency?: string;
  },
  lines: readonly { product_id: string; unit_price: string; gift: boolean }[],
): Promise<PricedOrder> {
  const products = await findProductsByIds(db, companyId, [...new Set(lines.map((l) => l.product_id))]);
  // A foreign-currency order is priced against the RMB list and costs at its stored rate.
  const rate = order.exchange_rate ?? '1';
  const rmb = (s: string) => formatMoney(toRmb(parseMoney(s), rate));
  const entitled = await entitledPrices(
    db,
    companyId,
    order.customer_id,
    products.map((p) => ({ id: p.id, listPrice: fromRmb(p.list_price, rate) })),
    { day: order.order_date, currency: order.currency ?? 'CNY', rate },
  );
  const reference = (p: (typeof products)[number]) => {
    const e = entitled.get(p.id);
    return e && e.source !== 'list_price' ? rmb(e.price) : p.list_price;
  };
  const listPrice = new Map(products.map((p) => [p.id, reference(p)]));
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
