import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Env } from '../../lib/env';
import { personalValue } from '../../lib/personal-fields';
import { availableEvents } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { listAttachments } from '../attachments/attachment.service';
import { isInWarehouse, shipmentMachine } from './shipment.machine';
import * as repo from './shipment.repository';

/** One shipment with its lines, tracking events, exceptions and proofs; late flags by the request clock. */
export async function getShipment(db: Db, actor: Actor, env: Env, id: string) {
  const s = await repo.findShipment(db, actor.companyId, id);
  if (!s) throw new AppError('SHIPMENT.NOT_FOUND');
  const lines = await repo.findShipmentLines(db, actor.companyId, [id]);
  const events = await repo.findTrackingEvents(db, actor.companyId, id);
  const exceptions = await repo.findShipmentExceptions(db, actor.companyId, id);
  const proofs = await listAttachments(db, actor, 'shipment', id);
  return {
    id: s.id,
    number: s.number,
    status: s.status,
    /** The steps this user may take now (the warehouse page draws its buttons from them). */
    actions: availableEvents(shipmentMachine, s.status, actor),
    warehouseCode: s.warehouse_code,
    warehouseName: s.warehouse_name,
    customerId: s.customer_id,
    customerName: s.customer_name,
    // 个人信息: the consignee's phone and address as this user may see them (src/lib/personal-fields.ts).
    consignee: {
      ...s.consignee,
      phone: personalValue(actor.roles, 'consigneePhone', s.consignee.phone),
      address: personalValue(actor.roles, 'address', s.consignee.address),
    },
    carrier: s.carrier,
    trackingNo: s.tracking_no,
    pickDueAt: s.pick_due_at,
    pickLate: s.picked_at ? s.picked_at > s.pick_due_at : s.pick_due_at < env.now,
    shippedAt: s.shipped_at,
    trackingDueAt: s.tracking_due_at,
    trackingLate:
      !!s.tracking_due_at &&
      (s.tracking_entered_at ? s.tracking_entered_at > s.tracking_due_at : env.now > s.tracking_due_at),
    deliveredAt: s.delivered_at,
    signedBy: s.signed_by,
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      orderId: l.order_id,
      orderNumber: l.order_number,
      orderLineNo: l.order_line_no,
      productId: l.product_id,
      sku: l.sku,
      name: l.name,
      spec: l.spec,
      unit: l.unit,
      qty: l.qty,
      unitPrice: l.unit_price,
    })),
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      location: e.location,
      description: e.description,
      source: e.source,
    })),
    exceptions: exceptions.map((e) => ({
      id: e.id,
      type: e.type,
      foundAt: e.found_at,
      action: e.action,
      result: e.result,
      customerInformed: e.customer_informed,
      status: e.status,
    })),
    proofs: proofs.map((a) => ({ id: a.id, filename: a.filename, createdAt: a.createdAt })),
  };
}
export type ShipmentView = Awaited<ReturnType<typeof getShipment>>;

/** Warehouse queue: shipments by status, pick deadline first, with the steps this user may take. */
export async function listShipments(db: Db, actor: Actor, env: Env, q: { status?: string; orderId?: string }) {
  const { now } = env;
  return (await repo.listShipments(db, actor.companyId, q)).map((s) => ({
    id: s.id,
    number: s.number,
    status: s.status,
    actions: availableEvents(shipmentMachine, s.status, actor),
    customerName: s.customer_name,
    carrier: s.carrier,
    trackingNo: s.tracking_no,
    pickDueAt: s.pick_due_at,
    pickLate: isInWarehouse(s.status) && s.pick_due_at < now,
    shippedAt: s.shipped_at,
    deliveredAt: s.delivered_at,
    trackingLate:
      !!s.tracking_due_at &&
      (s.tracking_entered_at ? s.tracking_entered_at > s.tracking_due_at : now > s.tracking_due_at),
  }));
}
