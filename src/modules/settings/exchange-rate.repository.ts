import type { Db } from '../../db/database';

/** The rate of the day, or the latest one before it. */
export async function rateOn(db: Db, companyId: string, currency: string, date: string) {
  const r = await db
    .selectFrom('exchange_rates')
    .select(['rate', 'rate_date'])
    .where('company_id', '=', companyId)
    .where('currency', '=', currency)
    .where('rate_date', '<=', date)
    .orderBy('rate_date', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ?? null;
}

export async function upsertRate(
  db: Db,
  row: { company_id: string; currency: string; rate_date: string; rate: string; created_by: string },
) {
  await db
    .insertInto('exchange_rates')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['company_id', 'currency', 'rate_date']).doUpdateSet({ rate: row.rate, created_by: row.created_by }),
    )
    .execute();
}

export function listRates(db: Db, companyId: string, currency?: string) {
  let q = db
    .selectFrom('exchange_rates')
    .select(['currency', 'rate_date', 'rate'])
    .where('company_id', '=', companyId)
    .orderBy('rate_date', 'desc')
    .orderBy('currency')
    .limit(500);
  if (currency) q = q.where('currency', '=', currency);
  return q.execute();
}
