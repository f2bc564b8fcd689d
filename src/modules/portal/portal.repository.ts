import type { Db } from '../../db/database';

// What a customer may see of its own business, and nothing else: every query is scoped by the company AND the
// portal login's customer, and selects only customer-safe columns (never costs, margins, review comments,
// internal remarks, registrars or another customer's rows).

/** Statuses a customer sees its orders in: once submitted, and not while sent back for rework. */
const HIDDEN: string[] = ['draft', 'rejected'];
const NONE = '00000000-0000-0000-0000-000000000000';

const orderColumns = [
  'o.id',
  'o.number',
  'o.status',
  'o.order_date',
  'o.expected_delivery_date',
  'o.total',
  'o.customer_po',
  'o.buyer_remark',
  'o.payment_method',
  'o.delivery',
  'o.confirmed_at',
  'o.created_at',
] as const;

export function listOrders(db: Db, companyId: string, customerId: string) {
  return db
    .selectFrom('orders as o')
    .select(orderColumns)
    .where('o.company_id', '=', companyId)
    .where('o.customer_id', '=', customerId)
    .where('o.status', 'not in', HIDDEN as never[])
    .orderBy('o.created_at', 'desc')
    .limit(500)
    .execute();
}

export function findOrder(db: Db, companyId: string, customerId: string, orderId: string) {
  return db
    .selectFrom('orders as o')
    .select([...orderColumns, 'o.version'])
    .where('o.company_id', '=', companyId)
    .where('o.customer_id', '=', customerId)
    .where('o.id', '=', orderId)
    .where('o.status', 'not in', HIDDEN as never[])
    .executeTakeFirst();
}

export function orderLines(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('order_lines')
    .select(['line_no', 'sku', 'name', 'spec', 'unit', 'qty', 'unit_price', 'amount', 'gift', 'shipped'])
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .orderBy('line_no')
    .execute();
}

/** Moves of the order's state, without who made them or why (reasons may hold review comments). */
export function orderTimeline(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('state_history')
    .select(['to_state', 'event', 'at'])
    .where('company_id', '=', companyId)
    .where('entity_type', '=', 'order')
    .where('entity_id', '=', orderId)
    .whereRef('to_state', '<>', 'from_state')
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** Files of the order and its shipments of the kinds a customer may see (its confirmations, delivery proofs). */
export function customerDocuments(
  db: Db,
  companyId: string,
  owners: { type: string; ids: string[]; kinds: string[] }[],
) {
  return db
    .selectFrom('attachments')
    .select(['id', 'owner_type', 'owner_id', 'kind', 'filename', 'content_type', 'size', 'created_at'])
    .where('company_id', '=', companyId)
    .where((eb) =>
      eb.or(
        owners.map((o) =>
          eb.and([
            eb('owner_type', '=', o.type),
            eb('owner_id', 'in', o.ids.length ? o.ids : [NONE]),
            eb('kind', 'in', o.kinds),
          ]),
        ),
      ),
    )
    .orderBy('created_at')
    .execute();
}

export function findDocument(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('attachments')
    .select(['id', 'owner_type', 'owner_id', 'kind', 'filename', 'content_type', 'data'])
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

const shipmentColumns = [
  's.id',
  's.number',
  's.status',
  's.carrier',
  's.tracking_no',
  's.shipped_at',
  's.delivered_at',
  's.signed_by',
  's.last_event_at',
] as const;

export function listShipments(db: Db, companyId: string, customerId: string, orderId?: string) {
  let q = db
    .selectFrom('shipments as s')
    .select(shipmentColumns)
    .where('s.company_id', '=', companyId)
    .where('s.customer_id', '=', customerId)
    .where('s.status', '<>', 'cancelled' as never);
  if (orderId)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('shipment_lines as l')
          .select('l.shipment_id')
          .whereRef('l.company_id', '=', 's.company_id')
          .whereRef('l.shipment_id', '=', 's.id')
          .where('l.order_id', '=', orderId),
      ),
    );
  return q.orderBy('s.created_at', 'desc').limit(500).execute();
}

export function findShipment(db: Db, companyId: string, customerId: string, shipmentId: string) {
  return db
    .selectFrom('shipments as s')
    .select([...shipmentColumns, 's.consignee'])
    .where('s.company_id', '=', companyId)
    .where('s.customer_id', '=', customerId)
    .where('s.id', '=', shipmentId)
    .executeTakeFirst();
}

export function trackingEvents(db: Db, companyId: string, shipmentIds: string[]) {
  return db
    .selectFrom('tracking_events')
    .select(['shipment_id', 'at', 'location', 'description'])
    .where('company_id', '=', companyId)
    .where('shipment_id', 'in', shipmentIds.length ? shipmentIds : [NONE])
    .orderBy('at')
    .execute();
}

