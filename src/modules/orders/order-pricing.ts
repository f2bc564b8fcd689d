import type { Insertable } from 'kysely';
import { formatMoney, lineAmount, parseMoney } from '../../lib/money';
import type { Address, Contact } from '../customers/customer.table';
import type { CreateOrderInput } from './order.schemas';
import type { OrderLinesTable } from './order.table';

/** What pricing needs of a product. */
export type PricingProduct = {
  id: string;
  sku: string;
  name: string;
  spec: string;
  unit: string;
  list_price: string;
  standard_cost: string;
  active: boolean;
};
/** A line pricing refuses: its index among the lines, and why. */
export type LineRefusal = { index: number; code: 'PRODUCT.NOT_FOUND' | 'PRODUCT.INACTIVE'; sku?: string };

/**
 * Lines priced and costed from the catalogue, in memory; the client's totals are never trusted. A free sample
 * (免费样机) is priced at zero; a replacement (赔货) line without a price is priced at cost (zero profit). Every
 * line is looked at, so a caller checking many orders at once can name each refused line.
 */
export function priceOrderLines(
  products: Map<string, PricingProduct>,
  ids: { companyId: string; orderId: string },
  lines: CreateOrderInput['lines'],
  orderType: CreateOrderInput['orderType'] = 'standard',
  /** The price each product's customer is entitled to (客户价格), the default of a line without a price. */
  entitled?: ReadonlyMap<string, { price: string }>,
) {
  let total = 0n;
  let cost = 0n;
  const refusals: LineRefusal[] = [];
  const rows: Insertable<OrderLinesTable>[] = [];
  lines.forEach((l, i) => {
    const p = products.get(l.productId);
    if (!p) return void refusals.push({ index: i, code: 'PRODUCT.NOT_FOUND' });
    if (!p.active) return void refusals.push({ index: i, code: 'PRODUCT.INACTIVE', sku: p.sku });
    const defaultPrice = orderType === 'replacement' ? p.standard_cost : (entitled?.get(p.id)?.price ?? p.list_price);
    const price = l.gift || orderType === 'sample' ? 0n : parseMoney(l.unitPrice ?? defaultPrice);
    const amount = lineAmount(price, l.qty);
    total += amount;
    cost += lineAmount(parseMoney(p.standard_cost), l.qty);
    rows.push({
      company_id: ids.companyId,
      order_id: ids.orderId,
      line_no: i + 1,
      product_id: p.id,
      sku: p.sku,
      name: p.name,
      spec: p.spec,
      unit: p.unit,
      qty: l.qty,
      unit_price: formatMoney(price),
      amount: formatMoney(amount),
      standard_cost: p.standard_cost,
      gift: l.gift,
      reserved: 0,
      backordered: 0,
      shipped: 0,
    });
  });
  return { rows, total: formatMoney(total), cost: formatMoney(cost), refusals };
}

/** The contact and delivery an order takes from its customer's card when none is given. */
export function customerDefaults(customer: { contacts: Contact[]; addresses: Address[] }) {
  const defaultAddress = customer.addresses.find((a) => a.isDefault) ?? customer.addresses[0];
  const defaultContact = customer.contacts[0];
  return {
    contact: defaultContact
      ? { name: defaultContact.name, title: defaultContact.title, phone: defaultContact.phone }
      : null,
    delivery: defaultAddress
      ? {
          consignee: defaultAddress.consignee,
          phone: defaultAddress.phone,
          region: defaultAddress.region,
          address: defaultAddress.address,
        }
      : null,
  };
}
