import type { LineValue } from './lineRules';
import type { LineProduct } from './useLineProducts';
import { parseFen } from './money';

/** The price the server uses when a line names none: 赔货 at cost, a free sample at zero, else the price list. */
export function defaultPrice(product: LineProduct, orderType: string | undefined): string {
  if (orderType === 'replacement') return product.standardCost;
  if (orderType === 'sample') return '0.00';
  return product.listPrice;
}

/** qty × unit price in fen, as the server will price it: a gift or a free sample is 0. */
export function lineAmountFen(
  line: LineValue | undefined,
  product: LineProduct | undefined,
  orderType: string | undefined,
): bigint {
  if (!line || line.gift || orderType === 'sample') return 0n;
  const qty = line.qty;
  if (typeof qty !== 'number' || !Number.isInteger(qty) || qty <= 0) return 0n;
  const typed = line.unitPrice === undefined || line.unitPrice === '' ? undefined : line.unitPrice;
  const price = parseFen(typed ?? (product ? defaultPrice(product, orderType) : undefined));
  return price === null ? 0n : price * BigInt(qty);
}

export function linesTotalFen(
  lines: (LineValue | undefined)[] | undefined,
  products: Record<string, LineProduct>,
  orderType: string | undefined,
): bigint {
  return (lines ?? []).reduce(
    (n, l) => n + lineAmountFen(l, l?.productId ? products[l.productId] : undefined, orderType),
    0n,
  );
}
