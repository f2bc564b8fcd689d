import { sql, type Kysely } from 'kysely';

// Whether any of these balances has an open earmark, read with a snapshot of its own: a statement that locks the
// balances and then calls it sees every earmark committed before it got the locks (see stock-reserve.repository.ts).
// PL/pgSQL, so the planner never inlines it into the caller's snapshot.
const statements = [
  `create function stock_open_earmarks(c uuid, w uuid[], p uuid[]) returns boolean language plpgsql volatile as $$
   begin
     return exists (select 1 from stock_earmarks e join unnest(w, p) as k(w, p)
                      on e.warehouse_id = k.w and e.product_id = k.p
                   where e.company_id = c and e.remaining > 0);
   end $$`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
