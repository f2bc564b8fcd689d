import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database';
import * as repo from './user.repository';
import { createUser } from './user.service';

export const FIRST_COMPANY = { code: 'MAIN', name: '我的公司 My company' };

/**
 * A fresh installation without demo data gets one administrator with a random password, shown once by the
 * caller and to be changed at the first login. Nothing happens when any user exists. Runs in the caller's
 * transaction; concurrent starts wait for each other.
 */
export async function ensureFirstAdmin(
  db: Db,
): Promise<{ username: string; password: string; companyCode: string } | undefined> {
  await repo.lockFirstRun(db);
  if (!(await repo.noUsers(db))) return undefined;
  const company = (await repo.firstCompany(db)) ?? (await repo.insertCompany(db, FIRST_COMPANY));
  const password = randomBytes(15).toString('base64url');
  const user = await createUser(db, null, company.id, {
    username: 'admin',
    displayName: '系统管理员',
    password,
    roles: ['admin'],
  });
  await repo.updateUser(db, user.id, { must_change_password: true });
  return { username: 'admin', password, companyCode: company.code };
}
