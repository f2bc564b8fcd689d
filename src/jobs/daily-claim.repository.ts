import { sql } from 'kysely';
import type { Db } from '../db/database';

/**
 * Claims a company's daily job for `day`: true for the one run that inserts the row. Inside the run's transaction,
 * so a run that fails gives its claim back, and a second run at the same moment waits for the first to commit.
 */
export async function claimDay(db: Db, companyId: string, job: string, day: string, at: Date): Promise<boolean> {
  const r = await sql`
    insert into daily_claims (company_id, job, day, claimed_at) values (${companyId}, ${job}, ${day}, ${at})
    on conflict (company_id, job, day) do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}
