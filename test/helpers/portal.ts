import type { TestContext } from './test-app';

type As = ReturnType<TestContext['as']>;

/** Invites a portal login for the customer, logs it in and changes its one-time password: a bearer token. */
export async function portalLogin(t: TestContext, inviter: As, customerId: string, username: string) {
  const invited = await inviter({
    method: 'POST',
    url: `/api/customers/${customerId}/portal-users`,
    payload: { username, displayName: `${username} 联系人`, email: `${username}@example.com` },
  });
  if (invited.statusCode !== 201) throw new Error(invited.body);
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: invited.json().initialPassword },
  });
  const token = login.json().token as string;
  const changed = await t.as(token)({
    method: 'POST',
    url: '/api/auth/password',
    payload: { currentPassword: invited.json().initialPassword, newPassword: 'portal-secret-1' },
  });
  if (changed.statusCode !== 200) throw new Error(changed.body);
  return token;
}
