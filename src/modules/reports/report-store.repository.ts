import { sql } from 'kysely';
import type { Db } from '../../db/database';

// Stored monthly reports (monthly_reports): the job's claim of a month, the snapshot, and its announcement.

export async function findReport(db: Db, companyId: string, month: string) {
  return db
    .selectFrom('monthly_reports')
    .select(['data', 'built_at', 'built_by', 'notified_at'])
    .where('company_id', '=', companyId)
    .where('month', '=', month)
    .executeTakeFirst();
}

/**
 * Claims the building of a month: true for exactly one caller. A claim left without a report for an hour (an
 * instance died while building) may be taken again.
 */
export async function claimMonth(db: Db, companyId: string, month: string, now: Date): Promise<boolean> {
  const r = await sql<{ month: string }>`
    insert into monthly_reports (company_id, month, claimed_at) values (${companyId}, ${month}, ${now})
    on conflict (company_id, month) do update set claimed_at = excluded.claimed_at
      where monthly_reports.data is null and monthly_reports.claimed_at < excluded.claimed_at - interval '1 hour'
    returning month`.execute(db);
  return r.rows.length === 1;
}

/** Stores the month's report, replacing an earlier snapshot (a rebuild) and keeping whether it was announced. */
export async function saveReport(
  db: Db,
  r: { companyId: string; month: string; data: unknown; builtAt: Date; builtBy: string | null },
) {
  await sql`
    insert into monthly_reports (company_id, month, data, claimed_at, built_at, built_by)
    values (${r.companyId}, ${r.month}, ${JSON.stringify(r.data)}::jsonb, ${r.builtAt}, ${r.builtAt}, ${r.builtBy})
    on conflict (company_id, month) do update
      set data = excluded.data, built_at = excluded.built_at, built_by = excluded.built_by`.execute(db);
}

/** Claims the announcement of a built month: true for exactly one caller, once. */
export async function claimNotification(db: Db, companyId: string, month: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('monthly_reports')
    .set({ notified_at: now })
    .where('company_id', '=', companyId)
    .where('month', '=', month)
    .where('data', 'is not', null)
    .where('notified_at', 'is', null)
    .returning('month')
    .execute();
  return r.length === 1;
}

/** The active sales directors and general managers of the company (总监, 总经理). */
export async function reportRecipients(db: Db, companyId: string): Promise<string[]> {
  const r = await sql<{ user_id: string }>`
    select m.user_id from memberships m join users u on u.id = m.user_id
    where m.company_id = ${companyId} and u.active
      and m.roles && array['sales_director', 'general_manager']::text[]
    order by m.user_id`.execute(db);
  return r.rows.map((x) => x.user_id);
}

export async function companyIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('companies').select('id').orderBy('id').execute()).map((r) => r.id);
}
