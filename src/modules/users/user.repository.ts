import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db/database';
import { fetchPage, likePattern } from '../../lib/paging';
import type { PageQuery } from '../../lib/schemas';
import type { UsersTable } from '../auth/auth.table';

const columns = [
  'u.id',
  'u.username',
  'u.display_name',
  'u.active',
  'm.roles',
  'u.created_at',
  'u.updated_at',
] as const;

function companyUsers(db: Db, companyId: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.user_id', 'u.id')
    .select(columns)
    .where('m.company_id', '=', companyId);
}

export function listUsers(db: Db, companyId: string, q: PageQuery) {
  let query = companyUsers(db, companyId);
  if (q.q)
    query = query.where((eb) =>
      eb.or([eb('u.username', 'ilike', likePattern(q.q!)), eb('u.display_name', 'ilike', likePattern(q.q!))]),
    );
  return fetchPage(query, q, { username: 'u.username', displayName: 'u.display_name' }, 'username');
}

export function allUsers(db: Db, companyId: string) {
  return companyUsers(db, companyId).orderBy('u.username').execute();
}

export function findCompanyUser(db: Db, companyId: string, userId: string) {
  return companyUsers(db, companyId).where('u.id', '=', userId).executeTakeFirst();
}

/** Display names of the given users (who decided, who registered) for forms and timelines. */
export function displayNames(db: Db, userIds: string[]) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', userIds.length ? userIds : ['00000000-0000-0000-0000-000000000000'])
    .execute();
}

export function insertUser(db: Db, row: Insertable<UsersTable>) {
  return db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();
}

export function insertMembership(
  db: Db,
  row: { company_id: string; user_id: string; roles: string[]; created_by: string | null },
) {
  return db
    .insertInto('memberships')
    .values(row)
    .onConflict((oc) => oc.columns(['company_id', 'user_id']).doUpdateSet({ roles: row.roles }))
    .execute();
}

export function updateUser(db: Db, userId: string, patch: Updateable<UsersTable>) {
  return db.updateTable('users').set(patch).where('id', '=', userId).execute();
}

export function updateRoles(db: Db, companyId: string, userId: string, roles: string[]) {
  return db
    .updateTable('memberships')
    .set({ roles })
    .where('company_id', '=', companyId)
    .where('user_id', '=', userId)
    .execute();
}

export function revokeUserSessions(db: Db, userId: string, at: Date) {
  return db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** True when no user exists at all (a fresh installation). */
export async function noUsers(db: Db): Promise<boolean> {
  return (await db.selectFrom('users').select('id').limit(1).execute()).length === 0;
}

export function findCompanyByCode(db: Db, code: string) {
  return db.selectFrom('companies').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst();
}

export function firstCompany(db: Db) {
  return db.selectFrom('companies').select(['id', 'code', 'name']).orderBy('created_at').limit(1).executeTakeFirst();
}

export function insertCompany(db: Db, row: { code: string; name: string; created_at?: Date }) {
  return db.insertInto('companies').values(row).returning(['id', 'code', 'name']).executeTakeFirstOrThrow();
}

/** True when no company exists yet (demo data only goes into an empty database). */
export async function noCompanies(db: Db): Promise<boolean> {
  return (await db.selectFrom('companies').select('id').limit(1).execute()).length === 0;
}

/** Serializes first-run set-up between app instances starting at once (held until the transaction ends). */
export async function lockFirstRun(db: Db) {
  await sql`select pg_advisory_xact_lock(20261130)`.execute(db);
}
