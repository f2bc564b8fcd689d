import { sql } from 'kysely';
import type { Db } from '../../db/database';

/** The month's headline figures: orders taken (not drafts or cancelled), their value, completed, money received. */
export async function monthFigures(db: Db, companyId: string, from: string, to: string) {
  const orders = await db
    .selectFrom('orders')
    .select([
      sql<number>`count(*)::int`.as('orders'),
      sql<string>`coalesce(sum(total), 0)::text`.as('value'),
      sql<number>`(count(*) filter (where status = 'completed'))::int`.as('completed'),
    ])
    .where('company_id', '=', companyId)
    .where('order_date', '>=', from)
    .where('order_date', '<=', to)
    .where('status', 'not in', ['draft', 'cancelled'])
    .executeTakeFirstOrThrow();
  const receipts = await db
    .selectFrom('customer_receipts')
    .select(sql<string>`coalesce(sum(amount), 0)::text`.as('collected'))
    .where('company_id', '=', companyId)
    .where('received_on', '>=', from)
    .where('received_on', '<=', to)
    .executeTakeFirstOrThrow();
  return { ...orders, collected: receipts.collected };
}
