import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { formatMoney, parseMoney } from '../../lib/money';
import { CREDIT_HOLDING } from '../orders/order.machine';

/** Payment methods that give the customer credit; a prepaid order takes none. */
export const CREDIT_METHODS = ['credit', 'monthly', 'cod', 'lc', 'tt'];

/**
 * The customer's credit in use: open receivables plus open confirmed orders (额度占用).
 * Receivables arrive with fulfilment; until then the open orders are the whole of it.
 */
export async function creditUsed(db: Db, companyId: string, customerId: string, exceptOrderId?: string): Promise<bigint> {
  const r = await sql<{ used: string }>`
    select coalesce(sum(total), 0)::text as used from orders
    where company_id = ${companyId} and customer_id = ${customerId} and status = any(${[...CREDIT_HOLDING]}::text[])
      and payment_method = any(${CREDIT_METHODS}::text[])
      and id <> ${exceptOrderId ?? '00000000-0000-0000-0000-000000000000'}::uuid`.execute(db);
  return parseMoney(r.rows[0].used);
}

export type CreditCheck = { applies: boolean; limit: string; used: string; thisOrder: string; available: string; ok: boolean };

export async function checkCredit(db: Db, companyId: string, c: { customerId: string; creditLimit: string; orderId: string; total: string; paymentMethod: string }): Promise<CreditCheck> {
  const applies = CREDIT_METHODS.includes(c.paymentMethod);
  const limit = parseMoney(c.creditLimit);
  const used = await creditUsed(db, companyId, c.customerId, c.orderId);
  const total = parseMoney(c.total);
  return {
    applies,
    limit: c.creditLimit,
    used: formatMoney(used),
    thisOrder: c.total,
    available: formatMoney(limit - used),
    ok: !applies || used + total <= limit,
  };
}
