import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/database';

// The books of the whole database (every company) agree with themselves: run after every API and browser test
// file, so a code path that lets the ledger drift fails the file that took it.

type Check = { name: string; query: ReturnType<typeof sql<Record<string, unknown>>> };

/** Units each order line gave to shipped documents: shipments that left, pick lists posted. */
const issuedPerOrderLine = sql`
  select company_id, order_id, order_line_no as line_no, sum(qty)::int as qty from (
    select l.company_id, l.order_id, l.order_line_no, l.qty from shipment_lines l
      join shipments s on s.company_id = l.company_id and s.id = l.shipment_id
     where s.status in ('shipped', 'delivered')
    union all
    select l.company_id, l.order_id, l.order_line_no, l.qty from pick_list_lines l
      join pick_lists p on p.company_id = l.company_id and p.id = l.pick_list_id
     where p.status = 'posted' and l.order_id is not null) d
  group by 1, 2, 3`;

const checks: Check[] = [
  {
    name: 'stock balance equals the sum of its movements',
    query: sql`
      select b.company_id, b.warehouse_id, b.product_id, b.on_hand, b.reserved, m.oh, m.rs
        from stock_balances b
        left join (select company_id, warehouse_id, product_id, sum(on_hand_delta)::int as oh,
                          sum(reserved_delta)::int as rs
                     from stock_movements group by 1, 2, 3) m
          on m.company_id = b.company_id and m.warehouse_id = b.warehouse_id and m.product_id = b.product_id
       where b.on_hand <> coalesce(m.oh, 0) or b.reserved <> coalesce(m.rs, 0)
      union all
      select m.company_id, m.warehouse_id, m.product_id, null, null,
             sum(m.on_hand_delta)::int, sum(m.reserved_delta)::int
        from stock_movements m
       where not exists (select 1 from stock_balances b where b.company_id = m.company_id
                           and b.warehouse_id = m.warehouse_id and b.product_id = m.product_id)
       group by 1, 2, 3`,
  },
  {
    name: 'stock balance within 0 ≤ reserved ≤ on hand',
    query: sql`select company_id, warehouse_id, product_id, on_hand, reserved from stock_balances
                where reserved < 0 or reserved > on_hand`,
  },
  {
    name: 'reserved stock equals what order lines and open store/region pick lists hold',
    query: sql`
      with held as (
        select l.company_id, o.warehouse_id, l.product_id, l.reserved as qty from order_lines l
          join orders o on o.company_id = l.company_id and o.id = l.order_id
         where l.reserved <> 0
        union all
        select l.company_id, p.warehouse_id, l.product_id, l.qty from pick_list_lines l
          join pick_lists p on p.company_id = l.company_id and p.id = l.pick_list_id
         where p.status = 'open' and l.order_id is null),
      per as (select company_id, warehouse_id, product_id, sum(qty)::int as qty from held group by 1, 2, 3)
      select coalesce(b.company_id, h.company_id) as company_id,
             coalesce(b.warehouse_id, h.warehouse_id) as warehouse_id,
             coalesce(b.product_id, h.product_id) as product_id, b.reserved, h.qty as held
        from stock_balances b
        full join per h on h.company_id = b.company_id and h.warehouse_id = b.warehouse_id
                       and h.product_id = b.product_id
       where coalesce(b.reserved, 0) <> coalesce(h.qty, 0)`,
  },
  {
    name: 'held allocation reservations and open pick lists of an order line fit its reserved units',
    query: sql`
      with holds as (
        select company_id, order_id, line_no, qty from allocation_reservations where status = 'held'
        union all
        select l.company_id, l.order_id, l.order_line_no, l.qty from pick_list_lines l
          join pick_lists p on p.company_id = l.company_id and p.id = l.pick_list_id
         where p.status = 'open' and l.order_id is not null),
      per as (select company_id, order_id, line_no, sum(qty)::int as qty from holds group by 1, 2, 3)
      select h.company_id, h.order_id, h.line_no, h.qty as held, l.reserved
        from per h
        left join order_lines l on l.company_id = h.company_id and l.order_id = h.order_id and l.line_no = h.line_no
       where l.reserved is null or h.qty > l.reserved`,
  },
  {
    name: "an order line's units in shipments equal its open shipments' lines and fit its reserved units",
    query: sql`
      select l.company_id, l.order_id, l.line_no, l.in_shipment, o.qty as in_open_shipments, l.reserved
        from order_lines l
        left join (select sl.company_id, sl.order_id, sl.order_line_no, sum(sl.qty)::int as qty
                     from shipment_lines sl
                     join shipments s on s.company_id = sl.company_id and s.id = sl.shipment_id
                    where s.status in ('to_pick', 'picked', 'rechecked', 'packed')
                    group by 1, 2, 3) o
          on o.company_id = l.company_id and o.order_id = l.order_id and o.order_line_no = l.line_no
       where l.in_shipment <> coalesce(o.qty, 0) or l.in_shipment > l.reserved`,
  },
  {
    name: 'order line reserved + backordered + shipped fits its quantity, none negative',
    query: sql`select company_id, order_id, line_no, qty, reserved, backordered, shipped from order_lines
                where reserved < 0 or backordered < 0 or shipped < 0 or reserved + backordered + shipped > qty`,
  },
  {
    name: 'a cancelled order holds nothing',
    query: sql`
      select l.company_id, l.order_id, l.line_no, l.reserved, l.backordered from order_lines l
        join orders o on o.company_id = l.company_id and o.id = l.order_id
       where o.status = 'cancelled' and (l.reserved <> 0 or l.backordered <> 0)
      union all
      select r.company_id, r.order_id, r.line_no, r.qty, null from allocation_reservations r
        join orders o on o.company_id = r.company_id and o.id = r.order_id
       where o.status = 'cancelled' and r.status = 'held'`,
  },
  {
    name: "order line's shipped units equal what its shipped documents issued",
    query: sql`
      select l.company_id, l.order_id, l.line_no, l.shipped, i.qty as issued
        from order_lines l
        left join (${issuedPerOrderLine}) i
          on i.company_id = l.company_id and i.order_id = l.order_id and i.line_no = l.line_no
       where l.shipped <> coalesce(i.qty, 0)`,
  },
  {
    name: 'stock issued by each shipped document equals its lines',
    query: sql`
      with docs as (
        select s.company_id, s.warehouse_id, s.number as reference, sum(l.qty)::int as qty from shipments s
          join shipment_lines l on l.company_id = s.company_id and l.shipment_id = s.id
         where s.status in ('shipped', 'delivered') group by 1, 2, 3
        union all
        select p.company_id, p.warehouse_id, 'PICK-' || left(p.id::text, 8), sum(l.qty)::int from pick_lists p
          join pick_list_lines l on l.company_id = p.company_id and l.pick_list_id = p.id
         where p.status = 'posted' group by 1, 2, 3),
      issued as (
        select company_id, warehouse_id, reference, -sum(on_hand_delta)::int as qty, -sum(reserved_delta)::int as rs
          from stock_movements where kind = 'issue' group by 1, 2, 3)
      select coalesce(d.company_id, i.company_id) as company_id, coalesce(d.reference, i.reference) as reference,
             d.qty as document, i.qty as issued, i.rs as unreserved
        from docs d
        full join issued i on i.company_id = d.company_id and i.warehouse_id = d.warehouse_id
                          and i.reference = d.reference
       where coalesce(d.qty, 0) <> coalesce(i.qty, 0) or coalesce(d.qty, 0) <> coalesce(i.rs, 0)`,
  },
  {
    name: "franchisee's funds and credit equal the sum of its ledger",
    query: sql`
      select b.company_id, b.customer_id, b.funds::text, b.credit::text, l.f::text, l.c::text
        from franchisee_balances b
        left join (select company_id, customer_id, sum(funds_delta) as f, sum(credit_delta) as c
                     from franchisee_ledger group by 1, 2) l
          on l.company_id = b.company_id and l.customer_id = b.customer_id
       where b.funds <> coalesce(l.f, 0) or b.credit <> coalesce(l.c, 0)
      union all
      select l.company_id, l.customer_id, null, null, sum(l.funds_delta)::text, sum(l.credit_delta)::text
        from franchisee_ledger l
       where not exists (select 1 from franchisee_balances b
                          where b.company_id = l.company_id and b.customer_id = l.customer_id)
       group by 1, 2`,
  },
  {
    name: "a money receipt's applications stay within its amount, on its side of zero",
    query: sql`
      select r.company_id, r.id, r.amount::text, coalesce(sum(a.amount), 0)::text as applied
        from customer_receipts r
        left join receipt_applications a on a.company_id = r.company_id and a.receipt_id = r.id
       group by r.company_id, r.id, r.amount
      having (r.amount >= 0 and (coalesce(sum(a.amount), 0) < 0 or coalesce(sum(a.amount), 0) > r.amount))
          or (r.amount < 0 and (coalesce(sum(a.amount), 0) > 0 or coalesce(sum(a.amount), 0) < r.amount))`,
  },
  {
    name: 'a reversal cancels its receipt exactly, order by order',
    query: sql`
      select v.company_id, v.id, v.amount::text as reversal, r.amount::text as original
        from customer_receipts v
        join customer_receipts r on r.company_id = v.company_id and r.id = v.reverses_id
       where v.amount <> -r.amount or v.customer_id <> r.customer_id
          or exists (select a.order_id from receipt_applications a
                      where a.company_id = v.company_id and a.receipt_id in (v.id, r.id)
                      group by a.order_id having sum(a.amount) <> 0)`,
  },
  {
    name: 'what is paid on an order stays within 0 and its total',
    query: sql`
      select o.company_id, o.id, o.total::text, sum(a.amount)::text as paid
        from orders o
        join receipt_applications a on a.company_id = o.company_id and a.order_id = o.id
       group by o.company_id, o.id, o.total
      having sum(a.amount) < 0 or sum(a.amount) > o.total`,
  },
  {
    name: 'a receivable belongs to the customer of its order',
    query: sql`
      select r.company_id, r.id, r.customer_id, o.customer_id as order_customer
        from receivables r
        join orders o on o.company_id = r.company_id and o.id = r.order_id
       where o.customer_id <> r.customer_id`,
  },
  {
    name: 'a shipment receivable equals the value of its lines for the order',
    query: sql`
      select r.company_id, r.id, r.amount::text, v.value::text
        from receivables r
        join (select company_id, shipment_id, order_id, sum(qty * unit_price) as value from shipment_lines
               group by 1, 2, 3) v
          on v.company_id = r.company_id and v.shipment_id = r.shipment_id and v.order_id = r.order_id
       where r.kind = 'shipment' and r.amount <> v.value`,
  },
  // Returns (退货单)
  {
    name: 'quarantine balance equals the sum of its movements, never negative',
    query: sql`
      select coalesce(b.company_id, m.company_id) as company_id, coalesce(b.warehouse_id, m.warehouse_id) as w,
             coalesce(b.product_id, m.product_id) as p, b.qty, m.qty as moved
        from quarantine_balances b
        full join (select company_id, warehouse_id, product_id, sum(qty_delta)::int as qty
                     from quarantine_movements group by 1, 2, 3) m
          on m.company_id = b.company_id and m.warehouse_id = b.warehouse_id and m.product_id = b.product_id
       where coalesce(b.qty, 0) <> coalesce(m.qty, 0) or b.qty < 0`,
  },
  {
    name: "order line's returned units equal what its inspected returns took back, within shipped",
    query: sql`
      select l.company_id, l.order_id, l.line_no, l.returned, l.shipped, i.qty as inspected
        from order_lines l
        left join (select rl.company_id, r.order_id, rl.line_no,
                          sum(coalesce(rl.good, 0) + coalesce(rl.defective, 0))::int as qty
                     from return_lines rl
                     join return_requests r on r.company_id = rl.company_id and r.id = rl.return_id
                    group by 1, 2, 3) i
          on i.company_id = l.company_id and i.order_id = l.order_id and i.line_no = l.line_no
       where l.returned <> coalesce(i.qty, 0) or l.returned > l.shipped`,
  },
  {
    name: 'red-letter records of an invoice stay within its amount',
    query: sql`
      select i.company_id, i.id, i.amount::text, sum(v.amount)::text as reversed
        from invoices i
        join invoice_reversals v on v.company_id = i.company_id and v.invoice_id = i.id
       group by i.company_id, i.id, i.amount
      having -sum(v.amount) > i.amount`,
  },
];

/** Every violation of the checks above, by check name (empty when the books hold). */
export async function findViolations(db: Kysely<DB>) {
  const found: { check: string; rows: Record<string, unknown>[] }[] = [];
  for (const c of checks) {
    const r = await c.query.execute(db);
    if (r.rows.length) found.push({ check: c.name, rows: r.rows.slice(0, 10) });
  }
  return found;
}

/** Throws, listing what is wrong, when any invariant of the books does not hold. */
export async function assertInvariants(db: Kysely<DB>) {
  const found = await findViolations(db);
  if (found.length)
    throw new Error(
      `The books do not hold:\n${found.map((f) => `- ${f.check}: ${JSON.stringify(f.rows, null, 1)}`).join('\n')}`,
    );
}
