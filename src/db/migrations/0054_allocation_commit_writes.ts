import { sql, type Kysely } from 'kysely';

// What an allocation run's commit wrote that nothing needed (bench/allocation.ts, 50,000 lines on PostgreSQL):
// - order_lines_reserved (by product, the lines holding stock) was read only by the reserved-units check when a
//   key's changes do not net to 0, that is when the check is about to refuse a commit or a restore loads lines
//   before their orders. That sum now walks order_lines_product, every line of the product rather than only those
//   holding stock: slower on those two rare paths, while every line a run or a confirmation reserves no longer adds
//   an index entry (110 of the run's 410 ms order-line update).
// - A run's input and result were stored as jsonb: parsing 3.6 MB into jsonb and compressing it took 117 ms. They
//   are kept as written (json) and compressed with lz4 where the server has it (PostgreSQL; the embedded database
//   has only pglz, and keeps it).
// - A pick-list line inserted into a list that is not posted issues nothing of its order line's, so the shipped-
//   units check it queued at commit (three lookups a line, 90 ms for 5,400 lines) is skipped; posting the list
//   checks every line of it (pick_lists_ledger), as before.
const statements = [
  `drop index order_lines_reserved`,
  `alter table allocation_runs alter column input type json using input::json,
     alter column result type json using result::json`,
  `do $$ begin
     alter table allocation_runs alter column input set compression lz4, alter column result set compression lz4;
   exception when feature_not_supported then null;
   end $$`,
  `create or replace function ledger_pick_list_line_changed() returns trigger language plpgsql as $$
   begin
     if tg_op = 'INSERT' and not exists (select 1 from pick_lists k
          where k.company_id = new.company_id and k.id = new.pick_list_id and k.status = 'posted') then
       return null;
     end if;
     perform ledger_check_shipped(new.company_id, new.order_id, new.order_line_no);
     return null;
   end $$`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
