import { sql, type Kysely } from 'kysely';

// The reserved-stock check of 0006 summed every holder of a warehouse's product at each commit that touched it:
// a product held by 10,000 open orders cost 10,000 rows on every confirmation, and confirming slowed as orders
// accumulated. It now checks what the transaction changed: every committed transaction keeps a balance's reserved
// units equal to what its holders (order lines, open store/region pick lists) hold, so it is enough that each
// transaction moves both by the same amount. Row triggers add each change to a per-session table (balance +Δ,
// holders −Δ) that empties at commit; a deferred trigger on that table refuses the commit when a key's sum is not 0.
// The shipped-units check of order lines stays as it was (it reads only the line's own documents).
const statements = [
  `create function ledger_reserved_delta_check() returns trigger language plpgsql as $$
   declare
     net bigint;
   begin
     select delta into net from pg_temp.ledger_reserved_delta
      where company_id = new.company_id and warehouse_id = new.warehouse_id and product_id = new.product_id;
     if net <> 0 then
       raise exception 'ledger drift: stock %/% reserved moved % units apart from its orders and pick lists',
         new.warehouse_id, new.product_id, net
         using errcode = 'check_violation', constraint = 'stock_reserved_matches_holders';
     end if;
     return null;
   end $$`,
  // d: the balance's change less the holders' change, for warehouse w and product p of company c.
  `create function ledger_reserved_add(c uuid, w uuid, p uuid, d bigint) returns void language plpgsql as $$
   begin
     if d = 0 or w is null or p is null then return; end if;
     if to_regclass('pg_temp.ledger_reserved_delta') is null then
       create temp table ledger_reserved_delta (company_id uuid, warehouse_id uuid, product_id uuid,
         delta bigint not null, primary key (company_id, warehouse_id, product_id))
         on commit delete rows;
       create constraint trigger ledger_reserved_delta_check after insert on pg_temp.ledger_reserved_delta
         deferrable initially deferred for each row execute function ledger_reserved_delta_check();
     end if;
     insert into pg_temp.ledger_reserved_delta as t values (c, w, p, d)
       on conflict (company_id, warehouse_id, product_id) do update set delta = t.delta + excluded.delta;
   end $$`,
  `create function ledger_balance_reserved() returns trigger language plpgsql as $$
   begin
     if tg_op <> 'INSERT' then
       perform ledger_reserved_add(old.company_id, old.warehouse_id, old.product_id, -old.reserved);
     end if;
     if tg_op <> 'DELETE' then
       perform ledger_reserved_add(new.company_id, new.warehouse_id, new.product_id, new.reserved);
     end if;
     return null;
   end $$`,
  `create function ledger_order_line_reserved() returns trigger language plpgsql as $$
   begin
     if tg_op <> 'INSERT' and old.reserved <> 0 then
       perform ledger_reserved_add(old.company_id, o.warehouse_id, old.product_id, old.reserved)
         from orders o where o.company_id = old.company_id and o.id = old.order_id;
     end if;
     if tg_op <> 'DELETE' and new.reserved <> 0 then
       perform ledger_reserved_add(new.company_id, o.warehouse_id, new.product_id, -new.reserved)
         from orders o where o.company_id = new.company_id and o.id = new.order_id;
     end if;
     return null;
   end $$`,
  // An order moved to another warehouse takes its lines' reservations with it.
  `create function ledger_order_warehouse() returns trigger language plpgsql as $$
   begin
     perform ledger_reserved_add(l.company_id, old.warehouse_id, l.product_id, l.reserved),
             ledger_reserved_add(l.company_id, new.warehouse_id, l.product_id, -l.reserved)
       from order_lines l where l.company_id = new.company_id and l.order_id = new.id and l.reserved <> 0;
     return null;
   end $$`,
  `create function ledger_pick_list_line_reserved() returns trigger language plpgsql as $$
   begin
     if tg_op <> 'INSERT' and old.order_id is null then
       perform ledger_reserved_add(old.company_id, k.warehouse_id, old.product_id, old.qty)
         from pick_lists k where k.company_id = old.company_id and k.id = old.pick_list_id and k.status = 'open';
     end if;
     if tg_op <> 'DELETE' and new.order_id is null then
       perform ledger_reserved_add(new.company_id, k.warehouse_id, new.product_id, -new.qty)
         from pick_lists k where k.company_id = new.company_id and k.id = new.pick_list_id and k.status = 'open';
     end if;
     return null;
   end $$`,
  `create function ledger_pick_list_reserved() returns trigger language plpgsql as $$
   begin
     perform ledger_reserved_add(l.company_id, old.warehouse_id, l.product_id, l.qty)
       from pick_list_lines l
      where old.status = 'open' and l.company_id = old.company_id and l.pick_list_id = old.id and l.order_id is null;
     perform ledger_reserved_add(l.company_id, new.warehouse_id, l.product_id, -l.qty)
       from pick_list_lines l
      where new.status = 'open' and l.company_id = new.company_id and l.pick_list_id = new.id and l.order_id is null;
     return null;
   end $$`,
  `create trigger stock_balances_reserved_insert after insert on stock_balances
     for each row when (new.reserved <> 0) execute function ledger_balance_reserved()`,
  `create trigger stock_balances_reserved after update of reserved on stock_balances
     for each row when (old.reserved <> new.reserved) execute function ledger_balance_reserved()`,
  `create trigger stock_balances_reserved_delete after delete on stock_balances
     for each row when (old.reserved <> 0) execute function ledger_balance_reserved()`,
  `create trigger order_lines_reserved_insert after insert on order_lines
     for each row when (new.reserved <> 0) execute function ledger_order_line_reserved()`,
  `create trigger order_lines_reserved after update of reserved, product_id on order_lines
     for each row when (old.reserved <> new.reserved or old.product_id <> new.product_id)
     execute function ledger_order_line_reserved()`,
  `create trigger order_lines_reserved_delete after delete on order_lines
     for each row when (old.reserved <> 0) execute function ledger_order_line_reserved()`,
  `create trigger orders_warehouse_reserved after update of warehouse_id on orders
     for each row when (old.warehouse_id is distinct from new.warehouse_id)
     execute function ledger_order_warehouse()`,
  `create trigger pick_list_lines_reserved after insert or delete or update on pick_list_lines
     for each row execute function ledger_pick_list_line_reserved()`,
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
  `create or replace function ledger_pick_list_line_changed() returns trigger language plpgsql as $$
   begin
     if new.order_id is not null then
       perform ledger_check_shipped(new.company_id, new.order_id, new.order_line_no);
     end if;
     return null;
   end $$`,
  `drop function ledger_check_reserved(uuid, uuid, uuid)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
