import { sql, type Kysely } from 'kysely';

// The reserved-stock check of 0006 summed every holder of a warehouse's product at each commit that touched it:
// a product held by 10,000 open orders cost 10,000 rows on every confirmation, and confirming slowed as orders
// accumulated. It now checks what the transaction changed: every committed transaction keeps a balance's reserved
// units equal to what its holders (order lines, open store/region pick lists) hold, so it is enough that each
// transaction moves both by the same amount. Statement triggers add each change to a per-session table
// (balance +Δ, holders −Δ) that empties at commit; a deferred trigger on that table refuses the commit when a key's
// sum is not 0. The shipped-units check of order lines stays as it was (it reads only the line's own documents).

/** What a set of changed rows (`new_rows`, or `old_rows` taken away) adds to "balance − holders", per key. */
function deltaRows(table: string, rows: string, old = false) {
  const sign = old ? '-' : '';
  if (table === 'stock_balances')
    return `select company_id, warehouse_id, product_id, ${sign}reserved::bigint as d from ${rows} where reserved <> 0`;
  if (table === 'order_lines')
    return `select r.company_id, o.warehouse_id, r.product_id, ${old ? '' : '-'}r.reserved::bigint as d from ${rows} r
              join orders o on o.company_id = r.company_id and o.id = r.order_id where r.reserved <> 0`;
  return `select r.company_id, k.warehouse_id, r.product_id, ${old ? '' : '-'}r.qty::bigint as d from ${rows} r
            join pick_lists k on k.company_id = r.company_id and k.id = r.pick_list_id
           where r.order_id is null and k.status = 'open'`;
}

