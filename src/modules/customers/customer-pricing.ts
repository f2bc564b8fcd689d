import { divRoundHalfUp, formatMoney, parseMoney, percentOf } from '../../lib/money';

// 客户价格: the price a customer is entitled to for a product on a day. Its own price (customer_prices) when one is
// valid that day, else the list price less its discount percent, else the list price. A price row applies when it
// is in the document's currency, or in RMB (converted at the document's rate, as the list price is).

export type EntitledSource = 'customer_price' | 'customer_discount' | 'list_price';
export type CustomerPriceRow = {
  product_id: string;
  price: string;
  currency: string;
  valid_from: string | null;
  valid_to: string | null;
};
export type CustomerTerms = { discountPercent: string | null; prices: readonly CustomerPriceRow[] };

/** Whether the row is valid on `day` (both ends included; an open end has no limit). */
export const validOn = (r: Pick<CustomerPriceRow, 'valid_from' | 'valid_to'>, day: string) =>
  (r.valid_from === null || r.valid_from <= day) && (r.valid_to === null || day <= r.valid_to);

/** An RMB amount in a currency at `rate` (RMB per unit), half-up to the cent. */
export function fromRmb(rmb: string, rate: string) {
  if (rate === '1') return rmb;
  const [int, dec = ''] = rate.split('.');
  const micro = BigInt(int) * 1_000_000n + BigInt(dec.padEnd(6, '0'));
  return formatMoney(divRoundHalfUp(parseMoney(rmb) * 1_000_000n, micro));
}

/**
 * The entitled price of a product in the document's currency. `listPrice` is the list price as the document
 * already uses it (in its currency); a row in the document's currency wins over an RMB one, and among rows the one
 * that started latest (the newest agreement).
 */
export function entitledPrice(
  terms: CustomerTerms,
  product: { id: string; listPrice: string },
  doc: { day: string; currency: string; rate: string },
): { price: string; source: EntitledSource } {
  const rows = terms.prices
    .filter((r) => r.product_id === product.id && validOn(r, doc.day))
    .filter((r) => r.currency === doc.currency || r.currency === 'CNY')
    .sort(
      (a, b) =>
        Number(b.currency === doc.currency) - Number(a.currency === doc.currency) ||
        (b.valid_from ?? '').localeCompare(a.valid_from ?? ''),
    );
  const own = rows[0];
  if (own)
    return {
      price: own.currency === doc.currency ? formatMoney(parseMoney(own.price)) : fromRmb(own.price, doc.rate),
      source: 'customer_price',
    };
  if (terms.discountPercent !== null && parseMoney(terms.discountPercent) > 0n) {
    const list = parseMoney(product.listPrice);
    return { price: formatMoney(list - percentOf(list, terms.discountPercent)), source: 'customer_discount' };
  }
  return { price: formatMoney(parseMoney(product.listPrice)), source: 'list_price' };
}
