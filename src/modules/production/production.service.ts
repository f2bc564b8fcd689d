import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { applyEvent, availableEvents } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { notifyRole, notifyUsers } from '../notifications/notification.service';
import { assertGate } from '../payments/payment-gates';
import { todayOf } from '../../lib/local-date';
import { OPEN, SCHEDULED, UNFINISHED, productionRequestMachine } from './production.machine';
import * as repo from './production.repository';
import type { ProductionRequestStatus } from './production.table';
import { reasonCode } from '../../lib/reason-codes';
import { assertSampleApproved } from '../sample-approval/sample-approval.service';

const WEEK = 7 * 86_400_000;

const toRequest = (r: repo.ProductionRequestRow, actor: Actor, now?: Date) => ({
  id: r.id,
  orderId: r.order_id,
  orderNumber: r.order_number ?? r.prep_number,
  prepRequestId: r.prep_request_id,
  lineNo: r.line_no,
  productId: r.product_id,
  sku: r.sku,
  productName: r.product_name,
  qty: r.qty,
  status: r.status,
  dueAt: r.due_at,
  completionDate: r.completion_date,
  reason: r.reason,
  answeredBy: r.answered_by,
  answeredAt: r.answered_at,
  createdAt: r.created_at,
  lastProgressAt: r.last_progress_at ?? r.answered_at,
  progressNote: r.progress_note,
  // A schedule not updated for a week is flagged (spec §4: progress at least weekly).
  progressLate:
    !!now &&
    SCHEDULED.includes(r.status) &&
    now.getTime() - (r.last_progress_at ?? r.answered_at ?? r.created_at).getTime() > WEEK,
  // Cancelling follows the order (rejected or cancelled); it is no action of its own.
  actions: availableEvents(productionRequestMachine, r.status, actor).filter((e) => e !== 'cancel'),
});
export type ProductionRequest = ReturnType<typeof toRequest>;

/** One request per short line, due within the planner's time limit; the planners are told. */
export async function requestProduction(
  db: Db,
  actor: Actor,
  r: { orderId: string; number: string; dueAt: Date; lines: { lineNo: number; productId: string; qty: number }[] },
) {
  await repo.insertRequests(
    db,
    r.lines.map((l) => ({
      company_id: actor.companyId,
      order_id: r.orderId,
      line_no: l.lineNo,
      product_id: l.productId,
      qty: l.qty,
      status: productionRequestMachine.initial,
      due_at: r.dueAt,
    })),
  );
  await notifyRole(db, actor.companyId, 'production_planner', {
    kind: 'production_requested',
    params: { number: r.number },
    orderId: r.orderId,
  });
}

export async function listProductionRequests(
  db: Db,
  actor: Actor,
  env: Env,
  q: { status?: ProductionRequestStatus; order?: string },
) {
  const rows = await repo.listRequests(db, actor.companyId, { status: q.status, orderId: q.order });
  return rows.map((r) => toRequest(r, actor, env.now));
}

/** An order's requests; with the viewer and the clock, also what the viewer may do and whether a schedule is late. */
export async function listForOrder(db: Db, companyId: string, orderId: string, view?: { actor: Actor; env: Env }) {
  const viewer = view?.actor ?? ({ userId: '', companyId, roles: [] } as unknown as Actor);
  const rows = await repo.listForOrder(db, companyId, orderId);
  return rows.map((r) => toRequest(r, viewer, view?.env.now));
}

async function getRequest(db: Db, actor: Actor, env: Env, id: string) {
  const row = await repo.findRequest(db, actor.companyId, id);
  if (!row) throw new AppError('PRODUCTION.NOT_FOUND');
  return toRequest(row, actor, env.now);
}

/** The planner answers with a completion date or declines with a reason; the reviewers and the registrar see it. */
export async function answerProductionRequest(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  input: { decision: 'answer' | 'decline'; completionDate?: string; reason?: string },
) {
  const current = await repo.lockRequest(db, actor.companyId, id);
  if (!current) throw new AppError('PRODUCTION.NOT_FOUND');
  await applyEvent(db, productionRequestMachine, {
    entityId: id,
    current: current.status,
    event: input.decision,
    actor,
    reason: input.reason,
    context: {},
    at: env.now,
    patch: {
      completion_date: input.completionDate ?? null,
      reason: input.reason ?? null,
      answered_by: actor.userId,
      answered_at: env.now,
    },
  });
  if (current.order_id) {
    const notice = await repo.orderNotice(db, actor.companyId, current.order_id);
    const params = { number: notice.number, decision: input.decision };
    await notifyUsers(db, actor.companyId, [notice.registrar_id], {
      kind: 'production_answered',
      params,
      orderId: current.order_id,
    });
    await notifyRole(db, actor.companyId, 'reviewer', {
      kind: 'production_answered',
      params,
      orderId: current.order_id,
    });
  }
  return getRequest(db, actor, env, id);
}

