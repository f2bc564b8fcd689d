import { z } from 'zod';
import { pageQuery, requiredText } from '../../lib/schemas';
import { ROLES } from '../auth/roles';

const roles = z.array(z.enum(ROLES)).min(1).max(ROLES.length);
const password = z.string().min(8).max(200);

export const createUserBody = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-zA-Z0-9._-]{3,40}$/, '3–40 letters, digits, . _ or -'),
    displayName: requiredText(50),
    password,
    roles,
  })
  .strict();
export type CreateUserInput = z.infer<typeof createUserBody>;

export const updateUserBody = z
  .object({ displayName: requiredText(50), password, roles, active: z.boolean() })
  .partial()
  .strict();
export type UpdateUserInput = z.infer<typeof updateUserBody>;

export const listUsersQuery = pageQuery;
