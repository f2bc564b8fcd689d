import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { prepared } from '../../lib/sql';

export function findUserByUsername(db: Db, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'password_hash', 'active', 'must_change_password'])
    .where('username', '=', username)
    .executeTakeFirst();
}

export function listMemberships(db: Db, userId: string) {
  return (
    db
      .selectFrom('memberships')
      .innerJoin('companies', 'companies.id', 'memberships.company_id')
      .select(['companies.id as companyId', 'companies.code', 'companies.name', 'memberships.roles'])
      .where('memberships.user_id', '=', userId)
      // The first company set up is where a login lands unless another is asked for.
      .orderBy('companies.created_at')
      .orderBy('companies.code')
      .execute()
  );
}

export function insertSession(
  db: Db,
  row: { id: string; user_id: string; company_id: string; kind: 'cookie' | 'token'; csrf_token: string },
) {
  return db.insertInto('sessions').values(row).execute();
}

/** The live session with its user and the roles in the session's company (read by every request: prepared). */
export function findSession(db: Db, id: string) {
  return (
    db
      .selectFrom('sessions')
      .modifyFront(prepared('auth.find-session'))
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .innerJoin('memberships', (j) =>
        j
          .onRef('memberships.user_id', '=', 'sessions.user_id')
          .onRef('memberships.company_id', '=', 'sessions.company_id'),
      )
      // A portal login is bound to one customer of the session's company.
      .leftJoin('portal_users', (j) =>
        j
          .onRef('portal_users.user_id', '=', 'sessions.user_id')
          .onRef('portal_users.company_id', '=', 'sessions.company_id'),
      )
      .select([
        'sessions.id',
        'sessions.kind',
        'sessions.csrf_token',
        'sessions.last_seen_at',
        'sessions.company_id',
        'users.id as user_id',
        'users.username',
        'users.display_name',
        'memberships.roles',
        'users.must_change_password',
        'portal_users.customer_id',
      ])
      .where('sessions.id', '=', id)
      .where('sessions.revoked_at', 'is', null)
      .where('users.active', '=', true)
      .executeTakeFirst()
  );
}

export function touchSession(db: Db, id: string, at: Date) {
  return db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export function revokeSession(db: Db, id: string, at: Date) {
  return db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

export function setSessionCompany(db: Db, id: string, companyId: string) {
  return db.updateTable('sessions').set({ company_id: companyId }).where('id', '=', id).execute();
}

export function findLoginFailures(db: Db, keys: string[]) {
  return db
    .selectFrom('login_failures')
    .select(['throttle_key', 'failures', 'last_failed_at'])
    .where('throttle_key', 'in', keys)
    .execute();
}

/** One more failure for each key; a count whose last failure is older than the window starts again at one. */
export async function recordLoginFailures(db: Db, keys: string[], now: Date, windowSeconds: number) {
  const since = new Date(now.getTime() - windowSeconds * 1000);
  await db
    .insertInto('login_failures')
    .values(keys.map((throttle_key) => ({ throttle_key, failures: 1, last_failed_at: now })))
    .onConflict((oc) =>
      oc.column('throttle_key').doUpdateSet({
        failures: sql`case when login_failures.last_failed_at < ${since} then 1 else login_failures.failures + 1 end`,
        last_failed_at: now,
      }),
    )
    .execute();
}

export function clearLoginFailures(db: Db, key: string) {
  return db.deleteFrom('login_failures').where('throttle_key', '=', key).execute();
}

/** The stored password of a user (to check the current one before a change). */
export function findPasswordHash(db: Db, userId: string) {
  return db.selectFrom('users').select(['password_hash']).where('id', '=', userId).executeTakeFirst();
}

/** A user's own new password: the one-time password's change requirement ends with it. */
export async function setOwnPassword(db: Db, userId: string, passwordHash: string, at: Date) {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, must_change_password: false, updated_at: at, updated_by: userId })
    .where('id', '=', userId)
    .execute();
}

/** Ends the user's other open sessions (after a password change, only the one that made it stays). */
export async function revokeOtherSessions(db: Db, userId: string, keep: string, at: Date) {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('id', '<>', keep)
    .where('revoked_at', 'is', null)
    .execute();
}
