import { sql, type Kysely } from 'kysely';

// The per-session table the reserved-stock changes add up in (0038) was made `on commit delete rows`: PostgreSQL
// then truncates it, and rebuilds its key's index, at the commit of every transaction that touched it, which was
// most of a confirmation's commit (about 1.1 ms of 2 ms quiet, 10 ms with the disk busy). The check now deletes
// the key it has just checked instead, so a committed transaction leaves the table empty as before, and one that
// rolls back takes its rows with it. A session that made the table before this keeps it as it was: both work.
const statements = [
  `create or replace function ledger_reserved_delta_check() returns trigger language plpgsql as $$
   declare
     net bigint;
     balance int;
     held int;
   begin
     delete from pg_temp.ledger_reserved_delta
      where company_id = new.company_id and warehouse_id = new.warehouse_id and product_id = new.product_id
     returning delta into net;
     if net is null or net = 0 then return null; end if;
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
  `create or replace function ledger_reserved_table() returns void language plpgsql as $$
   begin
     if to_regclass('pg_temp.ledger_reserved_delta') is null then
       create temp table ledger_reserved_delta (company_id uuid, warehouse_id uuid, product_id uuid,
         delta bigint not null, primary key (company_id, warehouse_id, product_id));
       create constraint trigger ledger_reserved_delta_check after insert on pg_temp.ledger_reserved_delta
         deferrable initially deferred for each row execute function ledger_reserved_delta_check();
     end if;
   end $$`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
