import { sql, type Kysely } from 'kysely';

// The shipped-units check (0006) runs once per changed order line at commit. It summed the line's shipment and
// pick-list lines through a join with their documents, and PL/pgSQL keeps one generic plan per session: when the
// statistics still saw few pick lists (a company's first large allocation run, before autovacuum), that plan read
// every pick list of the company for each line, about 0.25 ms a line, 1.3 s of a 50,000-line run's commit. Each
// document's status is now looked up by its key from the line, a plan that cannot walk the company's documents.
const statements = [
  `create or replace function ledger_check_shipped(c uuid, o uuid, n int) returns void language plpgsql as $$
   declare
     recorded int;
     issued int;
   begin
     select shipped into recorded from order_lines where company_id = c and order_id = o and line_no = n;
     if recorded is null then return; end if;
     select coalesce((select sum(l.qty) from shipment_lines l
                       where l.company_id = c and l.order_id = o and l.order_line_no = n
                         and (select s.status from shipments s
                               where s.company_id = l.company_id and s.id = l.shipment_id)
                             in ('shipped', 'delivered')), 0)
          + coalesce((select sum(l.qty) from pick_list_lines l
                       where l.company_id = c and l.order_id = o and l.order_line_no = n
                         and (select p.status from pick_lists p
                               where p.company_id = l.company_id and p.id = l.pick_list_id) = 'posted'), 0)
       into issued;
     if recorded <> issued then
       raise exception 'ledger drift: order line %/% records % shipped, its documents issued %', o, n, recorded, issued
         using errcode = 'check_violation', constraint = 'order_line_shipped_matches_documents';
     end if;
   end $$`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
