import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { formatMoney, parseMoney } from '../../lib/money';
import { CREDIT_HOLDING } from '../orders/order.machine';
import { prepared } from '../../lib/sql';

/** Payment methods that give the customer credit; a prepaid order takes none. */
export const CREDIT_METHODS = ['credit', 'monthly', 'cod', 'lc', 'tt'];

/**
 * The customer's credit in use (额度占用): what its open confirmed orders and its receivables still owe —
 * each order's total, less allowances and the receipts applied to it — until the order is paid.
 * Only this customer's rows are read, so the check costs the same however large the company grows.
 */
export async function creditUsed(
  db: Db,
  companyId: string,
  customerId: string,
  exceptOrderId?: string,
): Promise<bigint> {
  const r = await sql<{ used: string }>`${prepared('credit.used')}
    select coalesce(sum(greatest(o.total + coalesce(al.s, 0) - coalesce(p.s, 0), 0)), 0)::text as used
    from orders o
    left join lateral (select sum(a.amount) as s from receipt_applications a where a.company_id = o.company_id and a.order_id = o.id) p on true
    left join (select order_id, sum(amount) as s from receivables where company_id = ${companyId} and customer_id = ${customerId} and kind = 'allowance' group by 1) al on al.order_id = o.id
    where o.company_id = ${companyId} and o.customer_id = ${customerId} and o.status = any(${[...CREDIT_HOLDING, 'completed']}::text[])
      and o.payment_method = any(${CREDIT_METHODS}::text[])
      and o.id <> ${exceptOrderId ?? '00000000-0000-0000-0000-000000000000'}::uuid`.execute(db);
  return parseMoney(r.rows[0].used);
}

export type CreditCheck = {
  applies: boolean;
  limit: string;
  used: string;
  thisOrder: string;
  available: string;
  ok: boolean;
};

export async function checkCredit(
  db: Db,
  companyId: string,
  c: { customerId: string; creditLimit: string; orderId: string; total: string; paymentMethod: string },
): Promise<CreditCheck> {
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
