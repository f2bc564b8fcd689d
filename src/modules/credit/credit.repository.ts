import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database';
import { parseMoney } from '../../lib/money';
import { prepared } from '../../lib/sql';
import { settlementOf } from '../payments/payment.repository';

/**
 * What the customer's orders in `statuses` paid by `methods` still owe: each order's total less what is paid
 * on it and its allowances (the one definition, `settlementOf`), never below zero. Only this customer's rows
 * are read, so the check costs the same however large the company grows.
 */
export async function owedOnOrders(
  db: Db,
  companyId: string,
  customerId: string,
  q: { statuses: readonly string[]; methods: readonly string[]; exceptOrderId?: string },
): Promise<bigint> {
  const r = await sql<{ used: string }>`${prepared('credit.used')}
    ${owedOnOrdersQuery(companyId, customerId, q)}`.execute(db);
  return parseMoney(r.rows[0].used);
}

/** The same sum as a query (one `used` text column), for statements that read it with other facts. */
export function owedOnOrdersQuery(
  companyId: string,
  customerId: string,
  q: { statuses: readonly string[]; methods: readonly string[]; exceptOrderId?: string },
): RawBuilder<{ used: string }> {
  return sql<{ used: string }>`
    select coalesce(sum(round(greatest(o.total - s.allowances - s.paid, 0) * o.exchange_rate, 2)), 0)::text as used
    from orders o cross join ${settlementOf('o')} s
    where o.company_id = ${companyId} and o.customer_id = ${customerId}
      and o.status = any(${[...q.statuses]}::text[])
      and o.payment_method = any(${[...q.methods]}::text[])
      and o.id <> ${q.exceptOrderId ?? '00000000-0000-0000-0000-000000000000'}::uuid`;
}
