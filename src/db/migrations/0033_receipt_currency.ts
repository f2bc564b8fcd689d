import { sql, type Kysely } from 'kysely';

// 外币收款: a receipt is in a currency with the RMB rate it was converted at (the bank's, or the company's rate
// of the day); its RMB amount is stored so that the RMB balance never changes when rates are edited later.
// Receipts recorded before are RMB at rate 1.
const statements = [
  `alter table customer_receipts add column currency text not null default 'CNY' check (currency ~ '^[A-Z]{3}$')`,
  `alter table customer_receipts add column exchange_rate numeric(18,6) not null default 1 check (exchange_rate > 0)`,
  `alter table customer_receipts add column amount_rmb numeric(18,2)`,
  `update customer_receipts set amount_rmb = amount`,
  `alter table customer_receipts alter column amount_rmb set not null`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
