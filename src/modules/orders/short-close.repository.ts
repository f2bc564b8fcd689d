import { sql } from 'kysely';
import type { Db } from '../../db/database';

/** The order's outbound orders still in the warehouse, and those that left it but have not arrived. */
export async function shipmentCounts(db: Db, companyId: string, orderId: string) {
  const r = await sql<{ in_warehouse: number; undelivered: number }>`
    select count(*) filter (where s.status in ('to_pick', 'picked', 'rechecked', 'packed'))::int as in_warehouse,
           count(*) filter (where s.status = 'shipped')::int as undelivered
      from shipments s
     where s.company_id = ${companyId}
       and exists (select 1 from shipment_lines l
                    where l.company_id = s.company_id and l.shipment_id = s.id and l.order_id = ${orderId})`.execute(
    db,
  );
  return { inWarehouse: r.rows[0]?.in_warehouse ?? 0, undelivered: r.rows[0]?.undelivered ?? 0 };
}

/** Records what each line closed unshipped and sets its reservation and backorder to none. */
export async function closeLines(
  db: Db,
  companyId: string,
  orderId: string,
  lines: { lineNo: number; closed: number }[],
) {
  if (!lines.length) return;
  await sql`
    update order_lines l set reserved = 0, backordered = 0, closed_qty = k.closed
      from unnest(${lines.map((x) => x.lineNo)}::int[], ${lines.map((x) => x.closed)}::int[]) as k(line_no, closed)
     where l.company_id = ${companyId} and l.order_id = ${orderId} and l.line_no = k.line_no`.execute(db);
}
