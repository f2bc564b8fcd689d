import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import { addWorkingHours, type WorkingHours } from '../../lib/calendar/calendar';
import * as repo from './auth.repository';
import { hashPassword, verifyPassword } from './password';

export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  companyId: string;
  roles: string[];
  sessionId: string;
  sessionKind: 'cookie' | 'token';
  csrfToken: string;
  /** A one-time password still in use: only /api/auth/me, logout and the password change are open. */
  mustChangePassword?: boolean;
  /** A portal login (role `customer`): the one customer it acts for; it sees nothing of any other. */
  customerId?: string;
};

export type SessionPolicy = { idleHours: number; workingHours: WorkingHours };

/**
 * Failed logins are throttled per (username, client address) and per client address. A stranger guessing one
 * user's password slows down only their own address, so the user can still log in from theirs; one address
 * guessing many users is slowed down as a whole. Counts restart after WINDOW_SECONDS without a failure.
 */
export const LOGIN_THROTTLE = {
  user: { free: 5, maxWaitSeconds: 300 },
  address: { free: 20, maxWaitSeconds: 900 },
  windowSeconds: 15 * 60,
};
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Seconds still to wait after repeated failures: none for the free ones, then doubling up to a ceiling. */
export function loginWaitSeconds(
  failures: number,
  lastFailedAt: Date,
  now: Date,
  policy: { free: number; maxWaitSeconds: number } = LOGIN_THROTTLE.user,
): number {
  if (failures < policy.free) return 0;
  const wait = Math.min(policy.maxWaitSeconds, 2 ** Math.min(30, failures - policy.free + 1));
  return Math.max(0, Math.ceil(wait - (now.getTime() - lastFailedAt.getTime()) / 1000));
}

// Unknown and inactive users are checked against this hash, so every login costs one password derivation.
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

export const throttleKeys = (username: string, address: string) => ({
  user: `user:${username}@${address}`,
  address: `address:${address}`,
});

export async function login(
  db: Db,
  input: { username: string; password: string; kind: 'cookie' | 'token'; companyId?: string },
  client: { address: string; now: Date },
) {
  const keys = throttleKeys(input.username, client.address);
  const counts = new Map((await repo.findLoginFailures(db, [keys.user, keys.address])).map((f) => [f.throttle_key, f]));
  const waitFor = (key: string, policy: { free: number; maxWaitSeconds: number }) => {
    const f = counts.get(key);
    const fresh = f && client.now.getTime() - f.last_failed_at.getTime() <= LOGIN_THROTTLE.windowSeconds * 1000;
    return fresh ? loginWaitSeconds(f.failures, f.last_failed_at, client.now, policy) : 0;
  };
  const wait = Math.max(waitFor(keys.user, LOGIN_THROTTLE.user), waitFor(keys.address, LOGIN_THROTTLE.address));
  if (wait > 0) throw new AppError('AUTH.TOO_MANY_ATTEMPTS', { seconds: wait });

  const user = await repo.findUserByUsername(db, input.username);
  const matches = await verifyPassword(input.password, user?.password_hash ?? (await dummy()));
  if (!user || !user.active || !matches) {
    await repo.recordLoginFailures(db, [keys.user, keys.address], client.now, LOGIN_THROTTLE.windowSeconds);
    throw new AppError('AUTH.INVALID_CREDENTIALS');
  }
  if (counts.has(keys.user)) await repo.clearLoginFailures(db, keys.user);

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
  return { token, csrfToken, passwordChangeRequired: user.must_change_password };
}

/** The actor behind a token, or undefined when the token is unknown, revoked or idle too long. */
export async function resolveSession(
  db: Db,
  token: string,
  policy: SessionPolicy,
  now: Date,
): Promise<Actor | undefined> {
  const s = await repo.findSession(db, hashToken(token));
  if (!s) return undefined;
  // Working hours never pass faster than the clock: a session seen within idleHours of wall time is not idle, and
  // most requests are decided without the calendar.
  const seenRecently = now.getTime() - s.last_seen_at.getTime() < policy.idleHours * 3_600_000;
  if (!seenRecently && addWorkingHours(s.last_seen_at, policy.idleHours, policy.workingHours) <= now) {
    await repo.revokeSession(db, s.id, now);
    return undefined;
  }
  if (now.getTime() - s.last_seen_at.getTime() > 60_000) await repo.touchSession(db, s.id, now);
  return {
    userId: s.user_id,
    username: s.username,
    displayName: s.display_name,
    companyId: s.company_id,
    roles: s.roles,
    sessionId: s.id,
    sessionKind: s.kind,
    csrfToken: s.csrf_token,
    mustChangePassword: s.must_change_password,
    customerId: s.customer_id ?? undefined,
  };
}

export const logout = (db: Db, actor: Actor, now: Date) => repo.revokeSession(db, actor.sessionId, now);

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
    passwordChangeRequired: !!actor.mustChangePassword,
    customerId: actor.customerId,
  };
}

/**
 * The user changes their own password (the first admin's one-time one must be changed before anything else):
 * the current password is checked, the new one must differ; the user's other sessions end.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  now: Date,
) {
  const stored = await repo.findPasswordHash(db, actor.userId);
  if (!stored || !(await verifyPassword(input.currentPassword, stored.password_hash)))
    throw new AppError('AUTH.CURRENT_PASSWORD_WRONG', {}, [{ path: 'currentPassword', message: 'wrong password' }]);
  if (input.newPassword === input.currentPassword)
    throw new AppError('AUTH.PASSWORD_UNCHANGED', {}, [{ path: 'newPassword', message: 'same as the current one' }]);
  await repo.setOwnPassword(db, actor.userId, await hashPassword(input.newPassword), now);
  await repo.revokeOtherSessions(db, actor.userId, actor.sessionId, now);
  return { ok: true };
}