/** An order leaving review (rejected or cancelled) takes its open requests with it, each through the machine. */
export async function cancelOpenRequests(db: Db, actor: Actor, orderId: string, at?: Date) {
  for (const r of await repo.lockRequestsOfOrder(db, actor.companyId, orderId, OPEN)) {
    await applyEvent(db, productionRequestMachine, {
      entityId: r.id,
      current: r.status,
      event: 'cancel',
      actor,
      context: {},
      at,
    });
  }
}

/** A short-closed order takes every unfinished request with it (waiting, scheduled or in production). */
export async function cancelUnfinishedRequests(db: Db, actor: Actor, orderId: string, at?: Date) {
  for (const r of await repo.lockRequestsOfOrder(db, actor.companyId, orderId, UNFINISHED)) {
    await applyEvent(db, productionRequestMachine, {
      entityId: r.id,
      current: r.status,
      event: 'cancel',
      actor,
      context: {},
      reason: reasonCode('order_short_closed'),
      at,
    });
  }
}

/**
 * An applied order change lowers or removes lines: per line, unfinished requests no longer needed are cancelled
 * (newest first) as long as what stays still covers the line's backorder (`keep`).
 */
export async function cancelUnneededRequests(
  db: Db,
  actor: Actor,
  orderId: string,
  lines: { lineNo: number; keep: number }[],
  at: Date,
  reason: string,
) {
  const unfinished = await repo.lockRequestsOfOrder(db, actor.companyId, orderId, UNFINISHED);
  for (const { lineNo, keep } of lines) {
    const rows = unfinished.filter((r) => r.line_no === lineNo).reverse();
    let covered = rows.reduce((s, r) => s + r.qty, 0);
    for (const r of rows) {
      if (covered - r.qty < keep) continue;
      await applyEvent(db, productionRequestMachine, {
        entityId: r.id,
        current: r.status,
        event: 'cancel',
        actor,
        context: {},
        reason,
        at,
      });
      covered -= r.qty;
    }
  }
}

export function openRequestCount(db: Db, companyId: string, orderId: string): Promise<number> {
  return repo.countRequestsOfOrder(db, companyId, orderId, OPEN);
}

/**
 * The planner reports progress: started, or in stock (the receipt then fills the order's backorder).
 * 付款条件: production starts only once the order's payment terms allow it (T/T deposit, prepayment);
 * answering feasibility in review does not wait.
 */
export async function reportProgress(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  input: { event: 'start' | 'finish'; note?: string },
  onPrepProduced?: PrepProduced,
) {
  const current = await repo.lockRequest(db, actor.companyId, id);
  if (!current) throw new AppError('PRODUCTION.NOT_FOUND');
  if (input.event === 'start' && current.order_id) {
    const order = await repo.orderPaymentFacts(db, actor.companyId, current.order_id);
    await assertGate(db, actor.companyId, order, 'production', todayOf(env));
    await assertSampleApproved(db, actor.companyId, current.order_id, order.number);
  }
  await applyEvent(db, productionRequestMachine, {
    entityId: id,
    current: current.status,
    event: input.event,
    actor,
    reason: input.note,
    context: {},
    at: env.now,
    patch: { last_progress_at: env.now, progress_note: input.note ?? '' },
  });
  if (input.event === 'finish' && current.prep_request_id && onPrepProduced)
    await onPrepProduced(db, actor, env, {
      prepRequestId: current.prep_request_id,
      productId: current.product_id,
      qty: current.qty,
    });
  return getRequest(db, actor, env, id);
}

/** What happens when a prep request's production is in stock (its goods are earmarked), handed in by the app. */
export type PrepProduced = (
  db: Db,
  actor: Actor,
  env: Env,
  produced: { prepRequestId: string; productId: string; qty: number },
) => Promise<void>;

/** 备货 · 备料 approved: one production request per line, due within the planner's time limit. */
export async function requestProductionForPrep(
  db: Db,
  actor: Actor,
  r: { prepRequestId: string; number: string; dueAt: Date; lines: { productId: string; qty: number }[] },
) {
  await repo.insertRequests(
    db,
    r.lines.map((l) => ({
      company_id: actor.companyId,
      order_id: null,
      line_no: null,
      prep_request_id: r.prepRequestId,
      product_id: l.productId,
      qty: l.qty,
      status: productionRequestMachine.initial,
      due_at: r.dueAt,
    })),
  );
  await notifyRole(db, actor.companyId, 'production_planner', {
    kind: 'production_requested',
    params: { number: r.number },
  });
}

/** A prep request's production requests, as the planner sees them. */
export async function listForPrep(db: Db, actor: Actor, env: Env, prepRequestId: string) {
  return (await repo.requestsOfPrep(db, actor.companyId, prepRequestId)).map((r) => toRequest(r, actor, env.now));
}

/** Schedules not updated for a week, flagged once per lapse, so the planners can be told. */
export function flagLateProgress(db: Db, companyId: string, now: Date) {
  return repo.flagLateProgress(db, companyId, now, SCHEDULED);
}
