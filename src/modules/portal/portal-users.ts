import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { isUniqueViolation } from '../../lib/db-errors';
import type { Actor } from '../auth/auth.service';
import { CUSTOMER_ROLE } from '../auth/roles';
import { hashPassword } from '../auth/password';
import { findCustomer } from '../customers/customer.repository';
import * as users from '../users/user.repository';
import * as repo from './portal-users.repository';

export type PortalUserInvite = {
  username: string;
  displayName: string;
  phone?: string;
  email?: string;
  /** Set by the inviter; without it a one-time password is made and answered once. */
  password?: string;
};

/**
 * 客户门户账号: a contact of the customer gets a login with the only role `customer`, bound to that customer.
 * Whatever password it starts with, it must be changed at the first login, as for any first password.
 */
export async function invitePortalUser(db: Db, actor: Actor, env: Env, customerId: string, input: PortalUserInvite) {
  if (!(await findCustomer(db, actor.companyId, customerId))) throw new AppError('CUSTOMER.NOT_FOUND');
  const initialPassword = input.password ?? randomBytes(12).toString('base64url');
  try {
    const { id } = await users.insertUser(db, {
      username: input.username,
      display_name: input.displayName,
      password_hash: await hashPassword(initialPassword),
      must_change_password: true,
      created_by: actor.userId,
      updated_by: actor.userId,
    });
    await users.insertMembership(db, {
      company_id: actor.companyId,
      user_id: id,
      roles: [CUSTOMER_ROLE],
      created_by: actor.userId,
    });
    await repo.insertPortalUser(db, {
      company_id: actor.companyId,
      user_id: id,
      customer_id: customerId,
      phone: input.phone ?? null,
      email: input.email ?? null,
      invited_by: actor.userId,
      invited_at: env.now,
    });
    return {
      id,
      username: input.username,
      displayName: input.displayName,
      customerId,
      initialPassword: input.password ? undefined : initialPassword,
    };
  } catch (err) {
    if (isUniqueViolation(err, 'users_username_key'))
      throw new AppError('USER.USERNAME_TAKEN', { username: input.username });
    throw err;
  }
}

export async function listCustomerPortalUsers(db: Db, actor: Actor, customerId: string) {
  if (!(await findCustomer(db, actor.companyId, customerId))) throw new AppError('CUSTOMER.NOT_FOUND');
  return (await repo.listPortalUsers(db, actor.companyId, customerId)).map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    active: u.active,
    phone: u.phone,
    email: u.email,
    invitedAt: u.invited_at,
  }));
}
