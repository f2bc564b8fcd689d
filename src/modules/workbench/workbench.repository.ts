import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { OrderStatus } from '../orders/order.table';

/** An order count of the 工作台: the orders in a status, or only those the user registered (mine). */
export type OrderCount = { status: OrderStatus; mine: boolean };

/**
 * Each order count the user's cards show, in one statement. The company-wide counts read the status index
 * (orders_status) for their statuses; the user's own read orders_mine_open, which holds only drafts and rejected
 * orders by registrar, so a salesperson's rejected orders are found without visiting the company's.
 */
export async function orderCounts(db: Db, companyId: string, userId: string, wanted: OrderCount[]) {
  if (!wanted.length) return [];
  const count = (w: OrderCount) =>
    db
      .selectFrom('orders')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('company_id', '=', companyId)
      .where('status', '=', w.status)
      .$if(w.mine, (q) => q.where('registrar_id', '=', userId));
  const row = await db.selectNoFrom(wanted.map((w, i) => count(w).as(`n${i}`))).executeTakeFirstOrThrow();
  return wanted.map((_, i) => (row as Record<string, number>)[`n${i}`]);
}

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
