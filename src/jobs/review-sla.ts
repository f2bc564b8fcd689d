import type { Db } from '../db/database';
import { notifyRole } from '../modules/notifications/notification.service';
import { markLateChangeStages } from '../modules/changes/change.repository';
import { markLateStages } from '../modules/review/review.repository';
import { getSettings } from '../modules/settings/settings.service';

/**
 * Marks review stages past their deadline as late and tells each stage's supervisor, once:
 * the UPDATE … WHERE late_at IS NULL claims every stage for exactly one runner, so two app
 * instances (or a run catching up after downtime) never notify twice.
 */
export async function flagLateStages(db: Db, now: Date) {
  return db.transaction().execute(async (trx) => {
    const late = await markLateStages(trx, now);
    for (const s of late) {
      const settings = await getSettings(trx, s.company_id);
      const supervisor = settings.review.supervisors[s.stage] ?? 'admin';
      await notifyRole(trx, s.company_id, supervisor, {
        kind: 'stage_late',
        params: { number: s.number, stage: s.stage },
        orderId: s.order_id,
      });
    }
    return late.length;
  });
}

/**
 * Change approval stages (订单变更审批) past their due time are marked late and each stage's supervisor is told,
 * once, like review stages (a warehouse stage, which review has not, goes to the admin).
 */
export async function flagLateChangeStages(db: Db, now: Date) {
  return db.transaction().execute(async (trx) => {
    const late = await markLateChangeStages(trx, now);
    for (const s of late) {
      const settings = await getSettings(trx, s.company_id);
      const supervisor = (settings.review.supervisors as Partial<Record<string, string>>)[s.stage] ?? 'admin';
      await notifyRole(trx, s.company_id, supervisor, {
        kind: 'change_stage_late',
        params: { number: s.number, stage: s.stage },
        orderId: s.order_id,
      });
    }
    return late.length;
  });
}
