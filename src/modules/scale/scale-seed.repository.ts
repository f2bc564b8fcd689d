import { sql } from 'kysely';
import type { Db } from '../../db/database';

// Set-based writes of the scale seed: each table's rows go in as one `insert … select from unnest(arrays)`, one
// array per column, on both engines. Columns absent from a row take NULL; the table's defaults fill the rest.

const COLUMNS: Record<string, Record<string, string>> = {
  customers: {
    company_id: 'uuid',
    id: 'uuid',
    code: 'text',
    short_code: 'text',
    name: 'text',
    kind: 'text',
    region: 'text',
    payment_method: 'text',
    payment_days: 'int',
    credit_limit: 'numeric',
    contacts: 'jsonb',
    addresses: 'jsonb',
    created_at: 'timestamptz',
    created_by: 'uuid',
    updated_at: 'timestamptz',
    updated_by: 'uuid',
  },
  products: {
    company_id: 'uuid',
    id: 'uuid',
    sku: 'text',
    name: 'text',
    spec: 'text',
    unit: 'text',
    list_price: 'numeric',
    standard_cost: 'numeric',
    created_at: 'timestamptz',
    created_by: 'uuid',
    updated_at: 'timestamptz',
    updated_by: 'uuid',
  },
  orders: {
    company_id: 'uuid',
    id: 'uuid',
    number: 'text',
    status: 'text',
    customer_id: 'uuid',
    contact: 'jsonb',
    order_date: 'date',
    source: 'text',
    urgency: 'text',
    expected_delivery_date: 'date',
    delivery: 'jsonb',
    payment_method: 'text',
    payment_days: 'int',
    customer_po: 'text',
    warehouse_id: 'uuid',
    total: 'numeric',
    cost_total: 'numeric',
    review_round: 'int',
    registrar_id: 'uuid',
    submitted_at: 'timestamptz',
    confirmed_at: 'timestamptz',
    confirmed_by: 'uuid',
    confirmation: 'jsonb',
    cancelled_at: 'timestamptz',
    cancel_reason: 'text',
    created_at: 'timestamptz',
    created_by: 'uuid',
    updated_at: 'timestamptz',
    updated_by: 'uuid',
  },
  order_lines: {
    company_id: 'uuid',
    order_id: 'uuid',
    line_no: 'int',
    product_id: 'uuid',
    sku: 'text',
    name: 'text',
    spec: 'text',
    unit: 'text',
    qty: 'int',
    unit_price: 'numeric',
    amount: 'numeric',
    standard_cost: 'numeric',
    reserved: 'int',
    shipped: 'int',
  },
  review_stages: {
    company_id: 'uuid',
    order_id: 'uuid',
    round: 'int',
    seq: 'int',
    stage: 'text',
    role: 'text',
    status: 'text',
    started_at: 'timestamptz',
    due_at: 'timestamptz',
    decided_by: 'uuid',
    decided_at: 'timestamptz',
    reason: 'text',
  },
  shipments: {
    company_id: 'uuid',
    id: 'uuid',
    number: 'text',
    status: 'text',
    warehouse_id: 'uuid',
    customer_id: 'uuid',
    consignee: 'jsonb',
    carrier: 'text',
    tracking_no: 'text',
    pick_due_at: 'timestamptz',
    picked_at: 'timestamptz',
    shipped_at: 'timestamptz',
    tracking_due_at: 'timestamptz',
    tracking_entered_at: 'timestamptz',
    delivered_at: 'timestamptz',
    signed_by: 'text',
    last_event_at: 'timestamptz',
    created_at: 'timestamptz',
    created_by: 'uuid',
  },
  shipment_lines: {
    company_id: 'uuid',
    shipment_id: 'uuid',
    line_no: 'int',
    order_id: 'uuid',
    order_line_no: 'int',
    product_id: 'uuid',
    qty: 'int',
    unit_price: 'numeric',
  },
  stock_movements: {
    company_id: 'uuid',
    warehouse_id: 'uuid',
    product_id: 'uuid',
    kind: 'text',
    on_hand_delta: 'int',
    reserved_delta: 'int',
    reason: 'text',
    reference: 'text',
    actor_id: 'uuid',
    at: 'timestamptz',
  },
  receivables: {
    company_id: 'uuid',
    id: 'uuid',
    customer_id: 'uuid',
    order_id: 'uuid',
    shipment_id: 'uuid',
    kind: 'text',
    amount: 'numeric',
    due_date: 'date',
    created_at: 'timestamptz',
  },
  customer_receipts: {
    company_id: 'uuid',
    id: 'uuid',
    customer_id: 'uuid',
    amount: 'numeric',
    amount_rmb: 'numeric',
    received_on: 'date',
    method: 'text',
    reference: 'text',
    created_at: 'timestamptz',
    created_by: 'uuid',
  },
  receipt_applications: {
    company_id: 'uuid',
    receipt_id: 'uuid',
    order_id: 'uuid',
    amount: 'numeric',
    created_at: 'timestamptz',
    created_by: 'uuid',
  },
  complaints: {
    company_id: 'uuid',
    id: 'uuid',
    order_id: 'uuid',
    type: 'text',
    description: 'text',
    status: 'text',
    due_at: 'timestamptz',
    resolution: 'text',
    close_result: 'text',
    satisfaction: 'smallint',
    closed_by: 'uuid',
    closed_at: 'timestamptz',
    created_by: 'uuid',
    created_at: 'timestamptz',
  },
  return_requests: {
    company_id: 'uuid',
    id: 'uuid',
    order_id: 'uuid',
    reason: 'text',
    status: 'text',
    number: 'text',
    review_reason: 'text',
    reviewed_by: 'uuid',
    reviewed_at: 'timestamptz',
    created_by: 'uuid',
    created_at: 'timestamptz',
  },
  return_lines: {
    company_id: 'uuid',
    return_id: 'uuid',
    line_no: 'int',
    product_id: 'uuid',
    qty: 'int',
    reason: 'text',
    unit_price: 'numeric',
    returnable: 'boolean',
    fee_percent: 'numeric',
  },
  state_history: {
    company_id: 'uuid',
    entity_type: 'text',
    entity_id: 'uuid',
    from_state: 'text',
    to_state: 'text',
    event: 'text',
    actor_id: 'uuid',
    at: 'timestamptz',
    reason: 'text',
  },
  notifications: {
    company_id: 'uuid',
    user_id: 'uuid',
    kind: 'text',
    params: 'jsonb',
    order_id: 'uuid',
    created_at: 'timestamptz',
    read_at: 'timestamptz',
  },
};
export type ScaleTable = keyof typeof COLUMNS;

