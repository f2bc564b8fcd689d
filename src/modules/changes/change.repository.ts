import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db/database';
import { inStatuses } from '../../lib/state-machine';
import { IN_WAREHOUSE } from '../shipping/shipment.machine';
import { ORDER_LINE_COLUMNS } from '../orders/order.repository';
import type { ChangeApprovalsTable, ChangeRequestsTable, ChangeStatus, OrderVersionsTable } from './change.table';
import type { OpenShipment } from './change-impact';

// 变更申请 · 审批环节 · 订单版本: the queries of order changes.

const requestColumns = [
  'r.id',
  'r.number',
  'r.order_id',
  'o.number as order_number',
  'o.customer_id',
  'c.name as customer_name',
  'r.status',
  'r.base_version',
  'r.applied_version',
  'r.actions',
  'r.reason',
  'r.requested_by',
  'r.preview',
  'r.created_by',
  'u.display_name as created_by_name',
  'r.created_at',
  'r.submitted_at',
  'r.decided_at',
  'r.decision_reason',
  'r.applied_at',
  'r.applied_by',
  'r.confirmed_at',
  'r.confirmation',
  'r.cancelled_at',
  'r.cancel_reason',
  'r.updated_at',
] as const;

function requestsQuery(db: Db, companyId: string) {
  return db
    .selectFrom('change_requests as r')
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'r.company_id').onRef('o.id', '=', 'r.order_id'))
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 'o.company_id').onRef('c.id', '=', 'o.customer_id'),
    )
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select(requestColumns)
    .where('r.company_id', '=', companyId);
}
export type ChangeRequestRow = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

export function findRequest(db: Db, companyId: string, id: string) {
  return requestsQuery(db, companyId).where('r.id', '=', id).executeTakeFirst();
}

/** Locks the request before an event (one decision at a time). */
export function lockRequest(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('change_requests')
    .select(['id', 'order_id', 'status', 'base_version', 'created_by', 'number'])
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function listRequests(
  db: Db,
  companyId: string,
  q: { status?: ChangeStatus; orderId?: string; pendingForRoles?: readonly string[] },
) {
  let query = requestsQuery(db, companyId);
  if (q.status) query = query.where('r.status', '=', q.status);
  if (q.orderId) query = query.where('r.order_id', '=', q.orderId);
  if (q.pendingForRoles)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('change_approvals as a')
          .select('a.id')
          .whereRef('a.company_id', '=', 'r.company_id')
          .whereRef('a.change_request_id', '=', 'r.id')
          .where('a.status', '=', 'pending')
          .where('a.role', 'in', q.pendingForRoles!.length ? [...q.pendingForRoles!] : ['-']),
      ),
    );
  return query.orderBy('r.created_at', 'desc').limit(500).execute();
}

export function insertRequest(db: Db, row: Insertable<ChangeRequestsTable>) {
  return db.insertInto('change_requests').values(row).returning('id').executeTakeFirstOrThrow();
}

export function updateRequest(db: Db, companyId: string, id: string, patch: Updateable<ChangeRequestsTable>) {
  return db
    .updateTable('change_requests')
    .set(patch)
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute();
}

