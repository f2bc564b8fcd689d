import type { Db } from '../../db/database';
import { addWorkingHours } from '../../lib/calendar/calendar';
import type { Env } from '../../lib/env';
import { notifyRole } from '../notifications/notification.service';
import type { Settings } from '../settings/settings.schemas';
import * as repo from './review.repository';
import type { StageName } from './review.table';

/** Starts a stage: its clock runs in working hours from now; the stage's role is told. */
export async function startStage(
  db: Db,
  env: Env,
  settings: Settings,
  s: { companyId: string; orderId: string; number: string; round: number; seq: number; stage: StageName; role: string },
) {
  const dueAt = addWorkingHours(env.now, settings.review.stageHours[s.stage] ?? 4, env.workingHours);
  await repo.updateStage(db, s.companyId, s.orderId, s.round, s.seq, { started_at: env.now, due_at: dueAt });
  await notifyRole(db, s.companyId, s.role, {
    kind: 'review_assigned',
    params: { number: s.number, stage: s.stage },
    orderId: s.orderId,
  });
  return dueAt;
}