const value = (v: unknown) => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);

/** Writes rows into a table with one statement (arrays of up to a few hundred thousand elements are fine). */
export async function insertRows(db: Db, table: ScaleTable, rows: Record<string, unknown>[]) {
  if (!rows.length) return;
  const columns = Object.entries(COLUMNS[table]);
  const arrays = columns.map(
    ([name, type]) => sql`${rows.map((r) => value(r[name]))}::${sql.raw(type === 'jsonb' ? 'text' : type)}[]`,
  );
  const names = sql.raw(columns.map(([name]) => name).join(', '));
  const picks = sql.raw(columns.map(([name, type]) => (type === 'jsonb' ? `${name}::jsonb` : name)).join(', '));
  const as = sql.raw(columns.map(([name]) => name).join(', '));
  await sql`insert into ${sql.table(table)} (${names})
    select ${picks} from unnest(${sql.join(arrays)}) as t(${as})`.execute(db);
}

/** Stock balances after a batch: the running on-hand and reserved units, whole (the movements add up to them). */
export async function putStockBalances(
  db: Db,
  companyId: string,
  warehouseId: string,
  rows: { productId: string; onHand: number; reserved: number }[],
) {
  if (!rows.length) return;
  await sql`insert into stock_balances (company_id, warehouse_id, product_id, on_hand, reserved)
    select ${companyId}, ${warehouseId}, p, h, r
      from unnest(${rows.map((r) => r.productId)}::uuid[], ${rows.map((r) => r.onHand)}::int[],
                  ${rows.map((r) => r.reserved)}::int[]) as t(p, h, r)
    on conflict (company_id, warehouse_id, product_id)
    do update set on_hand = excluded.on_hand, reserved = excluded.reserved, updated_at = now()`.execute(db);
}

/** The order number counters, so orders registered after the seed continue each customer's month. */
export async function putOrderCounters(db: Db, companyId: string, rows: { key: string; seq: number }[]) {
  if (!rows.length) return;
  await sql`insert into order_number_counters (company_id, customer_id, period, last_seq)
    select ${companyId}, split_part(k, '/', 1)::uuid, split_part(k, '/', 2), s
      from unnest(${rows.map((r) => r.key)}::text[], ${rows.map((r) => r.seq)}::int[]) as t(k, s)
    on conflict (company_id, customer_id, period) do update set last_seq = excluded.last_seq`.execute(db);
}

/** A superuser may load without firing per-row triggers (as pg_restore does); the invariants are checked after. */
export async function canSkipRowTriggers(db: Db) {
  const r = await sql<{ rolsuper: boolean }>`select rolsuper from pg_roles where rolname = current_user`.execute(db);
  return !!r.rows[0]?.rolsuper;
}

export async function skipRowTriggers(db: Db) {
  await sql`set local session_replication_role = replica`.execute(db);
}

export async function companyByCode(db: Db, code: string) {
  return db.selectFrom('companies').select(['id']).where('code', '=', code).executeTakeFirst();
}

/**
 * Fresh planner statistics and visibility maps after a bulk load, as autovacuum would leave them later: without
 * the visibility map an index-only scan still reads every table row, and the read paths would be measured slower
 * than a running company sees them.
 */
export async function vacuumAll(db: Db) {
  await sql`vacuum (analyze)`.execute(db);
}
