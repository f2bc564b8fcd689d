import { sql, type Kysely } from 'kysely';

// Each order line keeps the units it has in shipments still in the warehouse (`in_shipment`): they hold part of its
// reservation until they ship or the shipment is cancelled. The warehouse queue asked "reserved units not yet in a
// shipment" by summing the lines of every shipment in the warehouse, a third of its time at a million orders; it now
// reads the lines with `reserved > in_shipment` from one partial index (order_lines_to_ship, which replaces
// order_lines_reserved_by_order, the queue's only user).
// Triggers keep the column, so no writer of shipments can forget it: a shipment's lines add their units when
// they are written for a shipment in the warehouse, and a shipment that leaves the warehouse (shipped, cancelled)
// takes them away. Shipments are made with their order lines locked and a shipment's status changes with its own row
// locked before its lines' order lines, so these updates wait in the order the writers already lock in.
const IN_WAREHOUSE = `('to_pick', 'picked', 'rechecked', 'packed')`;

/** Units per order line of a set of shipment lines, counted only for shipments in the warehouse. */
const unitsOf = (rows: string, sign: string) =>
  `select r.company_id, r.order_id, r.order_line_no, ${sign}r.qty as qty from ${rows} r
     join shipments s on s.company_id = r.company_id and s.id = r.shipment_id
    where s.status in ${IN_WAREHOUSE}`;

const addUnits = (units: string) =>
  `update order_lines l set in_shipment = l.in_shipment + x.qty
     from (select company_id, order_id, order_line_no, sum(qty)::int as qty from (${units}) u
            group by 1, 2, 3 having sum(qty) <> 0) x
    where l.company_id = x.company_id and l.order_id = x.order_id and l.line_no = x.order_line_no`;

const statements = [
  `alter table order_lines add column in_shipment int not null default 0`,
  addUnits(unitsOf('shipment_lines', '')),
  ...(
    [
      ['insert', 'new table as new_rows', [unitsOf('new_rows', '')]],
      ['update', 'old table as old_rows new table as new_rows', [unitsOf('new_rows', ''), unitsOf('old_rows', '-')]],
      ['delete', 'old table as old_rows', [unitsOf('old_rows', '-')]],
    ] as const
  ).flatMap(([event, referencing, parts]) => [
    `create function shipment_lines_in_shipment_${event}() returns trigger language plpgsql as $$
     begin
       ${addUnits(parts.join(' union all '))};
       return null;
     end $$`,
    `create trigger shipment_lines_in_shipment_${event} after ${event} on shipment_lines referencing ${referencing}
       for each statement execute function shipment_lines_in_shipment_${event}()`,
  ]),
  // Only a move into or out of the warehouse changes the count (not pick, recheck, pack or deliver).
  `create function shipments_in_shipment() returns trigger language plpgsql as $$
   begin
     update order_lines l
        set in_shipment = l.in_shipment + case when new.status in ${IN_WAREHOUSE} then x.qty else -x.qty end
       from (select order_id, order_line_no, sum(qty)::int as qty from shipment_lines
              where company_id = new.company_id and shipment_id = new.id group by 1, 2) x
      where l.company_id = new.company_id and l.order_id = x.order_id and l.line_no = x.order_line_no;
     return null;
   end $$`,
  `create trigger shipments_in_shipment after update of status on shipments
     for each row when ((old.status in ${IN_WAREHOUSE}) is distinct from (new.status in ${IN_WAREHOUSE}))
     execute function shipments_in_shipment()`,
  `create index order_lines_to_ship on order_lines (company_id, order_id) include (reserved, in_shipment)
     where reserved > in_shipment`,
  `drop index order_lines_reserved_by_order`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
