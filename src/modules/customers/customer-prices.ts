import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { formatMoney, parseMoney } from '../../lib/money';
import type { Actor } from '../auth/auth.service';
import { findProductsByIds } from '../products/product.repository';
import { assertCurrency } from '../settings/exchange-rates';
import * as repo from './customer-price.repository';
import { findCustomer } from './customer.repository';
import type { CustomerPricesInput } from './customer-price.schemas';
import { entitledPrice, type EntitledSource } from './customer-pricing';

// 客户价格: the customer's own prices and discount, kept by the company and used by quotations and orders.
// Setting them is the sales director's (and an administrator's): a quotation at the price the customer is entitled
// to needs no further approval, so whoever sets that price answers for it.
export const CUSTOMER_PRICE_EDITORS = ['sales_director'];

const field = (path: string, message: string) =>
  new AppError('VALIDATION.FAILED', { summary: path }, [{ path, message }]);

async function customerOf(db: Db, actor: Actor, id: string) {
  const c = await findCustomer(db, actor.companyId, id);
  if (!c) throw new AppError('CUSTOMER.NOT_FOUND');
  return c;
}

export async function getCustomerPrices(db: Db, actor: Actor, customerId: string) {
  const c = await customerOf(db, actor, customerId);
  const rows = await repo.listCustomerPrices(db, actor.companyId, customerId);
  return {
    customerId,
    discountPercent: c.discount_percent === null ? null : String(Number(c.discount_percent)),
    prices: rows.map((r) => ({
      productId: r.product_id,
      sku: r.sku,
      name: r.name,
      listPrice: r.list_price,
      price: r.price,
      currency: r.currency,
      validFrom: r.valid_from,
      validTo: r.valid_to,
    })),
  };
}
export type CustomerPrices = Awaited<ReturnType<typeof getCustomerPrices>>;

/** Two validities overlap unless one ends before the other starts (open ends reach forever). */
const overlaps = (a: CustomerPricesInput['prices'][number], b: CustomerPricesInput['prices'][number]) =>
  (a.validTo === null || b.validFrom === null || b.validFrom <= a.validTo) &&
  (b.validTo === null || a.validFrom === null || a.validFrom <= b.validTo);

/**
 * Checks a whole list: each product of the company, each currency one of the company's, and no two prices of one
 * product and currency valid on the same day (pricing must never have to choose). Errors name the row's field.
 */
export async function checkPriceList(db: Db, actor: Actor, prices: CustomerPricesInput['prices'], at = 'prices') {
  const found = await findProductsByIds(db, actor.companyId, [...new Set(prices.map((p) => p.productId))]);
  const known = new Set(found.map((p) => p.id));
  const currencies = new Set<string>();
  for (const [i, p] of prices.entries()) {
    if (!known.has(p.productId)) throw field(`${at}[${i}].productId`, 'not a product of the company');
    if (!currencies.has(p.currency)) await assertCurrency(db, actor.companyId, p.currency, `${at}[${i}].currency`);
    currencies.add(p.currency);
    const clash = prices.findIndex(
      (q, k) => k < i && q.productId === p.productId && q.currency === p.currency && overlaps(p, q),
    );
    if (clash >= 0) throw field(`${at}[${i}].validFrom`, `overlaps the validity of row ${clash + 1}`);
  }
}

export async function putCustomerPrices(
  db: Db,
  actor: Actor,
  env: Env,
  customerId: string,
  input: CustomerPricesInput,
): Promise<CustomerPrices> {
  await customerOf(db, actor, customerId);
  await checkPriceList(db, actor, input.prices);
  await repo.setDiscountPercent(db, actor.companyId, customerId, input.discountPercent);
  await repo.replaceCustomerPrices(
    db,
    actor.companyId,
    customerId,
    input.prices.map((p) => ({
      company_id: actor.companyId,
      customer_id: customerId,
      product_id: p.productId,
      price: formatMoney(parseMoney(p.price)),
      currency: p.currency,
      valid_from: p.validFrom,
      valid_to: p.validTo,
      updated_at: env.now,
      updated_by: actor.userId,
    })),
  );
  return getCustomerPrices(db, actor, customerId);
}

/**
 * The price each product is entitled to for the customer on `doc.day`, in the document's currency (listPrice of
 * each product as the document uses it); one read for all the lines.
 */
export async function entitledPrices(
  db: Db,
  companyId: string,
  customerId: string,
  products: readonly { id: string; listPrice: string }[],
  doc: { day: string; currency: string; rate: string },
): Promise<Map<string, { price: string; source: EntitledSource }>> {
  const terms = await repo.customerPricingTerms(db, companyId, customerId, [...new Set(products.map((p) => p.id))]);
  return new Map(products.map((p) => [p.id, entitledPrice(terms, p, doc)]));
}
