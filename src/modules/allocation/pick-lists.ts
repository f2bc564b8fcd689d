import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { parseMoney } from '../../lib/money';
import { applyEvent, availableEvents } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { orderMachine } from '../orders/order.machine';
import { lineShipping } from '../orders/order.repository';
import { postMovements } from '../stock/stock.service';
import * as pickListRepo from './pick-list.repository';
import * as reservationRepo from './reservation.repository';
import { deductForShipment } from './franchisee-money';
import { pickListMachine, type PickListGuardContext, type PickListStatus } from './pick-list.machine';
import { reasonCode } from '../../lib/reason-codes';

export type PickLine = { productId: string; qty: number; orderId?: string; orderLineNo?: number; unitPrice?: string };

/** A pick list per target for the warehouse (拣货单, 6.4.4), opened in its initial state. */
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
  const id = await pickListRepo.insertPickList(db, {
    company_id: actor.companyId,
    run_id: t.runId,
    warehouse_id: t.warehouseId,
    target_kind: t.kind,
    target_id: t.targetId,
    target_name: t.name,
    status: 'open',
  });
  await pickListRepo.insertPickLines(db, actor.companyId, id, lines);
  return id;
}

export async function listPickLists(db: Db, actor: Actor, q: { status?: PickListStatus; runId?: string; id?: string }) {
  const rows = await pickListRepo.listPickListRows(db, actor.companyId, q);
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
    actions: availableEvents(pickListMachine, r.status, actor),
  }));
}

export async function getPickList(db: Db, actor: Actor, id: string) {
  const [list] = await listPickLists(db, actor, { id });
  if (!list) throw new AppError('PICKLIST.NOT_FOUND');
  const lines = await pickListRepo.pickListLines(db, actor.companyId, id);
  const facts = factsOf(lines);
  return {
    ...list,
    actions: availableEvents(pickListMachine, list.status, actor, facts),
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

const factsOf = (lines: Awaited<ReturnType<typeof pickListRepo.pickListLines>>): PickListGuardContext => ({
  orders: lines.flatMap((l) =>
    l.order_number && l.order_status ? [{ number: l.order_number, status: l.order_status }] : [],
  ),
});

/**
 * Posting a pick list ships it: stock is issued from the reservation (on hand and reserved go down
 * together), order lines count the units shipped, orders move to partially shipped or shipped, and a
 * franchisee pays from funds first, then credit (6.4.4). Every order on it must still be able to ship.
 */
export async function postPickList(db: Db, actor: Actor, env: Env, id: string) {
  const locked = await pickListRepo.lockPickList(db, actor.companyId, id);
  if (!locked) throw new AppError('PICKLIST.NOT_FOUND');
  const lines = await pickListRepo.pickListLines(db, actor.companyId, id);
  await applyEvent(db, pickListMachine, {
    entityId: id,
    current: locked.status,
    event: 'post',
    actor,
    context: factsOf(lines),
    at: env.now,
    patch: { posted_at: env.now, posted_by: actor.userId },
    effects: async () => {
      await postMovements(
        db,
        actor,
        lines.map((l) => ({
          warehouseId: locked.warehouse_id,
          productId: l.product_id,
          kind: 'issue' as const,
          onHandDelta: -l.qty,
          reservedDelta: -l.qty,
          reason: reasonCode('allocation_shipped'),
          reference: `PICK-${id.slice(0, 8)}`,
        })),
      );
      if (locked.target_kind !== 'franchisee') return;
      const cost = lines.reduce((n, l) => n + parseMoney(l.unit_price ?? '0') * BigInt(l.qty), 0n);
      await deductForShipment(db, actor, locked.target_id, cost, `PICK-${id.slice(0, 8)}`, env.now);
      const orderLines = lines.filter((l) => l.order_id);
      await reservationRepo.shipReserved(
        db,
        actor.companyId,
        orderLines.map((l) => ({ orderId: l.order_id!, lineNo: l.order_line_no!, qty: l.qty })),
      );
      for (const orderId of [...new Set(orderLines.map((l) => l.order_id!))])
        await markShipped(db, actor, env, orderId);
    },
  });
  return getPickList(db, actor, id);
}

async function markShipped(db: Db, actor: Actor, env: Env, orderId: string) {
  const order = await pickListRepo.lockOrderStatus(db, actor.companyId, orderId);
  const lines = await lineShipping(db, actor.companyId, orderId);
  const all = lines.every((l) => l.shipped >= l.qty);
  if (order.status === 'partially_shipped' && !all) return;
  await applyEvent(db, orderMachine, {
    entityId: orderId,
    current: order.status,
    event: all ? 'ship_all' : 'ship_partial',
    actor,
    context: { shippedUnits: 1 },
    at: env.now,
    reason: reasonCode('allocation_shipped'),
  });
}

/** Open pick lists left with no lines (their orders were cancelled) are cancelled. */
export async function cancelEmptiedPickLists(db: Db, actor: Actor, ids: readonly string[], at?: Date) {
  for (const id of ids) {
    if ((await pickListRepo.pickLineCount(db, actor.companyId, id)) > 0) continue;
    const locked = await pickListRepo.lockPickList(db, actor.companyId, id);
    if (!locked) continue;
    await applyEvent(db, pickListMachine, {
      entityId: id,
      current: locked.status,
      event: 'cancel',
      actor,
      context: { orders: [] },
      at,
      reason: reasonCode('order_cancelled'),
    });
  }
}
