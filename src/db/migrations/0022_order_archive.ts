import { sql, type Kysely } from 'kysely';

// 订单归档: an order completed (or closed) and paid, with nothing left open, is archived. From then on it is
// read-only and found through the archive search (by completion date).
const statements = [
  `alter table orders add column archived_at timestamptz`,
  `create index orders_archived_idx on orders (company_id, archived_at) where archived_at is not null`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
