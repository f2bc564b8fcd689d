import { sql, type Kysely } from 'kysely';

// A customer's statement of account (对账单, statementMovements in receivable.repository.ts) reads the customer's
// receipts: without an index by customer that was a sequential scan of every receipt of the company (83,333 rows
// read to keep 64, 47 ms at 100k orders, growing with the company). customer_receipts_customer serves it with an
// index scan of that customer's rows.
const statements = [`create index customer_receipts_customer on customer_receipts (company_id, customer_id)`];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