export async function countForOrder(db: Db, companyId: string, orderId: string): Promise<number> {
  const r = await db
    .selectFrom('change_requests')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertApprovals(db: Db, rows: Insertable<ChangeApprovalsTable>[]) {
  if (rows.length) await db.insertInto('change_approvals').values(rows).execute();
}

export function listApprovals(db: Db, companyId: string, requestIds: string[]) {
  return db
    .selectFrom('change_approvals as a')
    .leftJoin('users as u', 'u.id', 'a.decided_by')
    .select([
      'a.id',
      'a.change_request_id',
      'a.stage',
      'a.role',
      'a.status',
      'a.started_at',
      'a.due_at',
      'a.decided_by',
      'u.display_name as decided_by_name',
      'a.decided_at',
      'a.reason',
    ])
    .where('a.company_id', '=', companyId)
    .where('a.change_request_id', 'in', requestIds.length ? requestIds : ['00000000-0000-0000-0000-000000000000'])
    .orderBy('a.change_request_id')
    .orderBy('a.started_at')
    .execute();
}
export type ApprovalRow = Awaited<ReturnType<typeof listApprovals>>[number];

/** The request's approvals, locked for a decision. */
export function lockApprovals(db: Db, companyId: string, requestId: string) {
  return db
    .selectFrom('change_approvals')
    .select(['id', 'stage', 'role', 'status'])
    .where('company_id', '=', companyId)
    .where('change_request_id', '=', requestId)
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Shipments of the order still in the warehouse, with the order's lines they carry (locked when asked). */
export async function openShipmentsOfOrder(
  db: Db,
  companyId: string,
  orderId: string,
  lock = false,
): Promise<OpenShipment[]> {
  const r = await sql<{ id: string; number: string; status: string; order_line_no: number; qty: number }>`
    select s.id, s.number, s.status, l.order_line_no, l.qty from shipments s
      join shipment_lines l on l.company_id = s.company_id and l.shipment_id = s.id and l.order_id = ${orderId}
     where s.company_id = ${companyId} and s.status = ${inStatuses(IN_WAREHOUSE)}
     order by s.id, l.line_no ${lock ? sql`for update of s` : sql``}`.execute(db);
  const byId = new Map<string, OpenShipment>();
  for (const x of r.rows) {
    const s = byId.get(x.id) ?? { id: x.id, number: x.number, status: x.status, lines: [] };
    s.lines.push({ orderLineNo: x.order_line_no, qty: x.qty });
    byId.set(x.id, s);
  }
  return [...byId.values()];
}

/** Available stock (on hand − reserved) of these products in the warehouse, read without a lock (preview). */
export async function availableStock(db: Db, companyId: string, warehouseId: string, productIds: string[]) {
  const rows = await db
    .selectFrom('stock_balances')
    .select(['product_id', 'on_hand', 'reserved'])
    .where('company_id', '=', companyId)
    .where('warehouse_id', '=', warehouseId)
    .where('product_id', 'in', productIds.length ? productIds : ['00000000-0000-0000-0000-000000000000'])
    .execute();
  return new Map(rows.map((b) => [b.product_id, b.on_hand - b.reserved]));
}

/** Locks the order's lines (after the order row, as shipping does) so nothing ships or fills them meanwhile. */
export function lockOrderLines(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('order_lines')
    .select(ORDER_LINE_COLUMNS)
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .orderBy('line_no')
    .forUpdate()
    .execute();
}

export async function deleteLines(db: Db, companyId: string, orderId: string, lineNos: number[]) {
  if (!lineNos.length) return;
  await db
    .deleteFrom('order_lines')
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .where('line_no', 'in', lineNos)
    .execute();
}

export type LineUpdate = {
  lineNo: number;
  qty: number;
  unitPrice: string;
  amount: string;
  reserved: number;
  backordered: number;
};

/** Quantity, price and holdings of changed lines, in one statement (the row check sees them together). */
export async function updateLines(db: Db, companyId: string, orderId: string, lines: LineUpdate[]) {
  if (!lines.length) return;
  await sql`
    update order_lines l set qty = k.qty, unit_price = k.unit_price, amount = k.amount,
                             reserved = k.reserved, backordered = k.backordered
    from unnest(${lines.map((x) => x.lineNo)}::int[], ${lines.map((x) => x.qty)}::int[],
                ${lines.map((x) => x.unitPrice)}::numeric[], ${lines.map((x) => x.amount)}::numeric[],
                ${lines.map((x) => x.reserved)}::int[], ${lines.map((x) => x.backordered)}::int[])
      as k(line_no, qty, unit_price, amount, reserved, backordered)
    where l.company_id = ${companyId} and l.order_id = ${orderId} and l.line_no = k.line_no`.execute(db);
}

export async function insertLines(db: Db, rows: Insertable<import('../../db/database').DB['order_lines']>[]) {
  if (rows.length) await db.insertInto('order_lines').values(rows).execute();
}

export function findVersion(db: Db, companyId: string, orderId: string, version: number) {
  return db
    .selectFrom('order_versions')
    .select(['version', 'head', 'lines', 'change_request_id', 'created_at', 'created_by'])
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function listVersions(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('order_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .leftJoin('change_requests as r', (j) =>
      j.onRef('r.company_id', '=', 'v.company_id').onRef('r.id', '=', 'v.change_request_id'),
    )
    .select([
      'v.version',
      'v.head',
      'v.change_request_id',
      'r.number as change_number',
      'v.created_at',
      'u.display_name as created_by_name',
    ])
    .where('v.company_id', '=', companyId)
    .where('v.order_id', '=', orderId)
    .orderBy('v.version')
    .execute();
}

export async function insertVersion(db: Db, row: Insertable<OrderVersionsTable>) {
  await db
    .insertInto('order_versions')
    .values(row)
    .onConflict((c) => c.doNothing())
    .execute();
}

/** The highest line number the order ever had (removed lines keep theirs, so a new line never reuses one). */
export async function highestLineNo(db: Db, companyId: string, orderId: string): Promise<number> {
  const r = await sql<{ n: number | null }>`
    select greatest(
      (select max(line_no) from order_lines where company_id = ${companyId} and order_id = ${orderId}),
      (select max((x->>'lineNo')::int) from order_versions v, jsonb_array_elements(v.lines) x
        where v.company_id = ${companyId} and v.order_id = ${orderId}))::int as n`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/** The change applied to the order and not yet confirmed by the customer, if any. */
export function awaitingCustomer(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('change_requests')
    .select(['id', 'number', 'applied_version'])
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .where('status', '=', 'applied')
    .orderBy('applied_at', 'desc')
    .executeTakeFirst();
}

/**
 * Claims the pending stages of submitted changes that passed their due time and were not yet flagged: each is
 * marked late here (late_at set where it was null), so one runner alone tells its supervisor.
 */
export function markLateChangeStages(db: Db, now: Date) {
  return db
    .updateTable('change_approvals as a')
    .from('change_requests as r')
    .set({ late_at: now })
    .whereRef('r.company_id', '=', 'a.company_id')
    .whereRef('r.id', '=', 'a.change_request_id')
    .where('r.status', '=', 'submitted')
    .where('a.status', '=', 'pending')
    .where('a.due_at', '<', now)
    .where('a.late_at', 'is', null)
    .returning(['a.company_id', 'a.change_request_id', 'a.stage', 'r.number', 'r.order_id'])
    .execute();
}
