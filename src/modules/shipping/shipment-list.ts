import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import type { Lang } from '../../lib/errors';
import { toXlsx } from '../../lib/excel';
import { localDateTime } from '../../lib/local-date';
import type { PageQuery } from '../../lib/schemas';
import { availableEvents } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { isInWarehouse, shipmentMachine } from './shipment.machine';
import { shipmentLabels } from './shipment.labels';
import * as repo from './shipment-list.repository';

export const SHIPMENTS_EXPORT_LIMIT = 10_000;
export type ShipmentListFilter = Omit<repo.ShipmentFilter, 'timeZone'>;

function rowToListItem(s: repo.ShipmentListRow, actor: Actor, now: Date) {
  return {
    id: s.id,
    number: s.number,
    status: s.status,
    actions: availableEvents(shipmentMachine, s.status, actor),
    customerId: s.customer_id,
    customerName: s.customer_name,
    carrier: s.carrier,
    trackingNo: s.tracking_no,
    pickDueAt: s.pick_due_at,
    pickLate: isInWarehouse(s.status) && s.pick_due_at < now,
    shippedAt: s.shipped_at,
    deliveredAt: s.delivered_at,
    signedBy: s.signed_by,
    createdAt: s.created_at,
    trackingLate:
      !!s.tracking_due_at &&
      (s.tracking_entered_at ? s.tracking_entered_at > s.tracking_due_at : now > s.tracking_due_at),
  };
}

/** 出库单列表: one page of shipments under the filter, with the steps this user may take. */
export async function searchShipments(db: Db, actor: Actor, env: Env, q: PageQuery & ShipmentListFilter) {
  const page = await repo.pageShipments(db, actor.companyId, { ...q, timeZone: env.workingHours.timeZone });
  return { ...page, items: page.items.map((s) => rowToListItem(s, actor, env.now)) };
}

/** The list as the filter shows it, in the request's language (headers and statuses). */
export async function exportShipments(db: Db, actor: Actor, env: Env, lang: Lang, f: ShipmentListFilter) {
  const tz = env.workingHours.timeZone;
  const rows = await repo.allShipments(db, actor.companyId, { ...f, timeZone: tz }, SHIPMENTS_EXPORT_LIMIT);
  const h = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const at = (d: Date | null) => (d ? localDateTime(d, tz) : '');
  return toXlsx([
    {
      name: h('出库单', 'Shipments'),
      columns: [
        { key: 'number', header: h('出库单号', 'Shipment') },
        { key: 'status', header: h('状态', 'Status') },
        { key: 'customerCode', header: h('客户编码', 'Customer code') },
        { key: 'customerName', header: h('客户', 'Customer'), width: 24 },
        { key: 'carrier', header: h('承运商', 'Carrier') },
        { key: 'trackingNo', header: h('运单号', 'Tracking no.'), width: 20 },
        { key: 'createdAt', header: h('创建时间', 'Created at'), width: 18 },
        { key: 'shippedAt', header: h('发运时间', 'Shipped at'), width: 18 },
        { key: 'deliveredAt', header: h('签收时间', 'Delivered at'), width: 18 },
        { key: 'signedBy', header: h('签收人', 'Signed by') },
      ],
      rows: rows.map((s) => ({
        number: s.number,
        status: h(shipmentLabels.states[s.status].zh, shipmentLabels.states[s.status].en),
        customerCode: s.customer_code,
        customerName: s.customer_name,
        carrier: s.carrier,
        trackingNo: s.tracking_no,
        createdAt: at(s.created_at),
        shippedAt: at(s.shipped_at),
        deliveredAt: at(s.delivered_at),
        signedBy: s.signed_by ?? '',
      })),
    },
  ]);
}
