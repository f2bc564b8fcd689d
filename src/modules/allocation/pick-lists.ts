import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import { parseMoney } from '../../lib/money';
import { applyEvent } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { orderMachine } from '../orders/order.machine';
import { postMovements } from '../stock/stock.service';
import { deductForShipment } from './franchisee-money';

export type PickLine = { productId: string; qty: number; orderId?: string; orderLineNo?: number; unitPrice?: string };

/** A pick list per target for the warehouse (拣货单, 6.4.4). */
export async function addPickLines(
  db: Db,
  actor: Actor,
  t: {
    runId: string | null;
    warehouseId: string;
    kind: 'franchisee' | 'store' | 'region';
    targetId: string;
    name: string;
  },
  lines: PickLine[],
) {
  const list = await db
    .insertInto('pick_lists')
    .values({
      company_id: actor.companyId,
      run_id: t.runId,
      warehouse_id: t.warehouseId,
      target_kind: t.kind,
      target_id: t.targetId,
      target_name: t.name,
      status: 'open',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('pick_list_lines')
    .values(
      lines.map((l, i) => ({
        company_id: actor.companyId,
        pick_list_id: list.id,
        line_no: i + 1,
        product_id: l.productId,
        qty: l.qty,
        order_id: l.orderId ?? null,
        order_line_no: l.orderLineNo ?? null,
        unit_price: l.unitPrice ?? null,
      })),
    )
    .execute();
  return list.id;
}

export async function listPickLists(
  db: Db,
  actor: Actor,
  q: { status?: 'open' | 'posted' | 'cancelled'; runId?: string; id?: string },
) {
  let query = db
    .selectFrom('pick_lists as p')
    .select([
      'p.id',
      'p.run_id',
      'p.target_kind',
      'p.target_id',
      'p.target_name',
      'p.status',
      'p.created_at',
      'p.posted_at',
      sql<number>`(select coalesce(sum(qty), 0)::int from pick_list_lines l where l.company_id = p.company_id and l.pick_list_id = p.id)`.as(
        'units',
      ),
    ])
    .where('p.company_id', '=', actor.companyId);
  if (q.status) query = query.where('p.status', '=', q.status);
  if (q.runId) query = query.where('p.run_id', '=', q.runId);
  if (q.id) query = query.where('p.id', '=', q.id);
  const rows = await query.orderBy('p.created_at', 'desc').orderBy('p.target_name').limit(500).execute();
  return rows.map((r) => ({
    id: r.id,
    runId: r.run_id,
    targetKind: r.target_kind,
    targetId: r.target_id,
    targetName: r.target_name,
    status: r.status,
    units: r.units,
    createdAt: r.created_at,
    postedAt: r.posted_at,
  }));
}

export async function getPickList(db: Db, actor: Actor, id: string) {
  const [list] = await listPickLists(db, actor, { id });
  if (!list) throw new AppError('PICKLIST.NOT_FOUND');
  const lines = await db
    .selectFrom('pick_list_lines as l')
    .innerJoin('products as p', (j) => j.onRef('p.company_id', '=', 'l.company_id').onRef('p.id', '=', 'l.product_id'))
    .leftJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'l.company_id').onRef('o.id', '=', 'l.order_id'))
    .select([
      'l.line_no',
      'l.product_id',
      'p.sku',
      'p.name',
      'l.qty',
      'l.order_id',
      'l.order_line_no',
      'o.number as order_number',
      'l.unit_price',
    ])
    .where('l.company_id', '=', actor.companyId)
    .where('l.pick_list_id', '=', id)
    .orderBy('l.line_no')
    .execute();
  return {
    ...list,
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      productId: l.product_id,
      sku: l.sku,
      name: l.name,
      qty: l.qty,
      orderId: l.order_id,
      orderLineNo: l.order_line_no,
      orderNumber: l.order_number,
      unitPrice: l.unit_price,
    })),
  };
}

/**
 * Posting a pick list ships it: stock is issued from the reservation (on hand and reserved go down
 * together), order lines count the units shipped, orders move to partially shipped or shipped, and a
 * franchisee pays from funds first, then credit (6.4.4).
 */
export async function postPickList(db: Db, actor: Actor, id: string) {
  const locked = await db
    .selectFrom('pick_lists')
    .select(['status', 'target_kind', 'target_id', 'warehouse_id'])
    .where('company_id', '=', actor.companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!locked) throw new AppError('PICKLIST.NOT_FOUND');
  if (locked.status !== 'open') throw new AppError('STATE.ILLEGAL_TRANSITION', { from: locked.status, event: 'post' });
  const list = await getPickList(db, actor, id);
  await postMovements(
    db,
    actor,
    list.lines.map((l) => ({
      warehouseId: locked.warehouse_id,
      productId: l.productId,
      kind: 'issue' as const,
      onHandDelta: -l.qty,
      reservedDelta: -l.qty,
      reason: '分货发货 Allocation shipped',
      reference: `PICK-${id.slice(0, 8)}`,
    })),
  );
  if (locked.target_kind === 'franchisee') {
    const cost = list.lines.reduce((n, l) => n + parseMoney(l.unitPrice ?? '0') * BigInt(l.qty), 0n);
    await deductForShipment(db, actor, locked.target_id, cost, `PICK-${id.slice(0, 8)}`);
    const orderLines = list.lines.filter((l) => l.orderId);
    for (const l of orderLines) {
      await sql`update order_lines set reserved = reserved - ${l.qty}, shipped = shipped + ${l.qty} where company_id = ${actor.companyId} and order_id = ${l.orderId} and line_no = ${l.orderLineNo}`.execute(
        db,
      );
    }
    for (const orderId of [...new Set(orderLines.map((l) => l.orderId!))]) await markShipped(db, actor, orderId);
  }
  await db
    .updateTable('pick_lists')
    .set({ status: 'posted', posted_at: new Date(), posted_by: actor.userId })
    .where('company_id', '=', actor.companyId)
    .where('id', '=', id)
    .execute();
  return getPickList(db, actor, id);
}

async function markShipped(db: Db, actor: Actor, orderId: string) {
  const order = await db
    .selectFrom('orders')
    .select(['status'])
    .where('company_id', '=', actor.companyId)
    .where('id', '=', orderId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const lines = await db
    .selectFrom('order_lines')
    .select(['qty', 'shipped'])
    .where('company_id', '=', actor.companyId)
    .where('order_id', '=', orderId)
    .execute();
  const all = lines.every((l) => l.shipped >= l.qty);
  const event = all ? 'ship_all' : 'ship_partial';
  if (order.status === 'partially_shipped' && !all) return;
  await applyEvent(db, orderMachine, {
    entityId: orderId,
    current: order.status,
    event,
    actor,
    context: { shippedUnits: 1 },
    reason: '分货发货',
  });
}
