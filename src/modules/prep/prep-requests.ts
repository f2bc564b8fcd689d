import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { addWorkingHours } from '../../lib/calendar/calendar';
import { localDate } from '../../lib/local-date';
import { formatMoney, lineAmount, parseMoney } from '../../lib/money';
import { applyEvent, availableEvents } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { findCustomer } from '../customers/customer.repository';
import { notifyRole, notifyUsers } from '../notifications/notification.service';
import { findDefaultWarehouse, nextSequence } from '../orders/order.repository';
import { UNFINISHED } from '../production/production.machine';
import { listForPrep, requestProductionForPrep, type PrepProduced } from '../production/production.service';
import { findProductsByIds } from '../products/product.repository';
import { getSettings } from '../settings/settings.service';
import { earmarksOfPrep, insertEarmark } from '../stock/earmark.repository';
import { findWarehouse } from '../warehouses/warehouse.repository';
import { prepRequestMachine, type PrepGuardContext } from './prep-request.machine';
import * as repo from './prep.repository';
import type { PrepKind, PrepRequestStatus } from './prep.table';

// 备货 · 备料 without a sales order: sales raises it on a forecast; the director approves (and the general manager
// too above the configured amount); approved, it becomes production requests; produced, its goods are earmarked for
// its customer, whose later orders take them first.

export type PrepRequestInput = {
  kind: PrepKind;
  customerId?: string;
  warehouseId?: string;
  forecastNote: string;
  expectedDate: string;
  lines: { productId: string; qty: number }[];
};

async function guardContext(db: Db, companyId: string, r: { amount: string; requested_by: string }) {
  const settings = await getSettings(db, companyId);
  return {
    requestedBy: r.requested_by,
    aboveThreshold: parseMoney(r.amount) >= parseMoney(settings.prep.gmThreshold),
  } satisfies PrepGuardContext;
}

function toPrepRequest(
  r: repo.PrepRequestRow,
  lines: Awaited<ReturnType<typeof repo.findLines>>,
  actor: Actor,
  context: PrepGuardContext,
) {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    status: r.status,
    customer: r.customer_id ? { id: r.customer_id, name: r.customer_name } : null,
    warehouseId: r.warehouse_id,
    forecastNote: r.note,
    expectedDate: r.expected_date,
    amount: r.amount,
    requestedBy: { id: r.requested_by, name: r.requested_by_name },
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    decisionReason: r.decision_reason,
    createdAt: r.created_at,
    lines: lines
      .filter((l) => l.prep_request_id === r.id)
      .map((l) => ({
        lineNo: l.line_no,
        productId: l.product_id,
        sku: l.sku,
        name: l.name,
        qty: l.qty,
        standardCost: l.standard_cost,
      })),
    actions: availableEvents(prepRequestMachine, r.status, actor, context),
  };
}

export async function listPrepRequests(db: Db, actor: Actor, q: { status?: PrepRequestStatus; customer?: string }) {
  const rows = await repo.listRequests(db, actor.companyId, { status: q.status, customerId: q.customer });
  const lines = await repo.findLines(
    db,
    actor.companyId,
    rows.map((r) => r.id),
  );
  const settings = await getSettings(db, actor.companyId);
  return rows.map((r) =>
    toPrepRequest(r, lines, actor, {
      requestedBy: r.requested_by,
      aboveThreshold: parseMoney(r.amount) >= parseMoney(settings.prep.gmThreshold),
    }),
  );
}

/** One request with its production requests and the stock earmarked from it. */
export async function getPrepRequest(db: Db, actor: Actor, env: Env, id: string) {
  const row = await repo.findRequest(db, actor.companyId, id);
  if (!row) throw new AppError('PREP.NOT_FOUND');
  const lines = await repo.findLines(db, actor.companyId, [id]);
  const earmarks = await earmarksOfPrep(db, actor.companyId, id);
  return {
    ...toPrepRequest(row, lines, actor, await guardContext(db, actor.companyId, row)),
    productionRequests: await listForPrep(db, actor, env, id),
    earmarks: earmarks.map((e) => ({
      id: e.id,
      productId: e.product_id,
      customerId: e.customer_id,
      warehouseId: e.warehouse_id,
      qty: e.qty,
      remaining: e.remaining,
      createdAt: e.created_at,
      idleFlaggedAt: e.flagged_at,
    })),
  };
}

