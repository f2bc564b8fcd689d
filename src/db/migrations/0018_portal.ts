import { sql, type Kysely } from 'kysely';

// The customer portal: a login bound to one customer of one company (role `customer`), and each company's secret
// that signs the public tracking links of its shipments.
const statements = [
  `create table portal_users (
     company_id uuid not null, user_id uuid not null references users (id), customer_id uuid not null,
     phone text, email text, invited_by uuid not null, invited_at timestamptz not null,
     primary key (company_id, user_id),
     foreign key (company_id, customer_id) references customers (company_id, id))`,
  `create index portal_users_customer on portal_users (company_id, customer_id)`,
  // 256 random bits per company, kept in the database so links survive restarts and every instance agrees.
  `alter table companies add column tracking_secret text not null
     default encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex')`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
