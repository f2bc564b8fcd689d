import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import { addWorkingHours, type WorkingHours } from '../../lib/calendar/calendar';
import * as repo from './auth.repository';
import { verifyPassword } from './password';

export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  companyId: string;
  roles: string[];
  sessionId: string;
  sessionKind: 'cookie' | 'token';
  csrfToken: string;
};

export type SessionPolicy = { idleHours: number; workingHours: WorkingHours };

const FREE_FAILURES = 5;
const MAX_WAIT_SECONDS = 300;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Seconds still to wait after repeated failures: 0 for the first five, then doubling. */
export function loginWaitSeconds(failures: number, lastFailedAt: Date, now = new Date()): number {
  if (failures < FREE_FAILURES) return 0;
  const wait = Math.min(MAX_WAIT_SECONDS, 2 ** (failures - FREE_FAILURES + 1));
  return Math.max(0, Math.ceil(wait - (now.getTime() - lastFailedAt.getTime()) / 1000));
}

export async function login(
  db: Db,
  input: { username: string; password: string; kind: 'cookie' | 'token'; companyId?: string },
) {
  const failures = await repo.findLoginFailures(db, input.username);
  const wait = failures ? loginWaitSeconds(failures.failures, failures.last_failed_at) : 0;
  if (wait > 0) throw new AppError('AUTH.TOO_MANY_ATTEMPTS', { seconds: wait });

  const user = await repo.findUserByUsername(db, input.username);
  const ok = user && user.active && (await verifyPassword(input.password, user.password_hash));
  if (!ok) {
    await repo.recordLoginFailure(db, input.username);
    throw new AppError('AUTH.INVALID_CREDENTIALS');
  }
  if (failures) await repo.clearLoginFailures(db, input.username);

  const memberships = await repo.listMemberships(db, user.id);
  const company = input.companyId ? memberships.find((m) => m.companyId === input.companyId) : memberships[0];
  if (!company) throw new AppError('AUTH.NO_COMPANY');

  // A new secret at every login: a session id is never reused across logins.
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await repo.insertSession(db, {
    id: hashToken(token),
    user_id: user.id,
    company_id: company.companyId,
    kind: input.kind,
    csrf_token: csrfToken,
  });
  return { token, csrfToken };
}

/** The actor behind a token, or undefined when the token is unknown, revoked or idle too long. */
export async function resolveSession(
  db: Db,
  token: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<Actor | undefined> {
  const s = await repo.findSession(db, hashToken(token));
  if (!s) return undefined;
  if (addWorkingHours(s.last_seen_at, policy.idleHours, policy.workingHours) <= now) {
    await repo.revokeSession(db, s.id);
    return undefined;
  }
  if (now.getTime() - s.last_seen_at.getTime() > 60_000) await repo.touchSession(db, s.id);
  return {
    userId: s.user_id,
    username: s.username,
    displayName: s.display_name,
    companyId: s.company_id,
    roles: s.roles,
    sessionId: s.id,
    sessionKind: s.kind,
    csrfToken: s.csrf_token,
  };
}

export const logout = (db: Db, actor: Actor) => repo.revokeSession(db, actor.sessionId);

export async function switchCompany(db: Db, actor: Actor, companyId: string) {
  const memberships = await repo.listMemberships(db, actor.userId);
  if (!memberships.some((m) => m.companyId === companyId)) throw new AppError('AUTH.NO_COMPANY');
  await repo.setSessionCompany(db, actor.sessionId, companyId);
}

export async function whoAmI(db: Db, actor: Actor) {
  const memberships = await repo.listMemberships(db, actor.userId);
  const current = memberships.find((m) => m.companyId === actor.companyId);
  return {
    user: { id: actor.userId, username: actor.username, displayName: actor.displayName },
    company: current && { id: current.companyId, code: current.code, name: current.name },
    roles: current?.roles ?? [],
    companies: memberships.map((m) => ({ id: m.companyId, code: m.code, name: m.name, roles: m.roles })),
    csrfToken: actor.sessionKind === 'cookie' ? actor.csrfToken : undefined,
  };
}
