import type { Db } from '../../db/database';

export async function findCompanyName(db: Db, companyId: string): Promise<string> {
  const row = await db.selectFrom('companies').select('name').where('id', '=', companyId).executeTakeFirst();
  return row?.name ?? '';
}

/** The secret that signs the company's public tracking links (never leaves the server). */
export async function findTrackingSecret(db: Db, companyId: string): Promise<string | undefined> {
  const row = await db.selectFrom('companies').select('tracking_secret').where('id', '=', companyId).executeTakeFirst();
  return row?.tracking_secret;
}
