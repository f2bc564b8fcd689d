import { sql, type Kysely } from 'kysely';

// Failed logins are counted per (username, client address) and per client address, not per username alone,
// so a stranger's wrong passwords cannot lock a user out. The key says which: "user:<name>@<address>" or
// "address:<address>". Counts older than the window restart from one.
const statements = [
  `delete from login_failures`,
  `alter table login_failures rename column username to throttle_key`,
  `alter table users add column must_change_password boolean not null default false`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
