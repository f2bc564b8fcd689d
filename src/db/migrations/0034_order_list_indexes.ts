import { sql, type Kysely } from 'kysely';

// The order list at a million orders: one index per filter and sort, each leading with company_id, and trigram
// indexes for the search. pg_trgm and btree_gin are contrib extensions on PostgreSQL (trusted: a database owner may
// create them) and are loaded by PGlite in src/db/connect.ts. btree_gin lets a trigram index lead with company_id.
//
// Which query uses which index (order-list paging is keyset: each sort is (columns…, id), see order.repository.ts):
// - orders_created (company_id, created_at, id): the default list and sort=createdAt, with urgency, mine or a broad
//   search filtered along the scan.
// - orders_status (company_id, status, created_at, id): status filter (one or several) with the default sort;
//   sort=status (status, created_at, id); the 工作台 counts by status.
// - orders_customer (company_id, customer_id, created_at, id): customer filter; a narrow search's customer arm.
// - orders_registrar (company_id, registrar_id, created_at, id): salesperson filter and mine=true.
// - orders_dated (company_id, order_date, id): date range; sort=orderDate; the monthly report's month.
// - orders_total (company_id, total, id): sort=total.
// - orders_number_key (company_id, number), the unique key: sort=number.
// - customers_by_name (company_id, name, id): sort=customer, walked in name order into orders_customer.
// - order_lines_product (company_id, product_id, order_id): product filter; a narrow search's product arm.
// - orders_search_trgm gin (company_id, number || ' ' || customer_po): search on order number and customer PO.
// - customers_name_trgm, products_name_trgm gin (company_id, name): search on names from 3 characters on.
// Replaced: orders_status (company_id, status, created_at) and orders_customer (company_id, customer_id, status)
// gain the list's order; orders_dated gains id.
const statements = [
  `create extension if not exists pg_trgm`,
  `create extension if not exists btree_gin`,
  `drop index orders_status`,
  `drop index orders_customer`,
  `drop index orders_dated`,
  `create index orders_created on orders (company_id, created_at, id)`,
  `create index orders_status on orders (company_id, status, created_at, id)`,
  `create index orders_customer on orders (company_id, customer_id, created_at, id)`,
  `create index orders_registrar on orders (company_id, registrar_id, created_at, id)`,
  `create index orders_dated on orders (company_id, order_date, id)`,
  `create index orders_total on orders (company_id, total, id)`,
  `create index customers_by_name on customers (company_id, name, id)`,
  `create index order_lines_product on order_lines (company_id, product_id, order_id)`,
  `create index orders_search_trgm on orders using gin (company_id, (number || ' ' || customer_po) gin_trgm_ops)`,
  `create index customers_name_trgm on customers using gin (company_id, name gin_trgm_ops)`,
  `create index products_name_trgm on products using gin (company_id, name gin_trgm_ops)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
