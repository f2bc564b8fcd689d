import { sql, type Kysely } from 'kysely';

// The order list at a million orders, where 0034's indexes fell short (plans in the commit messages):
// - orders_dated gains created_at before id, so it serves a date range in the list's default order (order-list
//   paging is keyset): the list filtered by a date range and sorted by created time reads one short branch per
//   day, each in created order from this index, instead of sorting every order of the range (a month at a
//   million orders is 40,000 rows). sort=orderDate orders ties by created time too (order_date, created_at, id),
//   so the one index serves it as before; the monthly report's and the 工作台's date ranges read its order_date.
// - The trigram indexes keep a short pending list. GIN adds new rows to an unsorted pending list, merged into the
//   index only when it outgrows gin_pending_list_limit (4 MB by default) or at autovacuum, and every search reads
//   all of it: after a million orders registered one by one, a search for an order number read 500 pages of
//   pending list besides the 260 of its own trigrams. At 256 kB a search reads at most 32 such pages, and the
//   registration that merges the list merges a sixteenth as much. The lists left now are merged at once.
const TRIGRAM_INDEXES = ['orders_search_trgm', 'customers_name_trgm', 'products_name_trgm'];
const statements = [
  `drop index orders_dated`,
  `create index orders_dated on orders (company_id, order_date, created_at, id)`,
  ...TRIGRAM_INDEXES.flatMap((i) => [
    `alter index ${i} set (gin_pending_list_limit = 256)`,
    `select gin_clean_pending_list('${i}'::regclass)`,
  ]),
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
