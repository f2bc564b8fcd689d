import { sql, type Kysely } from 'kysely';

// The bell's count (every page, every 30 s) and the unread list read a user's unread notices. Through
// notifications_user they visited every notice the user ever had, read or not, to test read_at: a finance user
// told of every order's finance stage holds one per order, so at a million orders the count walked that many rows.
// This index holds only the unread ones; the count stops at what the badge can show (99+) in any case.
const statements = [
  `create index notifications_unread on notifications (company_id, user_id, id desc) where read_at is null`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
