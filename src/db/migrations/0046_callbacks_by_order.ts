import { sql, type Kysely } from 'kysely';

// callbacks_order (company_id, order_id): the monthly report counts each of the month's orders' call-backs
// (report.repository.ts periodOrders); without it each order's count is a scan of every call-back of the company,
// quadratic in the orders (at 100k orders and a call-back per delivered shipment one report query took 6.5 minutes).
const statements = [`create index callbacks_order on callbacks (company_id, order_id)`];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
