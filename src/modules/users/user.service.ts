import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError, type Lang } from '../../lib/errors';
import { isUniqueViolation } from '../../lib/db-errors';
import { localXlsx, nameOf } from '../../lib/local-sheet';
import type { PageQuery } from '../../lib/schemas';
import type { Actor } from '../auth/auth.service';
import { hashPassword } from '../auth/password';
import { CUSTOMER_ROLE } from '../auth/roles';
import { roleLabels } from '../auth/role.labels';
import type { Role } from '../auth/roles';
import * as repo from './user.repository';
import type { CreateUserInput, UpdateUserInput } from './user.schemas';

type UserRow = Awaited<ReturnType<typeof repo.allUsers>>[number];
const userRowToUser = (r: UserRow) => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  active: r.active,
  roles: r.roles,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function listUsers(db: Db, actor: Actor, q: PageQuery) {
  const page = await repo.listUsers(db, actor.companyId, q);
  return { ...page, items: page.items.map(userRowToUser) };
}

/** A new user belongs to the creator's current company with the given roles. */
export async function createUser(db: Db, actor: Actor | null, companyId: string, input: CreateUserInput) {
  try {
    const { id } = await repo.insertUser(db, {
      username: input.username,
      display_name: input.displayName,
      password_hash: await hashPassword(input.password),
      created_by: actor?.userId ?? null,
      updated_by: actor?.userId ?? null,
    });
    await repo.insertMembership(db, {
      company_id: companyId,
      user_id: id,
      roles: input.roles,
      created_by: actor?.userId ?? null,
    });
    return userRowToUser((await repo.findCompanyUser(db, companyId, id))!);
  } catch (err) {
    if (isUniqueViolation(err, 'users_username_key'))
      throw new AppError('USER.USERNAME_TAKEN', { username: input.username });
    throw err;
  }
}

export async function updateUser(db: Db, actor: Actor, env: Env, userId: string, input: UpdateUserInput) {
  const user = await repo.findCompanyUser(db, actor.companyId, userId);
  if (!user) throw new AppError('USER.NOT_FOUND');
  // A customer's contact sees only its own customer's records: staff roles would open the whole company to it.
  if (input.roles && user.roles.includes(CUSTOMER_ROLE)) throw new AppError('USER.PORTAL_LOGIN_ROLES');
  await repo.updateUser(db, userId, {
    display_name: input.displayName,
    password_hash: input.password ? await hashPassword(input.password) : undefined,
    must_change_password: input.password ? false : undefined,
    active: input.active,
    updated_at: env.now,
    updated_by: actor.userId,
  });
  if (input.roles) await repo.updateRoles(db, actor.companyId, userId, input.roles);
  // A new password or a deactivation ends every open session of that user.
  if (input.password || input.active === false) await repo.revokeUserSessions(db, userId, env.now);
  return userRowToUser((await repo.findCompanyUser(db, actor.companyId, userId))!);
}

export async function exportUsers(db: Db, actor: Actor, lang: Lang) {
  const rows = (await repo.allUsers(db, actor.companyId)).map(userRowToUser);
  return localXlsx(
    { zh: '用户', en: 'Users' },
    [
      { key: 'username', header: { zh: '用户名', en: 'Username' } },
      { key: 'displayName', header: { zh: '姓名', en: 'Name' } },
      { key: 'roles', header: { zh: '角色', en: 'Roles' }, width: 40 },
      { key: 'active', header: { zh: '启用', en: 'Active' } },
    ],
    rows.map((u) => ({
      ...u,
      roles: u.roles.map((r) => nameOf(roleLabels, r as Role, lang)).join(lang === 'en' ? ', ' : '、'),
      active: u.active ? 'Y' : 'N',
    })),
    lang,
  );
}
