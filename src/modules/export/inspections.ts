import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError, type Lang } from '../../lib/errors';

import { addDays } from '../../lib/calendar/calendar';
import { todayOf } from '../../lib/local-date';
import { applyEvent } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { notifyUsers } from '../notifications/notification.service';
import { OPEN_LOCKED } from '../orders/order.machine';
import * as repo from './export.repository';
import { shipGatesOf } from './export-gates';
import { inspectionMachine } from './inspection.machine';

type InspectionRow = NonNullable<Awaited<ReturnType<typeof repo.findInspection>>>;
const view = (i: InspectionRow) => ({
  id: i.id,
  orderId: i.order_id,
  orderNumber: i.order_number,
  bookedFor: i.booked_for,
  inspector: i.inspector,
  status: i.status,
  note: i.note,
  resultAt: i.result_at,
  waiveReason: i.waive_reason,
  waivedAt: i.waived_at,
  createdAt: i.created_at,
});

async function exportOrder(db: Db, actor: Actor, orderId: string) {
  const order = await repo.findExportOrder(db, actor.companyId, orderId);
  if (!order) throw new AppError('ORDER.NOT_FOUND');
  if (!order.export) throw new AppError('EXPORT.NOT_EXPORT_ORDER');
  return order;
}

/** 预约验货 (or a re-inspection after a failure): a new booking for the order. */
export async function bookInspection(
  db: Db,
  actor: Actor,
  input: { orderId: string; bookedFor: string; inspector: string; note: string },
) {
  await exportOrder(db, actor, input.orderId);
  const { id } = await repo.insertInspection(db, {
    company_id: actor.companyId,
    order_id: input.orderId,
    booked_for: input.bookedFor,
    inspector: input.inspector,
    note: input.note,
    status: 'booked',
    created_by: actor.userId,
  });
  return getInspection(db, actor, id);
}

/** 验货结果: passed or failed, with what was found. */
export async function recordInspectionResult(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  input: { result: 'passed' | 'failed'; note: string },
) {
  const found = await repo.lockInspection(db, actor.companyId, id);
  if (!found) throw new AppError('EXPORT.INSPECTION_NOT_FOUND');
  await applyEvent(db, inspectionMachine, {
    entityId: id,
    current: found.status,
    event: input.result === 'passed' ? 'pass' : 'fail',
    actor,
    context: undefined,
    reason: input.note || undefined,
    at: env.now,
    patch: { note: input.note, result_at: env.now, result_by: actor.userId },
  });
  return getInspection(db, actor, id);
}

/** 豁免验货: the general manager lets the order ship without a passed inspection, saying why. */
export async function waiveInspection(db: Db, actor: Actor, env: Env, orderId: string, input: { reason: string }) {
  await exportOrder(db, actor, orderId);
  let current = await repo.latestInspection(db, actor.companyId, orderId);
  if (!current || current.status === 'passed' || current.status === 'waived') {
    const { id } = await repo.insertInspection(db, {
      company_id: actor.companyId,
      order_id: orderId,
      booked_for: todayOf(env),
      status: 'booked',
      created_by: actor.userId,
    });
    current = (await repo.findInspection(db, actor.companyId, id))!;
  }
  await applyEvent(db, inspectionMachine, {
    entityId: current.id,
    current: current.status,
    event: 'waive',
    actor,
    context: undefined,
    reason: input.reason,
    at: env.now,
    patch: { waive_reason: input.reason, waived_by: actor.userId, waived_at: env.now },
  });
  return getInspection(db, actor, current.id);
}

export async function getInspection(db: Db, actor: Actor, id: string) {
  const i = await repo.findInspection(db, actor.companyId, id);
  if (!i) throw new AppError('EXPORT.INSPECTION_NOT_FOUND');
  return view(i);
}

/** The inspections with, for the 外贸 page, whether their order may ship today. */
export async function listInspections(
  db: Db,
  actor: Actor,
  env: Env,
  f: { orderId?: string; status?: string },
  lang: Lang,
) {
  const rows = await repo.listInspections(db, actor.companyId, f);
  const gate = await shipGatesOf(
    db,
    actor.companyId,
    rows.map((r) => r.order_id),
    todayOf(env),
    lang,
  );
  return rows.map((r) => ({ ...view(r), shipGate: gate(r.order_id) }));
}

/**
 * Daily: an open export order shipping within 7 days with no inspection booked — its sales owner (the
 * registrar) is told, once a day per order however often the job runs. Returns the orders reminded of.
 */
export async function remindInspections(db: Db, today: string) {
  const reminded: string[] = [];
  for (const c of await repo.companyIds(db)) {
    // The check for today's reminder and the reminder itself are one step per company: a run beside another
    // waits for it and then finds its reminders written.
    const numbers = await db.transaction().execute(async (trx) => {
      await repo.lockInspectionReminders(trx, c.id);
      const due = await repo.exportOrdersWithoutInspection(trx, c.id, OPEN_LOCKED, addDays(today, 7), today);
      for (const o of due)
        await notifyUsers(trx, c.id, [o.registrar_id], {
          kind: 'inspection_not_booked',
          params: { number: o.number, shipBy: o.expected_delivery_date ?? '', day: today },
          orderId: o.id,
        });
      return due.map((o) => o.number);
    });
    reminded.push(...numbers);
  }
  return reminded;
}
