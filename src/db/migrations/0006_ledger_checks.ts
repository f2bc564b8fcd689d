import { sql, type Kysely } from 'kysely';

// The ledger cannot drift: checked by the database at commit, whatever code wrote the rows.
// - An order line's shipped units equal what its shipped documents issued: the lines of its shipments that
//   left the warehouse, plus the lines of posted pick lists (分货发货) naming it.
// - A stock balance's reserved units equal what holds them: the reserved units of the order lines of its
//   warehouse and product, plus the lines of open pick lists for stores and regions (no order line).
// Both are deferred constraint triggers, so a transaction may pass through intermediate states, and a commit
// that leaves the rows apart fails as a whole.
const statements = [
  `create index stock_movements_reference on stock_movements (company_id, reference)`,
  `create index order_lines_reserved on order_lines (company_id, product_id) where reserved > 0`,
  `create index shipment_lines_order_line on shipment_lines (company_id, order_id, order_line_no)`,
  `create index pick_list_lines_order_line on pick_list_lines (company_id, order_id, order_line_no)
     where order_id is not null`,
  `create function ledger_check_shipped(c uuid, o uuid, n int) returns void language plpgsql as $$
   declare
     recorded int;
     issued int;
   begin
     select shipped into recorded from order_lines where company_id = c and order_id = o and line_no = n;
     if recorded is null then return; end if;
     select coalesce((select sum(l.qty) from shipment_lines l
                        join shipments s on s.company_id = l.company_id and s.id = l.shipment_id
                       where l.company_id = c and l.order_id = o and l.order_line_no = n
                         and s.status in ('shipped', 'delivered')), 0)
          + coalesce((select sum(l.qty) from pick_list_lines l
                        join pick_lists p on p.company_id = l.company_id and p.id = l.pick_list_id
                       where l.company_id = c and l.order_id = o and l.order_line_no = n
                         and p.status = 'posted'), 0)
       into issued;
     if recorded <> issued then
       raise exception 'ledger drift: order line %/% records % shipped, its documents issued %', o, n, recorded, issued
         using errcode = 'check_violation', constraint = 'order_line_shipped_matches_documents';
     end if;
   end $$`,
  `create function ledger_check_reserved(c uuid, w uuid, p uuid) returns void language plpgsql as $$
   declare
     balance int;
     held int;
   begin
     select reserved into balance from stock_balances where company_id = c and warehouse_id = w and product_id = p;
     select coalesce((select sum(l.reserved) from order_lines l
                        join orders o on o.company_id = l.company_id and o.id = l.order_id
                       where l.company_id = c and l.product_id = p and l.reserved > 0 and o.warehouse_id = w), 0)
          + coalesce((select sum(l.qty) from pick_list_lines l
                        join pick_lists k on k.company_id = l.company_id and k.id = l.pick_list_id
                       where l.company_id = c and l.product_id = p and l.order_id is null
                         and k.warehouse_id = w and k.status = 'open'), 0)
       into held;
     if coalesce(balance, 0) <> held then
       raise exception 'ledger drift: stock %/% has % reserved, its orders and pick lists hold %', w, p,
         coalesce(balance, 0), held
         using errcode = 'check_violation', constraint = 'stock_reserved_matches_holders';
     end if;
   end $$`,
  `create function ledger_order_line_changed() returns trigger language plpgsql as $$
   begin
     perform ledger_check_shipped(new.company_id, new.order_id, new.line_no);
     perform ledger_check_reserved(new.company_id, o.warehouse_id, new.product_id)
       from orders o where o.company_id = new.company_id and o.id = new.order_id;
     return null;
   end $$`,
  `create constraint trigger order_lines_ledger_insert after insert on order_lines
     deferrable initially deferred for each row when (new.reserved <> 0 or new.shipped <> 0)
     execute function ledger_order_line_changed()`,
  `create constraint trigger order_lines_ledger after update of reserved, shipped on order_lines
     deferrable initially deferred for each row
     when (old.reserved <> new.reserved or old.shipped <> new.shipped)
     execute function ledger_order_line_changed()`,
  `create function ledger_balance_changed() returns trigger language plpgsql as $$
   begin
     perform ledger_check_reserved(new.company_id, new.warehouse_id, new.product_id);
     return null;
   end $$`,
  `create constraint trigger stock_balances_ledger_insert after insert on stock_balances
     deferrable initially deferred for each row when (new.reserved <> 0)
     execute function ledger_balance_changed()`,
  `create constraint trigger stock_balances_ledger after update of reserved on stock_balances
     deferrable initially deferred for each row when (old.reserved <> new.reserved)
     execute function ledger_balance_changed()`,
  `create function ledger_shipment_changed() returns trigger language plpgsql as $$
   begin
     perform ledger_check_shipped(l.company_id, l.order_id, l.order_line_no)
       from shipment_lines l where l.company_id = new.company_id and l.shipment_id = new.id;
     return null;
   end $$`,
  `create constraint trigger shipments_ledger after update of status on shipments
     deferrable initially deferred for each row when (old.status <> new.status)
     execute function ledger_shipment_changed()`,
  `create function ledger_shipment_line_changed() returns trigger language plpgsql as $$
   begin
     perform ledger_check_shipped(new.company_id, new.order_id, new.order_line_no);
     return null;
   end $$`,
  `create constraint trigger shipment_lines_ledger after insert or update on shipment_lines
     deferrable initially deferred for each row execute function ledger_shipment_line_changed()`,
  `create function ledger_pick_list_changed() returns trigger language plpgsql as $$
   begin
     perform ledger_check_shipped(l.company_id, l.order_id, l.order_line_no)
       from pick_list_lines l
       where l.company_id = new.company_id and l.pick_list_id = new.id and l.order_id is not null;
     perform ledger_check_reserved(l.company_id, new.warehouse_id, l.product_id)
       from (select distinct company_id, product_id from pick_list_lines
              where company_id = new.company_id and pick_list_id = new.id and order_id is null) l;
     return null;
   end $$`,
  `create constraint trigger pick_lists_ledger after update of status on pick_lists
     deferrable initially deferred for each row when (old.status <> new.status)
     execute function ledger_pick_list_changed()`,
  `create function ledger_pick_list_line_changed() returns trigger language plpgsql as $$
   begin
     if new.order_id is not null then
       perform ledger_check_shipped(new.company_id, new.order_id, new.order_line_no);
     else
       perform ledger_check_reserved(new.company_id, k.warehouse_id, new.product_id)
         from pick_lists k where k.company_id = new.company_id and k.id = new.pick_list_id;
     end if;
     return null;
   end $$`,
  `create constraint trigger pick_list_lines_ledger after insert or update on pick_list_lines
     deferrable initially deferred for each row execute function ledger_pick_list_line_changed()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
