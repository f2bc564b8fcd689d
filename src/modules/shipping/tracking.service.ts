import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.service';
import { getSettings } from '../settings/settings.service';
import { importFailed } from '../../lib/import-rows';
import type { ImportError } from '../../lib/excel';
import { LEFT_WAREHOUSE } from './shipment.machine';
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
    const r = await sql<TrackingEvent>`select e.at, e.location, e.description
      from tracking_events e join shipments s on s.company_id = e.company_id and s.id = e.shipment_id
      where e.company_id = ${companyId} and s.tracking_no = ${trackingNo} order by e.at`.execute(db);
    return r.rows;
  },
});

/** The adapter for a carrier: the manual one until a carrier's own API adapter is registered here. */
export const carrierAdapter = (db: Db, companyId: string, _carrier: string): CarrierAdapter =>
  manualAdapter(db, companyId);

export const trackingColumns = [
  { key: 'trackingNo', header: '运单号 Tracking no.', width: 22 },
  { key: 'at', header: '时间 Time', width: 20 },
  { key: 'location', header: '地点 Location', width: 20 },
  { key: 'description', header: '描述 Description', width: 40 },
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
) {
  const numbers = [...new Set(rows.map((r) => r.values.trackingNo).filter(Boolean))];
  const shipments = new Map(
    (
      await db
        .selectFrom('shipments')
        .select(['id', 'tracking_no'])
        .where('company_id', '=', actor.companyId)
        .where('tracking_no', 'in', numbers.length ? numbers : [''])
        .where('status', 'in', LEFT_WAREHOUSE)
        .execute()
    ).map((s) => [s.tracking_no, s.id]),
  );
  const errors = [...headerErrors];
  const events: { row: number; shipmentId: string; at: string; location: string; description: string }[] = [];
  for (const { row, values } of rows) {
    const shipmentId = shipments.get(values.trackingNo);
    if (!shipmentId)
      errors.push({
        row,
        column: trackingColumns[0].header,
        message: `no shipped shipment has tracking number "${values.trackingNo}"`,
      });
    const local = LOCAL_TIME.exec(values.at);
    const at = local ? `${local[1]}T${local[2]}${local[3] ?? ':00'}+08:00` : values.at;
    if (Number.isNaN(Date.parse(at)) || !/^\d{4}-\d{2}-\d{2}T/.test(at))
      errors.push({ row, column: trackingColumns[1].header, message: 'a time such as 2026-11-23 14:30' });
    if (!values.description) errors.push({ row, column: trackingColumns[3].header, message: 'required' });
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
  const s = await db
    .selectFrom('shipments')
    .select(['id', 'last_event_at'])
    .where('company_id', '=', actor.companyId)
    .where('id', '=', shipmentId)
    .executeTakeFirst();
  if (!s) throw new AppError('SHIPMENT.NOT_FOUND');
  const at = new Date(e.at);
  await db
    .insertInto('tracking_events')
    .values({
      company_id: actor.companyId,
      shipment_id: shipmentId,
      at,
      location: e.location,
      description: e.description,
      source: 'manual',
    })
    .execute();
  if (!s.last_event_at || at > s.last_event_at)
    await db
      .updateTable('shipments')
      .set({ last_event_at: at })
      .where('company_id', '=', actor.companyId)
      .where('id', '=', shipmentId)
      .execute();
  return { ok: true };
}

/** 每日跟踪: shipped, not delivered, and no movement for N days. */
export async function staleShipments(db: Db, actor: Actor, now: Date, days?: number) {
  const n = days ?? (await getSettings(db, actor.companyId)).fulfilment.staleTrackingDays;
  const since = new Date(now.getTime() - n * 86_400_000);
  const rows = await db
    .selectFrom('shipments')
    .select(['id', 'number', 'carrier', 'tracking_no', 'shipped_at', 'last_event_at'])
    .where('company_id', '=', actor.companyId)
    .where('status', '=', 'shipped')
    .where((eb) =>
      eb.or([eb('last_event_at', '<', since), eb.and([eb('last_event_at', 'is', null), eb('shipped_at', '<', since)])]),
    )
    .orderBy('last_event_at')
    .execute();
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
  const s = await db
    .selectFrom('shipments')
    .select('id')
    .where('company_id', '=', actor.companyId)
    .where('id', '=', shipmentId)
    .executeTakeFirst();
  if (!s) throw new AppError('SHIPMENT.NOT_FOUND');
  return db
    .insertInto('logistics_exceptions')
    .values({
      company_id: actor.companyId,
      shipment_id: shipmentId,
      type: x.type,
      found_at: x.foundAt ? new Date(x.foundAt) : env.now,
      action: x.action,
      result: '',
      customer_informed: x.customerInformed,
      status: 'open',
      created_by: actor.userId,
    })
    .returning(['id', 'type', 'status'])
    .executeTakeFirstOrThrow();
}

/** Closes an exception with its result, through its lifecycle (a history row records who and when). */
export async function closeException(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  x: { result: string; customerInformed: boolean },
) {
  const found = await db
    .selectFrom('logistics_exceptions')
    .select(['status'])
    .where('company_id', '=', actor.companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
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
  let q = db
    .selectFrom('logistics_exceptions as x')
    .innerJoin('shipments as s', (j) =>
      j.onRef('s.company_id', '=', 'x.company_id').onRef('s.id', '=', 'x.shipment_id'),
    )
    .select([
      'x.id',
      'x.shipment_id',
      's.number',
      'x.type',
      'x.found_at',
      'x.action',
      'x.result',
      'x.customer_informed',
      'x.status',
    ])
    .where('x.company_id', '=', actor.companyId);
  if (status) q = q.where('x.status', '=', status);
  if (orderId)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('shipment_lines as l')
          .select('l.line_no')
          .whereRef('l.company_id', '=', 'x.company_id')
          .whereRef('l.shipment_id', '=', 'x.shipment_id')
          .where('l.order_id', '=', orderId),
      ),
    );
  const rows = await q.orderBy('x.found_at', 'desc').limit(500).execute();
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
