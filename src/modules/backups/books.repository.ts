import { sql, type Kysely, type RawBuilder } from 'kysely';
import { openShipmentUnits } from '../shipping/shipment.repository';

// A restored database keeps every balance equal to its movements. These are the books' sums checked after a
// restore, over every company; each query lists the rows that disagree.
const checks: { name: string; query: RawBuilder<Record<string, unknown>> }[] = [
  {
    name: 'stock balance equals the sum of its movements',
    query: sql`
      select coalesce(b.company_id, m.company_id) as company_id, coalesce(b.product_id, m.product_id) as product_id
        from stock_balances b
        full join (select company_id, warehouse_id, product_id, sum(on_hand_delta) as oh, sum(reserved_delta) as rs
                     from stock_movements group by 1, 2, 3) m
          on m.company_id = b.company_id and m.warehouse_id = b.warehouse_id and m.product_id = b.product_id
       where coalesce(b.on_hand, 0) <> coalesce(m.oh, 0) or coalesce(b.reserved, 0) <> coalesce(m.rs, 0)`,
  },
  {
    name: "franchisee's funds and credit equal the sum of its ledger",
    query: sql`
      select coalesce(b.company_id, l.company_id) as company_id, coalesce(b.customer_id, l.customer_id) as customer_id
        from franchisee_balances b
        full join (select company_id, customer_id, sum(funds_delta) as f, sum(credit_delta) as c
                     from franchisee_ledger group by 1, 2) l
          on l.company_id = b.company_id and l.customer_id = b.customer_id
       where coalesce(b.funds, 0) <> coalesce(l.f, 0) or coalesce(b.credit, 0) <> coalesce(l.c, 0)`,
  },
  {
    name: 'quarantine balance equals the sum of its movements',
    query: sql`
      select coalesce(b.company_id, m.company_id) as company_id, coalesce(b.product_id, m.product_id) as product_id
        from quarantine_balances b
        full join (select company_id, warehouse_id, product_id, sum(qty_delta) as qty
                     from quarantine_movements group by 1, 2, 3) m
          on m.company_id = b.company_id and m.warehouse_id = b.warehouse_id and m.product_id = b.product_id
       where coalesce(b.qty, 0) <> coalesce(m.qty, 0)`,
  },
  {
    // On a restore this one pass stands in for the ledger's per-key check (see forgetReservedTally).
    name: "a stock balance's reserved units equal what its orders and open pick lists hold",
    query: sql`
      select coalesce(b.company_id, h.company_id) as company_id,
             coalesce(b.warehouse_id, h.warehouse_id) as warehouse_id,
             coalesce(b.product_id, h.product_id) as product_id
        from stock_balances b
        full join (select company_id, warehouse_id, product_id, sum(held) as held from (
                     select l.company_id, o.warehouse_id, l.product_id, l.reserved as held
                       from order_lines l join orders o on o.company_id = l.company_id and o.id = l.order_id
                      where l.reserved > 0
                     union all
                     select l.company_id, k.warehouse_id, l.product_id, l.qty
                       from pick_list_lines l
                       join pick_lists k on k.company_id = l.company_id and k.id = l.pick_list_id
                      where l.order_id is null and k.status = 'open') x
                    group by 1, 2, 3) h
          on h.company_id = b.company_id and h.warehouse_id = b.warehouse_id and h.product_id = b.product_id
       where coalesce(b.reserved, 0) <> coalesce(h.held, 0)`,
  },
  {
    name: "an order line's units in shipments equal its shipments still in the warehouse",
    query: sql`
      select l.company_id, l.order_id, l.line_no
        from order_lines l
        left join (${openShipmentUnits()}) o
          on o.company_id = l.company_id and o.order_id = l.order_id and o.order_line_no = l.line_no
       where l.in_shipment <> coalesce(o.qty, 0)`,
  },
  {
    name: "a money receipt's applications stay within its amount",
    query: sql`
      select r.company_id, r.id from customer_receipts r
        join receipt_applications a on a.company_id = r.company_id and a.receipt_id = r.id
       group by r.company_id, r.id, r.amount
      having abs(sum(a.amount)) > abs(r.amount)`,
  },
];

/** The names of the checks that fail, with a few of the rows that break each (empty when the books hold). */
export async function booksViolations(db: Kysely<any>) {
  const found: { check: string; rows: Record<string, unknown>[] }[] = [];
  for (const c of checks) {
    const r = await c.query.execute(db);
    if (r.rows.length) found.push({ check: c.name, rows: r.rows.slice(0, 5) });
  }
  return found;
}
