import type { Db } from '../../db/database';
import { AppError, type Lang } from '../../lib/errors';
import type { ErrorCode } from '../../lib/error-codes';
import type { Actor } from '../auth/auth.service';
import { orderLabels } from '../orders/order.labels';
import { shipmentLabels } from '../shipping/shipment.labels';
import * as repo from './portal.repository';

// 客户门户: the customer's own orders, their timeline, documents and shipments, in the reader's language.

/** Kinds of files a customer may see: its own confirmations on the order, the proof of delivery on a shipment. */
export const CUSTOMER_DOCUMENT_KINDS = {
  order: ['written_confirmation', 'confirmation'],
  shipment: ['delivery_proof'],
};

const say = (l: { zh: string; en: string } | undefined, lang: Lang, code: string) =>
  l ? (lang === 'en' ? l.en : l.zh) : code;

/** The customer the portal login acts for; a login bound to none (staff) finds nothing. */
export function customerOf(actor: Actor, notFound: ErrorCode): string {
  if (!actor.customerId) throw new AppError(notFound);
  return actor.customerId;
}

type OrderRow = Awaited<ReturnType<typeof repo.listOrders>>[number];
const orderCard = (o: OrderRow, lang: Lang) => ({
  id: o.id,
  number: o.number,
  status: o.status,
  statusLabel: say(orderLabels.states[o.status], lang, o.status),
  orderDate: o.order_date,
  expectedDeliveryDate: o.expected_delivery_date,
  total: o.total,
  customerPo: o.customer_po,
  confirmedAt: o.confirmed_at,
  createdAt: o.created_at,
  /** What the customer may do now. */
  actions: o.status === 'awaiting_confirmation' ? ['confirm'] : [],
});

export async function listMyOrders(db: Db, actor: Actor, lang: Lang) {
  if (!actor.customerId) return [];
  return (await repo.listOrders(db, actor.companyId, actor.customerId)).map((o) => orderCard(o, lang));
}

type ShipmentRow = Awaited<ReturnType<typeof repo.listShipments>>[number];
async function shipmentsWithTracking(db: Db, actor: Actor, rows: ShipmentRow[], lang: Lang) {
  const events = await repo.trackingEvents(
    db,
    actor.companyId,
    rows.map((s) => s.id),
  );
  return rows.map((s) => ({
    id: s.id,
    number: s.number,
    status: s.status,
    statusLabel: say(shipmentLabels.states[s.status], lang, s.status),
    carrier: s.carrier,
    trackingNo: s.tracking_no,
    shippedAt: s.shipped_at,
    deliveredAt: s.delivered_at,
    signedBy: s.signed_by,
    canSign: s.status === 'shipped',
    tracking: events
      .filter((e) => e.shipment_id === s.id)
      .map((e) => ({ at: e.at, location: e.location, description: e.description })),
  }));
}

export async function getMyOrder(db: Db, actor: Actor, lang: Lang, orderId: string) {
  const customerId = customerOf(actor, 'ORDER.NOT_FOUND');
  const o = await repo.findOrder(db, actor.companyId, customerId, orderId);
  if (!o) throw new AppError('ORDER.NOT_FOUND');
  const [lines, timeline, shipmentRows, changes] = await Promise.all([
    repo.orderLines(db, actor.companyId, orderId),
    repo.orderTimeline(db, actor.companyId, orderId),
    repo.listShipments(db, actor.companyId, customerId, orderId),
    repo.changesAwaitingCustomer(db, actor.companyId, orderId),
  ]);
  const documents = await repo.customerDocuments(db, actor.companyId, [
    { type: 'order', ids: [orderId], kinds: CUSTOMER_DOCUMENT_KINDS.order },
    { type: 'shipment', ids: shipmentRows.map((s) => s.id), kinds: CUSTOMER_DOCUMENT_KINDS.shipment },
  ]);
  const delivery = o.delivery;
  return {
    ...orderCard(o, lang),
    buyerRemark: o.buyer_remark,
    delivery: delivery && { consignee: delivery.consignee, region: delivery.region, address: delivery.address },
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      sku: l.sku,
      name: l.name,
      spec: l.spec,
      unit: l.unit,
      qty: l.qty,
      unitPrice: l.unit_price,
      amount: l.amount,
      gift: l.gift,
      shipped: l.shipped,
    })),
    timeline: timeline.map((h) => ({
      status: h.to_state,
      label: say(orderLabels.states[h.to_state as OrderRow['status']], lang, h.to_state),
      at: h.at,
    })),
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      filename: d.filename,
      contentType: d.content_type,
      size: d.size,
      createdAt: d.created_at,
    })),
    shipments: await shipmentsWithTracking(db, actor, shipmentRows, lang),
    changesAwaitingConfirmation: changes.map((c) => ({ id: c.id, number: c.number, actions: c.actions })),
  };
}

export async function listMyShipments(db: Db, actor: Actor, lang: Lang) {
  if (!actor.customerId) return [];
  return shipmentsWithTracking(db, actor, await repo.listShipments(db, actor.companyId, actor.customerId), lang);
}

export async function getMyShipment(db: Db, actor: Actor, lang: Lang, shipmentId: string) {
  const customerId = customerOf(actor, 'SHIPMENT.NOT_FOUND');
  const s = await repo.findShipment(db, actor.companyId, customerId, shipmentId);
  if (!s) throw new AppError('SHIPMENT.NOT_FOUND');
  return (await shipmentsWithTracking(db, actor, [s], lang))[0];
}

/** A file the customer may see: one of its order's confirmations or its shipment's delivery proof. */
export async function getMyDocument(db: Db, actor: Actor, id: string) {
  const customerId = customerOf(actor, 'ATTACHMENT.NOT_FOUND');
  const d = await repo.findDocument(db, actor.companyId, id);
  const kinds = d && (CUSTOMER_DOCUMENT_KINDS as Record<string, string[]>)[d.owner_type];
  if (!d || !kinds?.includes(d.kind)) throw new AppError('ATTACHMENT.NOT_FOUND');
  const mine =
    d.owner_type === 'order'
      ? await repo.findOrder(db, actor.companyId, customerId, d.owner_id)
      : await repo.findShipment(db, actor.companyId, customerId, d.owner_id);
  if (!mine) throw new AppError('ATTACHMENT.NOT_FOUND');
  return d;
}
