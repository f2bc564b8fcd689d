import type { Insertable } from 'kysely';
import type { Db } from '../../db/database';
import type { CustomerPricesTable } from './customer.table';

// 客户价格表: a customer's prices, read for its page and for pricing, replaced as a whole list.

/** The customer's price list with each product's SKU and name, by SKU then start date. */
export function listCustomerPrices(db: Db, companyId: string, customerId: string) {
  return db
    .selectFrom('customer_prices as cp')
    .innerJoin('products as p', (j) =>
      j.onRef('p.company_id', '=', 'cp.company_id').onRef('p.id', '=', 'cp.product_id'),
    )
    .select([
      'cp.product_id',
      'p.sku',
      'p.name',
      'p.list_price',
      'cp.price',
      'cp.currency',
      'cp.valid_from',
      'cp.valid_to',
      'cp.updated_at',
    ])
    .where('cp.company_id', '=', companyId)
    .where('cp.customer_id', '=', customerId)
    .orderBy('p.sku')
    .orderBy('cp.valid_from')
    .execute();
}

/** What pricing needs: the customer's rows for these products and its discount percent. */
export async function customerPricingTerms(db: Db, companyId: string, customerId: string, productIds: string[]) {
  const customer = await db
    .selectFrom('customers')
    .select('discount_percent')
    .where('company_id', '=', companyId)
    .where('id', '=', customerId)
    .executeTakeFirst();
  const prices = productIds.length
    ? await db
        .selectFrom('customer_prices')
        .select(['product_id', 'price', 'currency', 'valid_from', 'valid_to'])
        .where('company_id', '=', companyId)
        .where('customer_id', '=', customerId)
        .where('product_id', 'in', productIds)
        .execute()
    : [];
  return { discountPercent: customer?.discount_percent ?? null, prices };
}

export async function replaceCustomerPrices(
  db: Db,
  companyId: string,
  customerId: string,
  rows: Insertable<CustomerPricesTable>[],
) {
  await db
    .deleteFrom('customer_prices')
    .where('company_id', '=', companyId)
    .where('customer_id', '=', customerId)
    .execute();
  if (rows.length) await db.insertInto('customer_prices').values(rows).execute();
}

export async function setDiscountPercent(db: Db, companyId: string, customerId: string, percent: string | null) {
  await db
    .updateTable('customers')
    .set({ discount_percent: percent })
    .where('company_id', '=', companyId)
    .where('id', '=', customerId)
    .execute();
}