/** 备货 · 备料申请: lines valued at standard cost; the sales director is told. */
export async function createPrepRequest(db: Db, actor: Actor, env: Env, input: PrepRequestInput) {
  if (input.customerId) {
    const c = await findCustomer(db, actor.companyId, input.customerId);
    if (!c) throw new AppError('CUSTOMER.NOT_FOUND');
    if (!c.active) throw new AppError('CUSTOMER.INACTIVE');
  }
  const warehouse = input.warehouseId
    ? await findWarehouse(db, actor.companyId, input.warehouseId)
    : await findDefaultWarehouse(db, actor.companyId);
  if (!warehouse) throw new AppError('WAREHOUSE.NOT_FOUND');
  const products = new Map(
    (
      await findProductsByIds(
        db,
        actor.companyId,
        input.lines.map((l) => l.productId),
      )
    ).map((p) => [p.id, p]),
  );
  let amount = 0n;
  const lines = input.lines.map((l, i) => {
    const p = products.get(l.productId);
    if (!p) throw new AppError('PRODUCT.NOT_FOUND');
    if (!p.active) throw new AppError('PRODUCT.INACTIVE', { sku: p.sku });
    amount += lineAmount(parseMoney(p.standard_cost), l.qty);
    return { line_no: i + 1, product_id: p.id, qty: l.qty, standard_cost: p.standard_cost };
  });
  const today = localDate(env.now, env.workingHours.timeZone).replace(/-/g, '');
  const seq = await nextSequence(db, actor.companyId, actor.companyId, `PREP${today}`);
  const number = `BH${today}-${String(seq).padStart(3, '0')}`;
  const { id } = await repo.insertRequest(db, {
    company_id: actor.companyId,
    number,
    kind: input.kind,
    status: prepRequestMachine.initial,
    customer_id: input.customerId ?? null,
    warehouse_id: warehouse.id,
    note: input.forecastNote,
    expected_date: input.expectedDate,
    amount: formatMoney(amount),
    requested_by: actor.userId,
    created_at: env.now,
  });
  await repo.insertLines(
    db,
    lines.map((l) => ({ ...l, company_id: actor.companyId, prep_request_id: id })),
  );
  await notifyRole(db, actor.companyId, 'sales_director', { kind: 'prep_review', params: { number } });
  return getPrepRequest(db, actor, env, id);
}

/**
 * The director's or the general manager's decision. The director's approval is the last below the threshold and
 * passes the request to the general manager at or above it. Approved, it becomes production requests.
 */
export async function reviewPrepRequest(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  input: { decision: 'approve' | 'reject'; reason?: string },
) {
  const r = await repo.lockRequest(db, actor.companyId, id);
  if (!r) throw new AppError('PREP.NOT_FOUND');
  const context = await guardContext(db, actor.companyId, r);
  const event =
    input.decision === 'reject'
      ? 'reject'
      : r.status === 'pending_gm'
        ? 'approve_gm'
        : context.aboveThreshold
          ? 'escalate_gm'
          : 'approve_director';
  const to = await applyEvent(db, prepRequestMachine, {
    entityId: id,
    current: r.status,
    event,
    actor,
    context,
    reason: input.reason,
    at: env.now,
    patch: { decided_by: actor.userId, decided_at: env.now, decision_reason: input.reason ?? null },
  });
  if (to === 'pending_gm')
    await notifyRole(db, actor.companyId, 'general_manager', { kind: 'prep_review', params: { number: r.number } });
  else
    await notifyUsers(db, actor.companyId, [r.requested_by], {
      kind: 'prep_decided',
      params: { number: r.number, decision: to },
    });
  if (to === 'approved') {
    const settings = await getSettings(db, actor.companyId);
    const lines = await repo.findLines(db, actor.companyId, [id]);
    await requestProductionForPrep(db, actor, {
      prepRequestId: id,
      number: r.number,
      dueAt: addWorkingHours(env.now, settings.productionRequestHours, env.workingHours),
      lines: lines.map((l) => ({ productId: l.product_id, qty: l.qty })),
    });
  }
  return getPrepRequest(db, actor, env, id);
}

/**
 * A prep request's production is in stock: for a customer's request its goods are earmarked for that customer;
 * when nothing of it is still to be produced, the request is prepared.
 */
export const prepProduced: PrepProduced = async (db, actor, env, produced) => {
  const r = await repo.lockRequest(db, actor.companyId, produced.prepRequestId);
  if (!r) throw new AppError('PREP.NOT_FOUND');
  if (r.customer_id)
    await insertEarmark(db, {
      company_id: actor.companyId,
      warehouse_id: r.warehouse_id,
      product_id: produced.productId,
      customer_id: r.customer_id,
      prep_request_id: r.id,
      qty: produced.qty,
      remaining: produced.qty,
      created_at: env.now,
    });
  const requests = await listForPrep(db, actor, env, r.id);
  if (r.status === 'approved' && !requests.some((p) => UNFINISHED.includes(p.status)))
    await applyEvent(db, prepRequestMachine, {
      entityId: r.id,
      current: r.status,
      event: 'mark_prepared',
      actor,
      context: await guardContext(db, actor.companyId, r),
      at: env.now,
    });
};
