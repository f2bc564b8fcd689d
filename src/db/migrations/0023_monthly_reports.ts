import { sql, type Kysely } from 'kysely';

// 模板4 月度订单分析报表: one stored snapshot per company and month. The row is also the claim of the monthly job
// (claimed_at, then data), so two instances never build or announce a month twice (notified_at).
// Orders get an index on their order date, the month the report groups them by.
const statements = [
  `create table monthly_reports (
     company_id uuid not null references companies(id),
     month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
     data jsonb,
     claimed_at timestamptz not null,
     built_at timestamptz,
     built_by uuid,
     notified_at timestamptz,
     primary key (company_id, month),
     check (data is null or built_at is not null))`,
  `create index orders_dated on orders (company_id, order_date)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
