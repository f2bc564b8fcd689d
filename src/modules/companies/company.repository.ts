import type { Db } from '../../db/database';

export async function findCompanyName(db: Db, companyId: string): Promise<string> {
  const row = await db.selectFrom('companies').select('name').where('id', '=', companyId).executeTakeFirst();
  return row?.name ?? '';
}
