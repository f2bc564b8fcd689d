import type { Env } from '../../lib/env';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.service';
import { settingsSchema, type Settings } from './settings.schemas';
import * as repo from './settings.repository';

export async function getSettings(db: Db, companyId: string): Promise<Settings> {
  return settingsOf(await repo.findSettings(db, companyId));
}

/** The settings stored (read with other facts in one statement), defaults filled in. */
export const settingsOf = (stored: unknown): Settings => settingsSchema.parse(stored ?? {});

/** Saves a partial change over the current settings; the whole result must validate. */
export async function updateSettings(
  db: Db,
  actor: Actor,
  env: Env,
  patch: Record<string, unknown>,
): Promise<Settings> {
  const current = await getSettings(db, actor.companyId);
  // Each section (review, allocation, fulfilment, …) is merged key by key, so a change of one field keeps the rest.
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (!Object.hasOwn(settingsSchema.shape, key)) continue; // unknown keys (and "__proto__") are not settings
    const before = (current as Record<string, unknown>)[key];
    merged[key] = isPlainObject(before) && isPlainObject(value) ? { ...before, ...value } : value;
  }
  const parsed = settingsSchema.safeParse(merged);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError('VALIDATION.FAILED', { summary: fields.map((f) => f.path).join(', ') }, fields);
  }
  await repo.saveSettings(db, actor.companyId, JSON.stringify(parsed.data), actor.userId, env.now);
  return parsed.data;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
