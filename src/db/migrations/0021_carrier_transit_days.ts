import { sql, type Kysely } from 'kysely';

// A carrier rule also says how many days its carrier takes to the region, so a shipping notice can tell the
// customer when to expect the goods. Rules written before keep the three days notices used to assume.
const statements = [
  `alter table carrier_rules add column transit_days integer not null default 3
     check (transit_days between 0 and 60)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
