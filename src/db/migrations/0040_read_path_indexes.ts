import { sql, type Kysely } from 'kysely';

// Read paths at 100k orders and beyond, each index named with the query whose plan uses it:
// - shipments_in_warehouse (company_id, id) where the shipment is still in the warehouse: the warehouse queue
//   (queue.repository.ts) sums the units of shipments not yet shipped per order; there are a few hundred such
//   shipments among a company's hundred thousand, which a scan of shipments would read in full.
// - order_lines_reserved_by_order (company_id, order_id) with the reserved units, for lines holding stock: the
//   warehouse queue sums reserved units per order from an index-only scan of the few thousand lines that hold
//   stock, instead of reading each line's row (order_lines_reserved is by product, for the stock ledger).
// - order_balances (what each order was billed and what covers it) and order_balances_open (company_id, order_id)
//   where open (credit < billed, a column so the planner knows how few orders are open): the finance 工作台's
//   count of overdue outstanding receivables reads only the orders with something left to pay, not every
//   receivable and payment the company ever had. A receivable is outstanding only
//   when its order's credit (payments applied, allowances, return credits) is below what was billed before it, so
//   an order whose credit covers all it was billed (positive amounts) has none; the balance keeps the due dates of
//   the receivables its credit leaves unpaid, so the count is of those due before today. It is kept by deferred
//   triggers that recount the order's row at commit, its row locked first, so a restore (which loads this table
//   before the rows it is counted from) and concurrent payments both leave it right.
// - receivables_order (company_id, order_id): the triggers' recount of one order, and the count's receivables of
//   no order.

/**
 * Every order's balance counted afresh from its receivables and payments, with the due dates of the receivables
 * its credit leaves unpaid (covered oldest due first), in one statement.
 */
const ORDER_BALANCES_REBUILD = `
  with bal as (
    select x.company_id, x.order_id, sum(x.billed) as billed, sum(x.credit) as credit from (
      select company_id, order_id,
             case when kind in ('allowance', 'return_credit') then 0 else greatest(amount, 0) end as billed,
             case when kind in ('allowance', 'return_credit') then -amount else 0 end as credit
        from receivables where order_id is not null
      union all
      select company_id, order_id, 0, amount from receipt_applications) x
     group by x.company_id, x.order_id),
  unpaid as (
    select r.company_id, r.order_id, array_agg(r.due_date order by r.due_date) as due from (
      select company_id, order_id, due_date, amount,
             sum(amount) over (partition by company_id, order_id order by due_date, created_at, id) as upto
        from receivables where order_id is not null and kind not in ('allowance', 'return_credit')) r
      join bal b on b.company_id = r.company_id and b.order_id = r.order_id
     where r.amount > 0 and b.credit < r.upto
     group by r.company_id, r.order_id)
  insert into order_balances (company_id, order_id, billed, credit, outstanding_due)
  select b.company_id, b.order_id, b.billed, b.credit, coalesce(u.due, '{}')
    from bal b left join unpaid u on u.company_id = b.company_id and u.order_id = b.order_id
  on conflict (company_id, order_id) do update
    set billed = excluded.billed, credit = excluded.credit, outstanding_due = excluded.outstanding_due`;

const statements = [
  `create index shipments_in_warehouse on shipments (company_id, id)
     where status in ('to_pick', 'picked', 'rechecked', 'packed')`,
  `create index order_lines_reserved_by_order on order_lines (company_id, order_id) include (reserved)
     where reserved > 0`,
  `create index receivables_order on receivables (company_id, order_id)`,
  `create table order_balances (
     company_id uuid not null,
     order_id uuid not null,
     billed numeric(18,2) not null default 0,
     credit numeric(18,2) not null default 0,
     outstanding_due date[] not null default '{}',
     open boolean generated always as (credit < billed) stored,
     primary key (company_id, order_id))`,
  `create index order_balances_open on order_balances (company_id, order_id) where open`,
  `create function order_balance_recount(c uuid, o uuid) returns void language plpgsql as $$
   declare
     v_billed numeric;
     v_credit numeric;
     v_due date[];
   begin
     if o is null then return; end if;
     insert into order_balances (company_id, order_id) values (c, o) on conflict do nothing;
     -- Locked first: each statement after this sees what a concurrent writer of the order committed meanwhile.
     perform 1 from order_balances where company_id = c and order_id = o for update;
     select coalesce(sum(greatest(r.amount, 0)) filter (where r.kind not in ('allowance', 'return_credit')), 0),
            -coalesce(sum(r.amount) filter (where r.kind in ('allowance', 'return_credit')), 0)
       into v_billed, v_credit
       from receivables r where r.company_id = c and r.order_id = o;
     v_credit := v_credit + coalesce((select sum(a.amount) from receipt_applications a
                                       where a.company_id = c and a.order_id = o), 0);
     select coalesce(array_agg(x.due_date order by x.due_date), '{}') into v_due
       from (select r.due_date, r.amount,
                    sum(r.amount) over (order by r.due_date, r.created_at, r.id) as upto
               from receivables r
              where r.company_id = c and r.order_id = o and r.kind not in ('allowance', 'return_credit')) x
      where x.amount > 0 and v_credit < x.upto;
     update order_balances set billed = v_billed, credit = v_credit, outstanding_due = v_due
      where company_id = c and order_id = o;
   end $$`,
  `create function order_balance_changed() returns trigger language plpgsql as $$
   begin
     if tg_op <> 'DELETE' then perform order_balance_recount(new.company_id, new.order_id); end if;
     if tg_op = 'DELETE' or old.order_id is distinct from new.order_id then
       perform order_balance_recount(old.company_id, old.order_id);
     end if;
     return null;
   end $$`,
  `create constraint trigger receivables_order_balance
     after insert or delete or update of order_id, kind, amount, due_date, created_at on receivables
     deferrable initially deferred for each row execute function order_balance_changed()`,
  `create constraint trigger receipt_applications_order_balance
     after insert or delete or update of order_id, amount on receipt_applications
     deferrable initially deferred for each row execute function order_balance_changed()`,
  ORDER_BALANCES_REBUILD,
  `analyze order_balances`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
