import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database';
import { inStatuses } from '../../lib/state-machine';
import { IN_WAREHOUSE } from './shipment.machine';
import type { ShipmentLinesTable, ShipmentsTable } from './shipment.table';

export function findShipment(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('shipments as s')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 's.company_id').onRef('c.id', '=', 's.customer_id'),
    )
    .innerJoin('warehouses as w', (j) =>
      j.onRef('w.company_id', '=', 's.company_id').onRef('w.id', '=', 's.warehouse_id'),
    )
    .select([
      's.id',
      's.number',
      's.status',
      's.warehouse_id',
      'w.code as warehouse_code',
      'w.name as warehouse_name',
      's.customer_id',
      'c.name as customer_name',
      's.consignee',
      's.carrier',
      's.tracking_no',
      's.pick_due_at',
      's.picked_at',
      's.shipped_at',
      's.tracking_due_at',
      's.tracking_entered_at',
      's.delivered_at',
      's.signed_by',
      's.last_event_at',
      's.created_at',
    ])
    .where('s.company_id', '=', companyId)
    .where('s.id', '=', id)
    .executeTakeFirst();
}
export type ShipmentRow = NonNullable<Awaited<ReturnType<typeof findShipment>>>;

export function findShipmentLines(db: Db, companyId: string, shipmentIds: string[]) {
  return db
    .selectFrom('shipment_lines as l')
    .innerJoin('products as p', (j) => j.onRef('p.company_id', '=', 'l.company_id').onRef('p.id', '=', 'l.product_id'))
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'l.company_id').onRef('o.id', '=', 'l.order_id'))
    .select([
      'l.shipment_id',
      'l.line_no',
      'l.order_id',
      'o.number as order_number',
      'l.order_line_no',
      'l.product_id',
      'p.sku',
      'p.name',
      'p.spec',
      'p.unit',
      'l.qty',
      'l.unit_price',
    ])
    .where('l.company_id', '=', companyId)
    .where('l.shipment_id', 'in', shipmentIds.length ? shipmentIds : ['00000000-0000-0000-0000-000000000000'])
    .orderBy('l.shipment_id')
    .orderBy('l.line_no')
    .execute();
}

/**
 * When the goods of these order lines were last made ready to pick: the order's confirmation, or a later
 * reservation of arriving stock for the order (a backorder filled on a goods receipt), whichever is latest.
 */
export async function readyToPickSince(db: Db, companyId: string, lines: { orderId: string; productId: string }[]) {
  const r = await sql<{ ready_at: Date | null }>`
    select max(greatest(o.confirmed_at, m.filled_at)) as ready_at
    from unnest(${lines.map((l) => l.orderId)}::uuid[], ${lines.map((l) => l.productId)}::uuid[])
      as k(order_id, product_id)
    join orders o on o.company_id = ${companyId} and o.id = k.order_id
    left join lateral (
      select max(m.at) as filled_at from stock_movements m
      where m.company_id = o.company_id and m.reference = o.number and m.kind = 'reserve'
        and m.warehouse_id = o.warehouse_id and m.product_id = k.product_id and m.at > o.confirmed_at
        -- made by a goods receipt: in its transaction, so at its time
        and exists (select 1 from stock_movements g where g.company_id = m.company_id and g.kind = 'receipt'
                      and g.warehouse_id = m.warehouse_id and g.product_id = m.product_id
                      and g.at = m.at)) m on true`.execute(db);
  return r.rows[0]?.ready_at ?? null;
}

/**
 * Units per order line (company_id, order_id, order_line_no, qty) in shipments still in the warehouse, of one company
 * or of all: what each line's `in_shipment` holds (0052).
 */
export function openShipmentUnits(companyId?: string) {
  return sql`
    select sl.company_id, sl.order_id, sl.order_line_no, sum(sl.qty)::int as qty from shipment_lines sl
      join shipments s on s.company_id = sl.company_id and s.id = sl.shipment_id
     where s.status = ${inStatuses(IN_WAREHOUSE)} ${companyId ? sql`and sl.company_id = ${companyId}` : sql``}
     group by 1, 2, 3`;
}

/**
 * Sets each order line's units in shipments still in the warehouse from the shipments themselves, for a company
 * loaded without row triggers (the scale seed's fast load); the triggers of 0052 keep it otherwise.
 */
