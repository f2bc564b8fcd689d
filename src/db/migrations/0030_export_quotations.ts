import { sql, type Kysely } from 'kysely';

// 外贸报价与合同: a quotation or contract may be in a foreign currency (its amounts in that currency, the RMB rate
// of its date stored with it), with trade term, ports, containers; a contract also keeps the packing terms.
const columns = [
  `add column currency text not null default 'CNY'`,
  `add column exchange_rate numeric(18,6) not null default 1 check (exchange_rate > 0)`,
  `add column export boolean not null default false`,
  `add column trade_term text`,
  `add column port_of_loading text`,
  `add column port_of_destination text`,
  `add column container_type text`,
  `add column container_count integer check (container_count between 0 and 999)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['quotations', 'contracts'])
    for (const c of columns) await sql.raw(`alter table ${table} ${c}`).execute(db);
  await sql.raw(`alter table contracts add column packing text not null default ''`).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
