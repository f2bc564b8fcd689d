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

/** 逾期利息: the rates contracts set for the customer's call-off orders (order id → basis points a day). */
export async function contractInterestRates(db: Db, companyId: string, customerId: string) {
  const rows = await db
    .selectFrom('orders as o')
    .innerJoin('contracts as k', (j) =>
      j.onRef('k.company_id', '=', 'o.company_id').onRef('k.id', '=', 'o.contract_id'),
    )
    .select(['o.id', 'k.overdue_interest_bp'])
    .where('o.company_id', '=', companyId)
    .where('o.customer_id', '=', customerId)
    .where('k.overdue_interest_bp', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.id, r.overdue_interest_bp!]));
}
