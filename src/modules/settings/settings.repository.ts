import type { Db } from '../../db/database';

// The company's settings row (one JSON document per company).

export async function findSettings(db: Db, companyId: string): Promise<unknown> {
  const row = await db
    .selectFrom('company_settings')
    .select('settings')
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return row?.settings;
}

export async function saveSettings(db: Db, companyId: string, settings: string, by: string, at: Date) {
  await db
    .insertInto('company_settings')
    .values({ company_id: companyId, settings, updated_by: by })
    .onConflict((oc) => oc.column('company_id').doUpdateSet({ settings, updated_by: by, updated_at: at }))
    .execute();
}