export function receivables(db: Db, companyId: string, customerId: string) {
  return db
    .selectFrom('receivables as r')
    .leftJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'r.company_id').onRef('o.id', '=', 'r.order_id'))
    .select(['r.id', 'r.kind', 'r.amount', 'r.due_date', 'r.period', 'r.created_at', 'o.number as order_number'])
    .where('r.company_id', '=', companyId)
    .where('r.customer_id', '=', customerId)
    .orderBy('r.due_date', 'desc')
    .limit(1000)
    .execute();
}

export function statements(db: Db, companyId: string, customerId: string) {
  return db
    .selectFrom('customer_statements')
    .select(['id', 'period', 'from_date', 'to_date', 'amount', 'due_date', 'closing_balance', 'issued_at'])
    .where('company_id', '=', companyId)
    .where('customer_id', '=', customerId)
    .orderBy('period', 'desc')
    .execute();
}

export function findStatement(db: Db, companyId: string, customerId: string, id: string) {
  return db
    .selectFrom('customer_statements')
    .select(['id', 'period', 'from_date', 'to_date'])
    .where('company_id', '=', companyId)
    .where('customer_id', '=', customerId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function payments(db: Db, companyId: string, customerId: string) {
  return db
    .selectFrom('customer_receipts')
    .select(['id', 'amount', 'received_on', 'method', 'reference', 'reverses_id'])
    .where('company_id', '=', companyId)
    .where('customer_id', '=', customerId)
    .orderBy('received_on', 'desc')
    .limit(1000)
    .execute();
}

export function customerHead(db: Db, companyId: string, customerId: string) {
  return db
    .selectFrom('customers')
    .select(['id', 'code', 'name', 'kind'])
    .where('company_id', '=', companyId)
    .where('id', '=', customerId)
    .executeTakeFirst();
}

/** The stored results of recent allocation runs (the portal keeps only the rows of the customer). */
export function recentRunResults(db: Db, companyId: string) {
  return db
    .selectFrom('allocation_runs')
    .select(['id', 'created_at', 'result'])
    .where('company_id', '=', companyId)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
}

export function reservations(db: Db, companyId: string, customerId: string) {
  return db
    .selectFrom('allocation_reservations as r')
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'r.company_id').onRef('o.id', '=', 'r.order_id'))
    .innerJoin('products as p', (j) => j.onRef('p.company_id', '=', 'r.company_id').onRef('p.id', '=', 'r.product_id'))
    .select([
      'r.id',
      'o.number as order_number',
      'p.sku',
      'p.name',
      'r.qty',
      'r.unit_price',
      'r.expires_on',
      'r.status',
    ])
    .where('r.company_id', '=', companyId)
    .where('r.customer_id', '=', customerId)
    .orderBy('r.expires_on')
    .limit(500)
    .execute();
}

export function franchiseeMoney(db: Db, companyId: string, customerId: string) {
  return db
    .selectFrom('franchisee_balances')
    .select(['funds', 'credit'])
    .where('company_id', '=', companyId)
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
}

/** The franchisee's money ledger, without who posted it. */
export function franchiseeLedger(db: Db, companyId: string, customerId: string) {
  return db
    .selectFrom('franchisee_ledger')
    .select(['id', 'at', 'kind', 'funds_delta', 'credit_delta', 'reference'])
    .where('company_id', '=', companyId)
    .where('customer_id', '=', customerId)
    .orderBy('at', 'desc')
    .limit(500)
    .execute();
}

/** Changes of the order applied and waiting for the customer's confirmation (what changes, not why inside). */
export function changesAwaitingCustomer(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('change_requests')
    .select(['id', 'number', 'status', 'actions', 'applied_at'])
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .where('status', '=', 'applied')
    .orderBy('applied_at')
    .execute();
}

/** A change request of one of the customer's orders. */
export function findChange(db: Db, companyId: string, customerId: string, changeId: string) {
  return db
    .selectFrom('change_requests as c')
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'c.company_id').onRef('o.id', '=', 'c.order_id'))
    .select(['c.id', 'c.order_id', 'c.status'])
    .where('c.company_id', '=', companyId)
    .where('o.customer_id', '=', customerId)
    .where('c.id', '=', changeId)
    .executeTakeFirst();
}

/** A shipment as its public tracking page shows it (the consignee is masked by the caller). */
export function publicShipment(db: Db, companyId: string, shipmentId: string) {
  return db
    .selectFrom('shipments')
    .select(['id', 'number', 'status', 'carrier', 'tracking_no', 'shipped_at', 'delivered_at', 'consignee'])
    .where('company_id', '=', companyId)
    .where('id', '=', shipmentId)
    .executeTakeFirst();
}
