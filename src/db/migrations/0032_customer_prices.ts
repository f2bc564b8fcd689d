import { sql, type Kysely } from 'kysely';

// 客户价格: where the company keeps a customer's own prices (per product, with an optional validity and currency)
// or a discount off the list price, quotation and order lines default to them. A quotation line may also carry an
// inquiry's free description until the user matches it to a product (product_id empty until then), and says which
// price it was given (price_source) beside the price the customer was entitled to.
const statements = [
  `alter table customers add column discount_percent numeric(5,2)
     check (discount_percent is null or (discount_percent >= 0 and discount_percent < 100))`,
  `create table customer_prices (
     company_id uuid not null,
     id uuid not null default gen_random_uuid(),
     customer_id uuid not null,
     product_id uuid not null,
     price numeric(18,2) not null check (price >= 0),
     currency text not null default 'CNY',
     valid_from date,
     valid_to date,
     updated_at timestamptz not null,
     updated_by uuid not null,
     check (valid_from is null or valid_to is null or valid_to >= valid_from),
     primary key (company_id, id),
     foreign key (company_id, customer_id) references customers(company_id, id),
     foreign key (company_id, product_id) references products(company_id, id))`,
  `create index customer_prices_customer on customer_prices (company_id, customer_id, product_id)`,
  `alter table quotation_lines alter column product_id drop not null`,
  `alter table quotation_lines add column price_source text not null default 'list_price'
     check (price_source in ('customer_price', 'customer_discount', 'list_price', 'manual', 'unmatched'))`,
  `alter table quotation_lines add column entitled_price numeric(18,2)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