export async function recountInShipment(db: Db, companyId: string) {
  await sql`
    with open_units as (${openShipmentUnits(companyId)})
    update order_lines l set in_shipment = x.qty from open_units x
     where l.company_id = x.company_id and l.order_id = x.order_id and l.line_no = x.order_line_no
       and l.in_shipment <> x.qty`.execute(db);
}

export function listShipments(db: Db, companyId: string, q: { status?: string; orderId?: string }) {
  let query = db
    .selectFrom('shipments as s')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 's.company_id').onRef('c.id', '=', 's.customer_id'),
    )
    .select([
      's.id',
      's.number',
      's.status',
      'c.name as customer_name',
      's.carrier',
      's.tracking_no',
      's.pick_due_at',
      's.shipped_at',
      's.tracking_due_at',
      's.tracking_entered_at',
      's.delivered_at',
      's.created_at',
    ])
    .where('s.company_id', '=', companyId);
  if (q.status) query = query.where('s.status', '=', q.status as never);
  if (q.orderId)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('shipment_lines as l')
          .select('l.line_no')
          .whereRef('l.company_id', '=', 's.company_id')
          .whereRef('l.shipment_id', '=', 's.id')
          .where('l.order_id', '=', q.orderId!),
      ),
    );
  return query.orderBy('s.pick_due_at').limit(500).execute();
}

/** Shipped units leave the order lines' reservations (one entry per order line). */
export async function issueFromOrderLines(
  db: Db,
  companyId: string,
  units: { orderId: string; lineNo: number; qty: number }[],
) {
  await sql`
    update order_lines l set reserved = l.reserved - k.qty, shipped = l.shipped + k.qty
    from unnest(${units.map((u) => u.orderId)}::uuid[], ${units.map((u) => u.lineNo)}::int[],
                ${units.map((u) => u.qty)}::int[]) as k(order_id, line_no, qty)
    where l.company_id = ${companyId} and l.order_id = k.order_id and l.line_no = k.line_no`.execute(db);
}

// 签收: the queries of delivery.

export function findShipmentStatusForUpdate(db: Db, companyId: string, shipmentId: string) {
  return db
    .selectFrom('shipments')
    .select(['status'])
    .where('company_id', '=', companyId)
    .where('id', '=', shipmentId)
    .forUpdate()
    .executeTakeFirst();
}

export async function ordersOfShipment(db: Db, companyId: string, shipmentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('shipment_lines')
    .select('order_id')
    .distinct()
    .where('company_id', '=', companyId)
    .where('shipment_id', '=', shipmentId)
    .orderBy('order_id')
    .execute();
  return rows.map((r) => r.order_id);
}

