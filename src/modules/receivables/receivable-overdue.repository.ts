import type { Db } from '../../db/database';

/** Marks the receivables among `ids` not yet told as overdue, and returns those it marked (each only once). */
export async function claimOverduePublication(db: Db, companyId: string, ids: string[], at: Date) {
  if (!ids.length) return [];
  return db
    .updateTable('receivables')
    .set({ overdue_published_at: at })
    .where('company_id', '=', companyId)
    .where('id', 'in', ids)
    .where('overdue_published_at', 'is', null)
    .returning(['id'])
    .execute();
}
