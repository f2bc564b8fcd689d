import { sql, type Kysely } from 'kysely';

// Read paths at 100k orders and beyond, each index named with the query whose plan uses it:
// - shipments_in_warehouse (company_id, id) where the shipment is still in the warehouse: the warehouse queue
//   (queue.repository.ts) sums the units of shipments not yet shipped per order; there are a few hundred such
//   shipments among a company's hundred thousand, which a scan of shipments would read in full.
// - order_lines_reserved_by_order (company_id, order_id) with the reserved units, for lines holding stock: the
//   warehouse queue sums reserved units per order from an index-only scan of the few thousand lines that hold
//   stock, instead of reading each line's row (order_lines_reserved is by product, for the stock ledger).
const statements = [
  `create index shipments_in_warehouse on shipments (company_id, id)
     where status in ('to_pick', 'picked', 'rechecked', 'packed')`,
  `create index order_lines_reserved_by_order on order_lines (company_id, order_id) include (reserved)
     where reserved > 0`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
