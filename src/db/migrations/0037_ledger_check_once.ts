import { sql, type Kysely } from 'kysely';

// The stock ledger check (0006) sums every holder of a warehouse's product; its deferred row triggers called it
// once per changed row, so a run reserving 50,000 order lines of 500 products summed each product 100 times
// at commit. Deferred checks fire when the rows are final (at commit, or when a restore sets its constraints
// immediate at its very end), so one check per warehouse and product per transaction proves the same.
// The keys already checked live in a temporary table emptied at commit. An order line's shipped units are
// checked when they change, not when only its reservation does (its documents have triggers of their own).
const statements = [
  `create or replace function ledger_order_line_changed() returns trigger language plpgsql as $$
   begin
     if tg_op = 'INSERT' or old.shipped <> new.shipped then
       perform ledger_check_shipped(new.company_id, new.order_id, new.line_no);
     end if;
     if tg_op = 'INSERT' or old.reserved <> new.reserved then
       perform ledger_check_reserved(new.company_id, o.warehouse_id, new.product_id)
         from orders o where o.company_id = new.company_id and o.id = new.order_id;
     end if;
     return null;
   end $$`,
  `create or replace function ledger_check_reserved(c uuid, w uuid, p uuid) returns void language plpgsql as $$
   declare
     balance int;
     held int;
   begin
     if to_regclass('pg_temp.ledger_reserved_checked') is null then
       create temp table ledger_reserved_checked (c uuid, w uuid, p uuid, primary key (c, w, p))
         on commit delete rows;
     end if;
     insert into ledger_reserved_checked values (c, w, p) on conflict do nothing;
     if not found then return; end if;
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
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
