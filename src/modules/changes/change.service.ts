import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { availableEvents, refusal } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { findLines, findOrder } from '../orders/order.repository';
import { getSettings } from '../settings/settings.service';
import { changeApprovalMachine } from './change-approval.machine';
import { changeMachine, OPEN_CHANGE, type ChangeEvent } from './change.machine';
import { computeChange, previewOf, readFacts, type Preview } from './change-preview';
import * as repo from './change.repository';
import type { ChangeAction, DeliveryAddress } from './change-actions';
import { deliveryForViewer } from './order-versions';
import type { ChangeStage, ChangeStatus } from './change.table';

const STAGE_ORDER: readonly ChangeStage[] = ['sales', 'finance', 'warehouse', 'production', 'director', 'gm'];

const approvalView = (a: repo.ApprovalRow, now: Date) => ({
  id: a.id,
  stage: a.stage,
  role: a.role,
  status: a.status,
  startedAt: a.started_at,
  dueAt: a.due_at,
  late: a.status === 'pending' ? now > a.due_at : !!a.decided_at && a.decided_at > a.due_at,
  decidedByName: a.decided_by_name,
  decidedAt: a.decided_at,
  reason: a.reason,
});

/** The pending stage this user may decide, if any (its department, not their own request). */
export function decidableStage(
  r: Pick<repo.ChangeRequestRow, 'created_by'>,
  approvals: readonly Pick<repo.ApprovalRow, 'id' | 'role' | 'status'>[],
  actor: Actor,
) {
  return approvals.find(
    (a) =>
      a.status === 'pending' &&
      !refusal(changeApprovalMachine, 'pending', 'approve', actor, { role: a.role, requestedBy: r.created_by }),
  );
}

/** What this user may do with the change now (`actions`): its machine's events, and a decision on a stage. */
function changeActions(r: repo.ChangeRequestRow, approvals: repo.ApprovalRow[], actor: Actor): ChangeEvent[] {
  const events: ChangeEvent[] = availableEvents(changeMachine, r.status, actor).filter(
    (e) => e !== 'approve' && e !== 'reject',
  );
  if (r.status === 'submitted' && decidableStage(r, approvals, actor)) events.push('approve', 'reject');
  return events;
}

/** Consignee phones and addresses in the actions and the preview, as this user may see them. */
function forViewer(actions: ChangeAction[], preview: Preview | null | undefined, roles: readonly string[]) {
  const shown = actions.map((a) =>
    a.type === 'change_delivery' ? { ...a, delivery: deliveryForViewer(a.delivery, roles) } : a,
  );
  const masked = preview && {
    ...preview,
    head: preview.head.map((h) =>
      h.field === 'delivery'
        ? {
            ...h,
            old: deliveryForViewer(h.old as DeliveryAddress | null, roles),
            new: deliveryForViewer(h.new as DeliveryAddress | null, roles),
          }
        : h,
    ),
  };
  return { actions: shown, preview: masked };
}

export function toChangeRequest(
  r: repo.ChangeRequestRow,
  approvals: repo.ApprovalRow[],
  actor: Actor,
  now: Date,
  preview?: Preview | null,
) {
  const shown = forViewer(r.actions, preview, actor.roles);
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    order: { id: r.order_id, number: r.order_number, customerId: r.customer_id, customerName: r.customer_name },
    baseVersion: r.base_version,
    appliedVersion: r.applied_version,
    actions: shown.actions,
    reason: r.reason,
    requestedBy: r.requested_by,
    createdBy: { id: r.created_by, name: r.created_by_name },
    createdAt: r.created_at,
    submittedAt: r.submitted_at,
    decidedAt: r.decided_at,
    decisionReason: r.decision_reason,
    appliedAt: r.applied_at,
    confirmedAt: r.confirmed_at,
    confirmation: r.confirmation,
    cancelledAt: r.cancelled_at,
    cancelReason: r.cancel_reason,
    approvals: approvals
      .filter((a) => a.change_request_id === r.id)
      .sort((x, y) => STAGE_ORDER.indexOf(x.stage) - STAGE_ORDER.indexOf(y.stage))
      .map((a) => approvalView(a, now)),
    /**
     * The events the current user may apply now (the change page draws its buttons from them); named apart
     * from `actions`, which are the change's own actions.
     */
    availableActions: changeActions(
      r,
      approvals.filter((a) => a.change_request_id === r.id),
      actor,
    ),
    ...(preview !== undefined ? { preview: shown.preview } : {}),
  };
}
export type ChangeRequest = ReturnType<typeof toChangeRequest>;

/**
 * The preview of an open change, computed now on the order as it stands (nothing written); once applied or
 * closed, the preview kept at submission or at application.
 */
async function previewNow(db: Db, actor: Actor, env: Env, r: repo.ChangeRequestRow): Promise<Preview | null> {
  if (!OPEN_CHANGE.includes(r.status)) return (r.preview as Preview | null) ?? null;
  const order = (await findOrder(db, actor.companyId, r.order_id))!;
  const lines = await findLines(db, actor.companyId, [r.order_id]);
  const settings = await getSettings(db, actor.companyId);
  try {
    const computed = await computeChange(db, actor, settings, await readFacts(db, actor, order, lines), r.actions);
    return previewOf(computed, { base: r.base_version, current: order.version }, env);
  } catch (e) {
    // The order moved under the change (a line it names is gone, or shipped beyond it): the kept preview.
    if (e instanceof AppError && e.status < 500) return (r.preview as Preview | null) ?? null;
    throw e;
  }
}

export async function getChangeRequest(db: Db, actor: Actor, env: Env, id: string) {
  const r = await repo.findRequest(db, actor.companyId, id);
  if (!r) throw new AppError('CHANGE.NOT_FOUND');
  const approvals = await repo.listApprovals(db, actor.companyId, [id]);
  return toChangeRequest(r, approvals, actor, env.now, await previewNow(db, actor, env, r));
}

/** The queue: by status, by order, or the changes waiting for a stage of my department (stage=mine). */
export async function listChangeRequests(
  db: Db,
  actor: Actor,
  env: Env,
  q: { status?: ChangeStatus; order?: string; stage?: 'mine' },
) {
  const rows = await repo.listRequests(db, actor.companyId, {
    status: q.status,
    orderId: q.order,
    pendingForRoles: q.stage === 'mine' ? (actor.roles.includes('admin') ? ALL_ROLES : actor.roles) : undefined,
  });
  const approvals = await repo.listApprovals(
    db,
    actor.companyId,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toChangeRequest(r, approvals, actor, env.now)) };
}
const ALL_ROLES = ['reviewer', 'finance', 'warehouse', 'production_planner', 'sales_director', 'general_manager'];

export type { ChangeAction };
