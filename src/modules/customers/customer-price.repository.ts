import type { Insertable } from 'kysely';
import type { Db } from '../../db/database';
import type { CustomerPricesTable } from './customer.table';

// 客户价格表: a customer's prices, read for its page and for pricing, replaced as a whole list.

const NO_PRODUCT = '00000000-0000-0000-0000-000000000000';

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

/** What pricing needs: the customer's rows for these products and its discount percent (one statement). */
export async function customerPricingTerms(db: Db, companyId: string, customerId: string, productIds: string[]) {
  const rows = await db
    .selectFrom('customers as c')
    .leftJoin('customer_prices as cp', (j) =>
      j
        .onRef('cp.company_id', '=', 'c.company_id')
        .onRef('cp.customer_id', '=', 'c.id')
        .on('cp.product_id', 'in', productIds.length ? productIds : [NO_PRODUCT]),
    )
    .select(['c.discount_percent', 'cp.product_id', 'cp.price', 'cp.currency', 'cp.valid_from', 'cp.valid_to'])
    .where('c.company_id', '=', companyId)
    .where('c.id', '=', customerId)
    .execute();
  const prices = rows.flatMap((r) =>
    r.product_id === null
      ? []
      : [
          {
            product_id: r.product_id,
            price: r.price!,
            currency: r.currency!,
            valid_from: r.valid_from!,
            valid_to: r.valid_to,
          },
        ],
  );
  return { discountPercent: rows[0]?.discount_percent ?? null, prices };
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