/** Shipments of the order still on their way (neither delivered nor cancelled). */
export async function countUndeliveredShipments(db: Db, companyId: string, orderId: string): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from shipments s
    where s.company_id = ${companyId} and s.status <> 'delivered' and s.status <> 'cancelled'
      and exists (select 1 from shipment_lines l
                  where l.company_id = s.company_id and l.shipment_id = s.id and l.order_id = ${orderId})`.execute(db);
  return r.rows[0].n;
}

// The shipment page: its tracking events and logistics exceptions.

export function findTrackingEvents(db: Db, companyId: string, shipmentId: string) {
  return db
    .selectFrom('tracking_events')
    .select(['id', 'at', 'location', 'description', 'source'])
    .where('company_id', '=', companyId)
    .where('shipment_id', '=', shipmentId)
    .orderBy('at')
    .execute();
}

export function findShipmentExceptions(db: Db, companyId: string, shipmentId: string) {
  return db
    .selectFrom('logistics_exceptions')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('shipment_id', '=', shipmentId)
    .orderBy('found_at')
    .execute();
}

// 出库单: the queries of creating a shipment.

/** The orders to ship, locked in id order. */
export function lockOrdersToShip(db: Db, companyId: string, orderIds: string[]) {
  return db
    .selectFrom('orders')
    .select(['id', 'number', 'status', 'customer_id', 'warehouse_id', 'delivery'])
    .where('company_id', '=', companyId)
    .where('id', 'in', orderIds)
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** The order lines of these orders, locked in (order, line) order so two clerks cannot ship one unit twice. */
export function lockOrderLinesToShip(db: Db, companyId: string, orderIds: string[]) {
  return db
    .selectFrom('order_lines')
    .select(['order_id', 'line_no', 'product_id', 'sku', 'reserved', 'in_shipment', 'unit_price'])
    .where('company_id', '=', companyId)
    .where('order_id', 'in', orderIds)
    .orderBy('order_id')
    .orderBy('line_no')
    .forUpdate()
    .execute();
}

/** The carrier the destination region goes with, if the table names one. */
export async function carrierForRegion(db: Db, companyId: string, region: string) {
  const r = await db
    .selectFrom('carrier_rules')
    .select('carrier')
    .where('company_id', '=', companyId)
    .where('region', '=', region)
    .executeTakeFirst();
  return r?.carrier;
}

export function insertShipment(db: Db, row: Insertable<ShipmentsTable>) {
  return db.insertInto('shipments').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertShipmentLines(db: Db, rows: Insertable<ShipmentLinesTable>[]) {
  await db.insertInto('shipment_lines').values(rows).execute();
}

// 拣货 / 复核 / 打包 / 发货.

export function lockShipmentStatus(db: Db, companyId: string, id: string) {
  return findShipmentStatusForUpdate(db, companyId, id);
}

/** The orders of a shipment being shipped, locked in id order, with what their gates and terms need. */
export function lockOrdersOfShipment(db: Db, companyId: string, orderIds: string[]) {
  return db
    .selectFrom('orders')
    .select([
      'id',
      'status',
      'total',
      'payment_method',
      'payment_days',
      'deposit_percent',
      'expected_delivery_date',
      'customer_id',
    ])
    .where('company_id', '=', companyId)
    .where('id', 'in', orderIds)
    .orderBy('id')
    .forUpdate()
    .execute();
}

export function lockOrderLinesReserved(db: Db, companyId: string, orderIds: string[]) {
  return db
    .selectFrom('order_lines')
    .select(['order_id', 'line_no', 'reserved', 'sku'])
    .where('company_id', '=', companyId)
    .where('order_id', 'in', orderIds)
    .forUpdate()
    .execute();
}

/** The customer hears of the shipment (an outbox row an SMS or WeCom adapter sends). */
export async function queueShippedMessage(
  db: Db,
  companyId: string,
  customerId: string,
  p: { number: string; carrier: string; trackingNo: string; expected: string; trackingUrl: string },
) {
  await db
    .insertInto('outbox_messages')
    .values({
      company_id: companyId,
      customer_id: customerId,
      channel: 'sms',
      kind: 'shipped',
      params: JSON.stringify(p),
    })
    .execute();
}

export async function updateTracking(
  db: Db,
  companyId: string,
  id: string,
  t: { carrier: string; trackingNo: string; enteredAt: Date },
) {
  await db
    .updateTable('shipments')
    .set({ carrier: t.carrier, tracking_no: t.trackingNo, tracking_entered_at: t.enteredAt })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute();
}

// 承运商规则: destination region → carrier.

export function listCarrierRules(db: Db, companyId: string) {
  return db
    .selectFrom('carrier_rules')
    .select(['region', 'carrier', 'transit_days as transitDays'])
    .where('company_id', '=', companyId)
    .orderBy('region')
    .execute();
}

export async function replaceCarrierRules(
  db: Db,
  companyId: string,
  rules: { region: string; carrier: string; transitDays?: number }[],
) {
  await db.deleteFrom('carrier_rules').where('company_id', '=', companyId).execute();
  if (rules.length)
    await db
      .insertInto('carrier_rules')
      .values(
        rules.map((x) => ({
          company_id: companyId,
          region: x.region,
          carrier: x.carrier,
          transit_days: x.transitDays,
        })),
      )
      .execute();
}

/** The days the region's rule gives its carrier, if the table has a rule for the region. */
export async function transitDaysToRegion(db: Db, companyId: string, region: string | undefined) {
  if (!region) return undefined;
  const r = await db
    .selectFrom('carrier_rules')
    .select('transit_days')
    .where('company_id', '=', companyId)
    .where('region', '=', region)
    .executeTakeFirst();
  return r?.transit_days;
}
