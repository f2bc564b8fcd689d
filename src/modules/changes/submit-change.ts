import type { Db } from '../../db/database';
import { addWorkingHours } from '../../lib/calendar/calendar';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { applyEvent } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { notifyRole } from '../notifications/notification.service';
import { SHIPPABLE } from '../orders/order.machine';
import { findLines, findOrder } from '../orders/order.repository';
import { getSettings } from '../settings/settings.service';
import { changeApprovalMachine } from './change-approval.machine';
import { changeMachine } from './change.machine';
import { computeChange, previewOf, readFacts } from './change-preview';
import * as repo from './change.repository';
import { getChangeRequest } from './change.service';
import type { ChangeStage } from './change.table';

/** The department deciding each stage of a change. */
export const CHANGE_STAGE_ROLES: Record<ChangeStage, string> = {
  sales: 'reviewer',
  finance: 'finance',
  warehouse: 'warehouse',
  production: 'production_planner',
  director: 'sales_director',
  gm: 'general_manager',
};
/** Stage time limit (working hours) when the review settings name none for the stage (the warehouse's). */
const DEFAULT_STAGE_HOURS = 4;

/**
 * 提交审批: the preview is computed and kept (what the approvers decide on), and one stage per department the
 * rules call for starts at once, each with its own time limit in working hours; each department is told.
 */
export async function submitChange(db: Db, actor: Actor, env: Env, id: string) {
  const r = await repo.lockRequest(db, actor.companyId, id);
  if (!r) throw new AppError('CHANGE.NOT_FOUND');
  const full = (await repo.findRequest(db, actor.companyId, id))!;
  const order = (await findOrder(db, actor.companyId, r.order_id))!;
  const lines = await findLines(db, actor.companyId, [r.order_id]);
  const settings = await getSettings(db, actor.companyId);
  if (r.status === 'draft' && !SHIPPABLE.includes(order.status))
    throw new AppError('CHANGE.ORDER_NOT_CHANGEABLE', { status: order.status });
  await applyEvent(db, changeMachine, {
    entityId: id,
    current: r.status,
    event: 'submit',
    actor,
    context: {},
    at: env.now,
    effects: async () => {
      const c = await computeChange(db, actor, settings, await readFacts(db, actor, order, lines), full.actions);
      const preview = previewOf(c, { base: r.base_version, current: order.version }, env);
      await repo.updateRequest(db, actor.companyId, id, { submitted_at: env.now, preview: JSON.stringify(preview) });
      await repo.insertApprovals(
        db,
        c.stages.map((stage) => ({
          company_id: actor.companyId,
          change_request_id: id,
          stage,
          role: CHANGE_STAGE_ROLES[stage],
          status: changeApprovalMachine.initial,
          started_at: env.now,
          due_at: addWorkingHours(
            env.now,
            (settings.review.stageHours as Partial<Record<ChangeStage, number>>)[stage] ?? DEFAULT_STAGE_HOURS,
            env.workingHours,
          ),
        })),
      );
      for (const stage of c.stages)
        await notifyRole(db, actor.companyId, CHANGE_STAGE_ROLES[stage], {
          kind: 'change_approval_assigned',
          params: { number: r.number, stage },
          orderId: r.order_id,
        });
    },
  });
  return getChangeRequest(db, actor, env, id);
}
