// 登录与会话: who is logged in, for which company, and the password change.
import { call, urlOf, type BodyOf } from './client';

export type Me = {
  user: { id: string; username: string; displayName: string };
  company?: { id: string; code: string; name: string };
  roles: string[];
  companies: { id: string; code: string; name: string; roles: string[] }[];
  csrfToken?: string;
  /** Logged in with a one-time password: only the password change is open until it is changed. */
  passwordChangeRequired?: boolean;
};

export const authApi = {
  me: (): Promise<Me> => call('GET /api/auth/me'),
  /** Cookie login for the browser: the session cookie is set, the CSRF token comes back. */
  login: (username: string, password: string): Promise<{ csrfToken: string }> =>
    call('POST /api/auth/login', { body: { username, password, mode: 'cookie' } }),
  logout: (): Promise<unknown> => call('POST /api/auth/logout'),
  switchCompany: (companyId: string): Promise<Me> => call('POST /api/auth/company', { body: { companyId } }),
  changePassword: (body: BodyOf<'POST /api/auth/password'>): Promise<unknown> =>
    call('POST /api/auth/password', { body }),
};
