// 用户: the company's users and their roles.
import { call, urlOf, type BodyOf } from './client';

export type User = { id: string; username: string; displayName: string; active: boolean; roles: Role[] };

export type UserInput = BodyOf<'POST /api/users'>;
export type UserChanges = BodyOf<'PATCH /api/users/{id}'>;
export type Role = NonNullable<UserInput['roles']>[number];

export const usersApi = {
  /** The paged list, for ServerTable. */
  listUrl: urlOf('GET /api/users'),
  exportUrl: urlOf('GET /api/users/export.xlsx'),
  roles: (): Promise<Role[]> => call('GET /api/roles'),
  create: (body: UserInput): Promise<User> => call('POST /api/users', { body }),
  update: (id: string, body: UserChanges): Promise<User> => call('PATCH /api/users/{id}', { params: { id }, body }),
};
