import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Env } from '../../lib/env';
import { applyEvent, availableEvents } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { callbackMachine } from './callback.machine';
import type { CallbackStatus } from './feedback.table';
import * as repo from './feedback.repository';
import { openComplaint, type ComplaintType } from './complaints';

// 回访: a call-back within 24 h of delivery confirms quantity and quality, or records a problem as a complaint.

function callbackRowToCallback(r: repo.CallbackRow, actor: Actor, now: Date) {
  return {
    id: r.id,
    orderId: r.order_id,
    orderNumber: r.number,
    customerName: r.customer_name,
    shipmentId: r.shipment_id,
    dueAt: r.due_at,
    late: r.status === 'open' && r.due_at < now,
    status: r.status,
    outcome: r.outcome,
    notes: r.notes,
    doneAt: r.done_at,
    actions: availableEvents(callbackMachine, r.status, actor, undefined),
  };
}

export async function listCallbacks(db: Db, actor: Actor, env: Env, status?: CallbackStatus) {
  const rows = await repo.listCallbacks(db, actor.companyId, status);
  return rows.map((r) => callbackRowToCallback(r, actor, env.now));
}

/** 回访: quantity and quality confirmed, or a problem that opens a complaint due in N working days. */
export async function recordCallback(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  input: { outcome: 'ok' | 'problem'; notes?: string; complaint?: { type: ComplaintType; description: string } },
) {
  const cb = await repo.findCallbackForUpdate(db, actor.companyId, id);
  if (!cb) throw new AppError('CALLBACK.NOT_FOUND');
  await applyEvent(db, callbackMachine, {
    entityId: id,
    current: cb.status,
    event: 'record',
    actor,
    context: undefined,
    reason: input.outcome,
    at: env.now,
    patch: { outcome: input.outcome, notes: input.notes ?? '' },
  });
  if (input.outcome === 'problem' && input.complaint)
    return { complaint: await openComplaint(db, actor, env, cb.order_id, id, input.complaint) };
  return { complaint: null };
}