const statements = [
  // A key whose changes do not net to 0 is counted in full before it is refused: a restore loads rows in table
  // order, so an order line can arrive before the order that names its warehouse and its change go uncounted.
  `create function ledger_reserved_delta_check() returns trigger language plpgsql as $$
   declare
     net bigint;
     balance int;
     held int;
   begin
     select delta into net from pg_temp.ledger_reserved_delta
      where company_id = new.company_id and warehouse_id = new.warehouse_id and product_id = new.product_id;
     if net = 0 then return null; end if;
     select reserved into balance from stock_balances
      where company_id = new.company_id and warehouse_id = new.warehouse_id and product_id = new.product_id;
     select coalesce((select sum(l.reserved) from order_lines l
                        join orders o on o.company_id = l.company_id and o.id = l.order_id
                       where l.company_id = new.company_id and l.product_id = new.product_id and l.reserved > 0
                         and o.warehouse_id = new.warehouse_id), 0)
          + coalesce((select sum(l.qty) from pick_list_lines l
                        join pick_lists k on k.company_id = l.company_id and k.id = l.pick_list_id
                       where l.company_id = new.company_id and l.product_id = new.product_id and l.order_id is null
                         and k.warehouse_id = new.warehouse_id and k.status = 'open'), 0)
       into held;
     if coalesce(balance, 0) <> held then
       raise exception 'ledger drift: stock %/% has % reserved, its orders and pick lists hold %',
         new.warehouse_id, new.product_id, coalesce(balance, 0), held
         using errcode = 'check_violation', constraint = 'stock_reserved_matches_holders';
     end if;
     return null;
   end $$`,
  // The per-session table the changes add up in, made on first use (a temporary table lives in one session).
  `create function ledger_reserved_table() returns void language plpgsql as $$
   begin
     if to_regclass('pg_temp.ledger_reserved_delta') is null then
       create temp table ledger_reserved_delta (company_id uuid, warehouse_id uuid, product_id uuid,
         delta bigint not null, primary key (company_id, warehouse_id, product_id)) on commit delete rows;
       create constraint trigger ledger_reserved_delta_check after insert on pg_temp.ledger_reserved_delta
         deferrable initially deferred for each row execute function ledger_reserved_delta_check();
     end if;
   end $$`,
  // Statement triggers read the changed rows as sets (one call per statement, not per row): balance +Δ,
  // holders −Δ, summed per warehouse and product; a key that nets to 0 in a statement adds nothing.
  ...(
    [
      ['stock_balances', 'insert', 'new', ''],
      ['stock_balances', 'update', 'both', ''],
      ['stock_balances', 'delete', 'old', ''],
      ['order_lines', 'insert', 'new', ''],
      ['order_lines', 'update', 'both', ''],
      ['order_lines', 'delete', 'old', ''],
      ['pick_list_lines', 'insert', 'new', ''],
      ['pick_list_lines', 'update', 'both', ''],
      ['pick_list_lines', 'delete', 'old', ''],
    ] as const
  ).flatMap(([table, event, sides]) => {
    const fn = `ledger_${table}_${event}`;
    const parts = [
      ...(sides === 'old' ? [] : [deltaRows(table, 'new_rows')]),
      ...(sides === 'new' ? [] : [deltaRows(table, 'old_rows', true)]),
    ];
    const referencing = [
      ...(sides === 'new' ? [] : ['old table as old_rows']),
      ...(sides === 'old' ? [] : ['new table as new_rows']),
    ].join(' ');
    return [
      `create function ${fn}() returns trigger language plpgsql as $$
       begin
         perform ledger_reserved_table();
         insert into pg_temp.ledger_reserved_delta as t
         select company_id, warehouse_id, product_id, sum(d) from (${parts.join(' union all ')}) x
          group by 1, 2, 3 having sum(d) <> 0
         on conflict (company_id, warehouse_id, product_id) do update set delta = t.delta + excluded.delta;
         return null;
       end $$`,
      `create trigger ${fn} after ${event} on ${table} referencing ${referencing}
         for each statement execute function ${fn}()`,
    ];
  }),
  // An order moved to another warehouse takes its lines' reservations with it; an open store/region pick list
  // that is posted, cancelled or reopened gives back or takes its lines' units (both rare, so row by row).
  `create function ledger_order_warehouse() returns trigger language plpgsql as $$
   begin
     perform ledger_reserved_table();
     insert into pg_temp.ledger_reserved_delta as t
     select l.company_id, x.w, l.product_id, sum(x.sign * l.reserved)
       from order_lines l, (values (old.warehouse_id, 1), (new.warehouse_id, -1)) as x(w, sign)
      where l.company_id = new.company_id and l.order_id = new.id and l.reserved <> 0
      group by 1, 2, 3
     on conflict (company_id, warehouse_id, product_id) do update set delta = t.delta + excluded.delta;
     return null;
   end $$`,
  `create function ledger_pick_list_reserved() returns trigger language plpgsql as $$
   begin
     perform ledger_reserved_table();
     insert into pg_temp.ledger_reserved_delta as t
     select l.company_id, x.w, l.product_id, sum(x.sign * l.qty)
       from pick_list_lines l,
            (values (old.warehouse_id, case when old.status = 'open' then 1 else 0 end),
                    (new.warehouse_id, case when new.status = 'open' then -1 else 0 end)) as x(w, sign)
      where l.company_id = new.company_id and l.pick_list_id = new.id and l.order_id is null and x.sign <> 0
      group by 1, 2, 3 having sum(x.sign * l.qty) <> 0
     on conflict (company_id, warehouse_id, product_id) do update set delta = t.delta + excluded.delta;
     return null;
   end $$`,
  `create trigger orders_warehouse_reserved after update of warehouse_id on orders
     for each row when (old.warehouse_id is distinct from new.warehouse_id)
     execute function ledger_order_warehouse()`,
  `create trigger pick_lists_reserved after update of status, warehouse_id on pick_lists
     for each row when (old.status is distinct from new.status or old.warehouse_id is distinct from new.warehouse_id)
     execute function ledger_pick_list_reserved()`,
  // The old whole-sum checks go; the shipped-units checks fire only when shipped units can change.
  `drop trigger stock_balances_ledger_insert on stock_balances`,
  `drop trigger stock_balances_ledger on stock_balances`,
  `drop trigger order_lines_ledger_insert on order_lines`,
  `drop trigger order_lines_ledger on order_lines`,
  `drop function ledger_balance_changed()`,
  `create or replace function ledger_order_line_changed() returns trigger language plpgsql as $$
   begin
     perform ledger_check_shipped(new.company_id, new.order_id, new.line_no);
     return null;
   end $$`,
  `create constraint trigger order_lines_ledger_insert after insert on order_lines
     deferrable initially deferred for each row when (new.shipped <> 0)
     execute function ledger_order_line_changed()`,
  `create constraint trigger order_lines_ledger after update of shipped on order_lines
     deferrable initially deferred for each row when (old.shipped <> new.shipped)
     execute function ledger_order_line_changed()`,
  `create or replace function ledger_pick_list_changed() returns trigger language plpgsql as $$
   begin
     perform ledger_check_shipped(l.company_id, l.order_id, l.order_line_no)
       from pick_list_lines l
       where l.company_id = new.company_id and l.pick_list_id = new.id and l.order_id is not null;
     return null;
   end $$`,
  // Store and region lines (no order line) ship nothing of an order's: their rows no longer queue a check.
  `drop trigger pick_list_lines_ledger on pick_list_lines`,
  `create or replace function ledger_pick_list_line_changed() returns trigger language plpgsql as $$
   begin
     perform ledger_check_shipped(new.company_id, new.order_id, new.order_line_no);
     return null;
   end $$`,
  `create constraint trigger pick_list_lines_ledger after insert or update on pick_list_lines
     deferrable initially deferred for each row when (new.order_id is not null)
     execute function ledger_pick_list_line_changed()`,
  `drop function ledger_check_reserved(uuid, uuid, uuid)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
