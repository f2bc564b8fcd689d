import type { Db } from '../../db/database';
import { AppError, type Lang } from '../../lib/errors';
import { pick, type LocalColumn } from '../../lib/local-sheet';
import type { Actor } from '../auth/auth.service';
import { getSettings } from '../settings/settings.service';
import { importFailed } from '../../lib/import-rows';
import type { ImportError } from '../../lib/excel';
import * as repo from './tracking.repository';
import { applyEvent, availableEvents } from '../../lib/state-machine';
import type { Env } from '../../lib/env';
import { logisticsExceptionMachine } from './logistics-exception.machine';

/** A carrier adapter turns a tracking number into events; the built-in one keeps what people enter. */
export type TrackingEvent = { at: Date; location: string; description: string };
export interface CarrierAdapter {
  readonly name: string;
  query(trackingNo: string): Promise<TrackingEvent[]>;
}

export const manualAdapter = (db: Db, companyId: string): CarrierAdapter => ({
  name: 'manual',
  async query(trackingNo) {
    return repo.eventsOfTrackingNo(db, companyId, trackingNo);
  },
});

/** The adapter for a carrier: the manual one until a carrier's own API adapter is registered here. */
export const carrierAdapter = (db: Db, companyId: string, _carrier: string): CarrierAdapter =>
  manualAdapter(db, companyId);

export const trackingColumns: LocalColumn[] = [
  { key: 'trackingNo', header: { zh: '运单号', en: 'Tracking no.' }, width: 22 },
  { key: 'at', header: { zh: '时间', en: 'Time' }, width: 20 },
  { key: 'location', header: { zh: '地点', en: 'Location' }, width: 20 },
  { key: 'description', header: { zh: '描述', en: 'Description' }, width: 40 },
];
const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/;

/**
 * Events from a carrier's export or a spreadsheet: all rows or none; a local time is read in the company's zone
 * (UTC+8).
 */
export async function importTrackingEvents(
  db: Db,
  actor: Actor,
  rows: { row: number; values: Record<string, string> }[],
  headerErrors: ImportError[],
  lang: Lang,
) {
  const column = (i: number) => pick(trackingColumns[i].header, lang);
  const numbers = [...new Set(rows.map((r) => r.values.trackingNo).filter(Boolean))];
  const shipments = await repo.shippedByTrackingNo(db, actor.companyId, numbers);
  const errors = [...headerErrors];
  const events: { row: number; shipmentId: string; at: string; location: string; description: string }[] = [];
  for (const { row, values } of rows) {
    const shipmentId = shipments.get(values.trackingNo);
    if (!shipmentId)
      errors.push({
        row,
        column: column(0),
        message: `no shipped shipment has tracking number "${values.trackingNo}"`,
      });
    const local = LOCAL_TIME.exec(values.at);
    const at = local ? `${local[1]}T${local[2]}${local[3] ?? ':00'}+08:00` : values.at;
    if (Number.isNaN(Date.parse(at)) || !/^\d{4}-\d{2}-\d{2}T/.test(at))
      errors.push({ row, column: column(1), message: 'a time such as 2026-11-23 14:30' });
    if (!values.description) errors.push({ row, column: column(3), message: 'required' });
    if (shipmentId)
      events.push({
        row,
        shipmentId,
        at,
        location: values.location.slice(0, 100),
        description: values.description.slice(0, 300),
      });
  }
  if (errors.length) throw importFailed(errors);
  for (const e of events) await addTrackingEvent(db, actor, e.shipmentId, e);
  return { imported: events.length };
}

export async function addTrackingEvent(
  db: Db,
  actor: Actor,
  shipmentId: string,
  e: { at: string; location: string; description: string },
) {
  const s = await repo.findShipmentLastEvent(db, actor.companyId, shipmentId);
  if (!s) throw new AppError('SHIPMENT.NOT_FOUND');
  const at = new Date(e.at);
  await repo.insertTrackingEvent(db, {
    company_id: actor.companyId,
    shipment_id: shipmentId,
    at,
    location: e.location,
    description: e.description,
    source: 'manual',
  });
  if (!s.last_event_at || at > s.last_event_at) await repo.setLastEventAt(db, actor.companyId, shipmentId, at);
  return { ok: true };
}

/** 每日跟踪: shipped, not delivered, and no movement for N days. */
export async function staleShipments(db: Db, actor: Actor, now: Date, days?: number) {
  const n = days ?? (await getSettings(db, actor.companyId)).fulfilment.staleTrackingDays;
  const since = new Date(now.getTime() - n * 86_400_000);
  const rows = await repo.shipmentsQuietSince(db, actor.companyId, since);
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    carrier: r.carrier,
    trackingNo: r.tracking_no,
    shippedAt: r.shipped_at,
    lastEventAt: r.last_event_at,
  }));
}

export async function openException(
  db: Db,
  actor: Actor,
  env: Env,
  shipmentId: string,
  x: {
    type: 'delay' | 'wrong_address' | 'damage' | 'loss';
    foundAt?: string;
    action: string;
    customerInformed: boolean;
  },
) {
  const s = await repo.findShipmentLastEvent(db, actor.companyId, shipmentId);
  if (!s) throw new AppError('SHIPMENT.NOT_FOUND');
  return repo.insertLogisticsException(db, {
    company_id: actor.companyId,
    shipment_id: shipmentId,
    type: x.type,
    found_at: x.foundAt ? new Date(x.foundAt) : env.now,
    action: x.action,
    result: '',
    customer_informed: x.customerInformed,
    status: 'open',
    created_by: actor.userId,
  });
}

/** Closes an exception with its result, through its lifecycle (a history row records who and when). */
export async function closeException(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  x: { result: string; customerInformed: boolean },
) {
  const found = await repo.lockLogisticsException(db, actor.companyId, id);
  if (!found) throw new AppError('LOGISTICS_EXCEPTION.NOT_FOUND');
  await applyEvent(db, logisticsExceptionMachine, {
    entityId: id,
    current: found.status,
    event: 'close',
    actor,
    context: undefined,
    reason: x.result,
    at: env.now,
    patch: { result: x.result, customer_informed: x.customerInformed },
  });
  return { ok: true };
}

export async function listExceptions(db: Db, actor: Actor, status?: 'open' | 'closed', orderId?: string) {
  const rows = await repo.listLogisticsExceptions(db, actor.companyId, { status, orderId });
  return rows.map((r) => ({
    id: r.id,
    shipmentId: r.shipment_id,
    shipmentNumber: r.number,
    type: r.type,
    foundAt: r.found_at,
    action: r.action,
    result: r.result,
    customerInformed: r.customer_informed,
    status: r.status,
    actions: availableEvents(logisticsExceptionMachine, r.status, actor),
  }));
}
