import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import { applyEvent } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { notifyRole, notifyUsers } from '../notifications/notification.service';
import { productionRequestMachine } from './production.machine';
import { assertGate } from '../payments/payment-gates';

const columns = [
  'p.id',
  'p.order_id',
  'o.number as order_number',
  'p.line_no',
  'p.product_id',
  'pr.sku',
  'pr.name as product_name',
  'p.qty',
  'p.status',
  'p.due_at',
  'p.completion_date',
  'p.reason',
  'p.answered_by',
  'p.answered_at',
  'p.created_at',
  'p.last_progress_at',
  'p.progress_note',
] as const;

function requestsQuery(db: Db, companyId: string) {
  return db
    .selectFrom('production_requests as p')
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'p.company_id').onRef('o.id', '=', 'p.order_id'))
    .innerJoin('products as pr', (j) =>
      j.onRef('pr.company_id', '=', 'p.company_id').onRef('pr.id', '=', 'p.product_id'),
    )
    .select(columns)
    .where('p.company_id', '=', companyId);
}
type Row = Awaited<ReturnType<ReturnType<typeof requestsQuery>['execute']>>[number];
const toRequest = (r: Row) => ({
  id: r.id,
  orderId: r.order_id,
  orderNumber: r.order_number,
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
    ['answered', 'in_production'].includes(r.status) &&
    Date.now() - (r.last_progress_at ?? r.answered_at ?? r.created_at).getTime() > 7 * 86_400_000,
});
export type ProductionRequest = ReturnType<typeof toRequest>;

/** One request per short line, due within the planner's time limit; the planners are told. */
export async function requestProduction(
  db: Db,
  actor: Actor,
  r: { orderId: string; number: string; dueAt: Date; lines: { lineNo: number; productId: string; qty: number }[] },
) {
  await db
    .insertInto('production_requests')
    .values(
      r.lines.map((l) => ({
        company_id: actor.companyId,
        order_id: r.orderId,
        line_no: l.lineNo,
        product_id: l.productId,
        qty: l.qty,
        status: 'requested' as const,
        due_at: r.dueAt,
      })),
    )
    .execute();
  await notifyRole(db, actor.companyId, 'production_planner', {
    kind: 'production_requested',
    params: { number: r.number },
    orderId: r.orderId,
  });
}

export async function listProductionRequests(db: Db, actor: Actor, q: { status?: string; order?: string }) {
  let query = requestsQuery(db, actor.companyId);
  if (q.status) query = query.where('p.status', '=', q.status as never);
  if (q.order) query = query.where('p.order_id', '=', q.order);
  return (await query.orderBy('p.due_at').orderBy('o.number').limit(500).execute()).map(toRequest);
}

export async function listForOrder(db: Db, companyId: string, orderId: string) {
  return (
    await requestsQuery(db, companyId)
      .where('p.order_id', '=', orderId)
      .orderBy('p.created_at')
      .orderBy('p.line_no')
      .execute()
  ).map(toRequest);
}

/** The planner answers with a completion date or declines with a reason; the reviewers and the registrar see it. */
export async function answerProductionRequest(
  db: Db,
  actor: Actor,
  id: string,
  input: { decision: 'answer' | 'decline'; completionDate?: string; reason?: string },
) {
  const current = await db
    .selectFrom('production_requests')
    .select(['status', 'order_id'])
    .where('company_id', '=', actor.companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!current) throw new AppError('PRODUCTION.NOT_FOUND');
  await applyEvent(db, productionRequestMachine, {
    entityId: id,
    current: current.status,
    event: input.decision,
    actor,
    reason: input.reason,
    context: undefined,
    patch: {
      completion_date: input.completionDate ?? null,
      reason: input.reason ?? null,
      answered_by: actor.userId,
      answered_at: new Date(),
    },
  });
  const notice = await db
    .selectFrom('orders')
    .select(['number', 'registrar_id'])
    .where('company_id', '=', actor.companyId)
    .where('id', '=', current.order_id)
    .executeTakeFirstOrThrow();
  const params = { number: notice.number, decision: input.decision };
  await notifyUsers(db, actor.companyId, [notice.registrar_id], {
    kind: 'production_answered',
    params,
    orderId: current.order_id,
  });
  await notifyRole(db, actor.companyId, 'reviewer', { kind: 'production_answered', params, orderId: current.order_id });
  const [row] = (await requestsQuery(db, actor.companyId).where('p.id', '=', id).execute()).map(toRequest);
  return row;
}

/** An order leaving review takes its open requests with it. */
export async function cancelOpenRequests(db: Db, companyId: string, orderId: string) {
  await sql`update production_requests set status = 'cancelled' where company_id = ${companyId} and order_id = ${orderId} and status = 'requested'`.execute(
    db,
  );
}

export async function openRequestCount(db: Db, companyId: string, orderId: string): Promise<number> {
  const r = await sql<{
    n: number;
  }>`select count(*)::int as n from production_requests where company_id = ${companyId} and order_id = ${orderId} and status = 'requested'`.execute(
    db,
  );
  return r.rows[0].n;
}

/** The planner reports progress: started, or in stock (the receipt then fills the order's backorder). */
export async function reportProgress(
  db: Db,
  actor: Actor,
  id: string,
  input: { event: 'start' | 'finish'; note?: string },
) {
  const current = await db
    .selectFrom('production_requests')
    .select(['status', 'order_id'])
    .where('company_id', '=', actor.companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!current) throw new AppError('PRODUCTION.NOT_FOUND');
  if (input.event === 'start') {
    // 付款条件: a T/T order goes into production only once its deposit has arrived (answering feasibility in review does not wait).
    const order = await db
      .selectFrom('orders')
      .select(['id', 'total', 'payment_method', 'deposit_percent', 'expected_delivery_date'])
      .where('company_id', '=', actor.companyId)
      .where('id', '=', current.order_id)
      .executeTakeFirstOrThrow();
    await assertGate(db, actor.companyId, order, 'production', new Date().toISOString().slice(0, 10));
  }
  await applyEvent(db, productionRequestMachine, {
    entityId: id,
    current: current.status,
    event: input.event,
    actor,
    reason: input.note,
    context: undefined,
    patch: { last_progress_at: new Date(), progress_note: input.note ?? '' },
  });
  const [row] = (await requestsQuery(db, actor.companyId).where('p.id', '=', id).execute()).map(toRequest);
  return row;
}

/**
 * Schedules not updated for a week, flagged once per lapse (a new progress report re-arms the flag);
 * returns what was newly flagged so the planners can be told.
 */
export async function flagLateProgress(db: Db, companyId: string, now: Date) {
  const r = await sql<{ id: string; order_id: string; number: string }>`
    update production_requests p set progress_flagged_at = ${now}
    from orders o
    where p.company_id = ${companyId} and o.company_id = p.company_id and o.id = p.order_id and p.status in ('answered', 'in_production')
      and coalesce(p.last_progress_at, p.answered_at, p.created_at) < ${now}::timestamptz - interval '7 days'
      and (p.progress_flagged_at is null or p.progress_flagged_at < coalesce(p.last_progress_at, p.answered_at, p.created_at))
    returning p.id, p.order_id, o.number`.execute(db);
  return r.rows;
}
