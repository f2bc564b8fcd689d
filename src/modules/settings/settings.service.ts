import type { Env } from '../../lib/env';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.service';
import { settingsSchema, type Settings } from './settings.schemas';

export async function getSettings(db: Db, companyId: string): Promise<Settings> {
  const row = await db
    .selectFrom('company_settings')
    .select('settings')
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return settingsSchema.parse(row?.settings ?? {});
}

/** Saves a partial change over the current settings; the whole result must validate. */
export async function updateSettings(
  db: Db,
  actor: Actor,
  env: Env,
  patch: Record<string, unknown>,
): Promise<Settings> {
  const current = await getSettings(db, actor.companyId);
  const merged = {
    ...current,
    ...patch,
    review: { ...current.review, ...((patch.review as object) ?? {}) },
    allocation: { ...current.allocation, ...((patch.allocation as object) ?? {}) },
    fulfilment: { ...current.fulfilment, ...((patch.fulfilment as object) ?? {}) },
    prep: { ...current.prep, ...((patch.prep as object) ?? {}) },
  };
  const parsed = settingsSchema.safeParse(merged);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError('VALIDATION.FAILED', { summary: fields.map((f) => f.path).join(', ') }, fields);
  }
  await db
    .insertInto('company_settings')
    .values({ company_id: actor.companyId, settings: JSON.stringify(parsed.data), updated_by: actor.userId })
    .onConflict((oc) =>
      oc
        .column('company_id')
        .doUpdateSet({ settings: JSON.stringify(parsed.data), updated_by: actor.userId, updated_at: env.now }),
    )
    .execute();
  return parsed.data;
}
