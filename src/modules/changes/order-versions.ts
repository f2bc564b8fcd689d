import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import { personalValue } from '../../lib/personal-fields';
import type { Actor } from '../auth/auth.service';
import type { OrderLineRow, OrderRow } from '../orders/order.repository';
import { findOrder, findLines } from '../orders/order.repository';
import type { DeliveryAddress, OrderVersion, VersionHead, VersionLine } from './change-actions';
import * as repo from './change.repository';

// 订单版本: every version of a changed order keeps its head and lines, readable later. Version 1 (or whichever
// version the order had at its first change) is snapshotted just before the first change is applied.

type HeadSource = Pick<
  OrderRow,
  'expected_delivery_date' | 'delivery' | 'payment_method' | 'payment_days' | 'deposit_percent' | 'total' | 'cost_total'
>;
type LineSource = Omit<OrderLineRow, 'order_id'>;

export function versionOf(order: HeadSource, lines: readonly LineSource[]): OrderVersion {
  const head: VersionHead = {
    expectedDeliveryDate: order.expected_delivery_date,
    delivery: order.delivery,
    paymentMethod: order.payment_method,
    paymentDays: order.payment_days,
    depositPercent: order.deposit_percent,
    total: order.total,
    costTotal: order.cost_total,
  };
  return {
    head,
    lines: lines.map((l): VersionLine => ({
      lineNo: l.line_no,
      productId: l.product_id,
      sku: l.sku,
      name: l.name,
      spec: l.spec,
      unit: l.unit,
      qty: l.qty,
      unitPrice: l.unit_price,
      amount: l.amount,
      standardCost: l.standard_cost,
      gift: l.gift,
      reserved: l.reserved,
      backordered: l.backordered,
      shipped: l.shipped,
    })),
  };
}

/** Keeps the version as it stands (no-op when it is kept already). */
export async function snapshotVersion(
  db: Db,
  actor: Actor,
  at: Date,
  orderId: string,
  version: number,
  v: OrderVersion,
  changeRequestId: string | null,
) {
  await repo.insertVersion(db, {
    company_id: actor.companyId,
    order_id: orderId,
    version,
    head: JSON.stringify(v.head),
    lines: JSON.stringify(v.lines),
    change_request_id: changeRequestId,
    created_at: at,
    created_by: actor.userId,
  });
}

/** A consignee as this user may see it (phone and address masked by role, 个人信息). */
export function deliveryForViewer<D extends DeliveryAddress | null>(d: D, roles: readonly string[]): D {
  if (!d) return d;
  return {
    ...d,
    phone: personalValue(roles, 'consigneePhone', d.phone),
    address: personalValue(roles, 'address', d.address),
  };
}

/** The version's head as this user may see it. */
export function headForViewer(head: VersionHead, roles: readonly string[]): VersionHead {
  return { ...head, delivery: deliveryForViewer(head.delivery, roles) };
}

/** The order's versions, oldest first; the current one is listed even before any change kept it. */
export async function listOrderVersions(db: Db, actor: Actor, orderId: string) {
  const order = await findOrder(db, actor.companyId, orderId);
  if (!order) throw new AppError('ORDER.NOT_FOUND');
  const kept = await repo.listVersions(db, actor.companyId, orderId);
  const items = kept.map((v) => ({
    version: v.version,
    current: v.version === order.version,
    total: String((v.head as { total?: string }).total ?? ''),
    changeRequestId: v.change_request_id,
    changeNumber: v.change_number,
    createdAt: v.created_at,
    createdByName: v.created_by_name,
  }));
  if (!items.some((v) => v.current))
    items.push({
      version: order.version,
      current: true,
      total: order.total,
      changeRequestId: null,
      changeNumber: null,
      createdAt: order.updated_at,
      createdByName: null,
    });
  return { orderId, currentVersion: order.version, items };
}

/** One version of the order: its head and lines as they stood. */
export async function getOrderVersion(db: Db, actor: Actor, orderId: string, version: number) {
  const order = await findOrder(db, actor.companyId, orderId);
  if (!order) throw new AppError('ORDER.NOT_FOUND');
  const kept = await repo.findVersion(db, actor.companyId, orderId, version);
  let v: OrderVersion;
  if (kept) v = { head: kept.head as unknown as VersionHead, lines: kept.lines as unknown as VersionLine[] };
  else if (version === order.version) v = versionOf(order, await findLines(db, actor.companyId, [orderId]));
  else throw new AppError('CHANGE.VERSION_NOT_FOUND');
  return {
    orderId,
    number: order.number,
    version,
    current: version === order.version,
    head: headForViewer(v.head, actor.roles),
    lines: v.lines,
  };
}
