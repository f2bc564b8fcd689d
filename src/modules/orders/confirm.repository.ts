import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database';
import { prepared } from '../../lib/sql';
import type { OrderStatus } from './order.table';

// Confirmation is the hottest path of the system, so it reads what it needs in two statements: the locks first,
// then (in a new statement, so it sees whatever committed while this one waited for them) every other fact.

/** The order and its customer, both rows locked — the order first, as every state change takes it. */
export async function lockOrderAndCustomer(db: Db, companyId: string, orderId: string) {
  const r = await sql<{
    id: string;
    number: string;
    status: OrderStatus;
    customer_id: string;
    total: string;
    payment_method: string;
    exchange_rate: string;
    review_round: number;
    warehouse_id: string;
    registrar_id: string;
    credit_limit: string;
    archived_at: Date | null;
  }>`${prepared('orders.lock-with-customer')}
    select o.id, o.number, o.status, o.customer_id, o.total, o.payment_method, o.exchange_rate, o.review_round,
           o.warehouse_id, o.registrar_id, c.credit_limit, o.archived_at
      from orders o
      join customers c on c.company_id = o.company_id and c.id = o.customer_id
     where o.company_id = ${companyId} and o.id = ${orderId}
       for update of o, c`.execute(db);
  return r.rows[0];
}

/**
 * The order's lines (with whether each product is under allocation), the customer's credit in use (`used`, the
 * query given) and whether the stage `stage` of the round is approved, in one statement.
 */
export async function confirmFacts(
  db: Db,
  companyId: string,
  q: { orderId: string; round: number; stage: string; creditUsed: RawBuilder<{ used: string }> },
) {
  const r = await sql<{
    line_no: number | null;
    product_id: string;
    qty: number;
    shipped: number;
    allocated: boolean;
    used: string;
    stage_approved: boolean;
  }>`${prepared('orders.confirm-facts')}
    select l.line_no, l.product_id, l.qty, l.shipped, coalesce(p.allocated, false) as allocated,
           (${q.creditUsed}) as used,
           exists (select 1 from review_stages s
                    where s.company_id = ${companyId} and s.order_id = ${q.orderId} and s.round = ${q.round}
                      and s.stage = ${q.stage} and s.status = 'approved') as stage_approved
      from (select 1) as one
      left join order_lines l on l.company_id = ${companyId} and l.order_id = ${q.orderId}
      left join products p on p.company_id = l.company_id and p.id = l.product_id
     order by l.line_no`.execute(db);
  const first = r.rows[0];
  return {
    lines: r.rows.filter((x) => x.line_no !== null) as ((typeof r.rows)[number] & { line_no: number })[],
    used: first.used,
    stageApproved: first.stage_approved,
  };
}
