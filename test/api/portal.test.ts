import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { portalLogin } from '../helpers/portal';

// The customer portal: a customer's contacts log in and see only their own customer's business.

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let f: ReturnType<typeof fulfilmentFactories>;
let customerA: string;
let customerOther: string;
let portal: ReturnType<TestContext['as']>;

type Res = Awaited<ReturnType<TestContext['app']['inject']>>;
const ok = (res: Res, status = 200) => {
  if (res.statusCode !== status) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
};

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  f = fulfilmentFactories(t, a);
  customerA = await f.newCustomer('PTA');
  customerOther = await f.newCustomer('PTB');
  portal = t.as(await portalLogin(t, a.sales, customerA, 'pta.buyer'));
});
afterAll(() => t.close());

describe('portal users', () => {
  it('sales invites a contact, who must change the one-time password before anything else', async () => {
    const invited = ok(
      await a.sales({
        method: 'POST',
        url: `/api/customers/${customerA}/portal-users`,
        payload: { username: 'pta.second', displayName: '李采购', phone: '13800001111' },
      }),
      201,
    );
    expect(invited.initialPassword).toMatch(/.{12,}/);
    const login = ok(
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'pta.second', password: invited.initialPassword },
      }),
    );
    expect(login.passwordChangeRequired).toBe(true);
    const blocked = await t.as(login.token)({ method: 'GET', url: '/api/portal/orders' });
    expect(blocked.json().error.code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');
    const me = ok(await t.as(login.token)({ method: 'GET', url: '/api/auth/me' }));
    expect(me.roles).toEqual(['customer']);
    expect(me.customerId).toBe(customerA);

    const listed = ok(await a.sales({ method: 'GET', url: `/api/customers/${customerA}/portal-users` }));
    expect(listed.map((u: { username: string }) => u.username)).toEqual(['pta.buyer', 'pta.second']);
  });

  it('a username already taken is refused by name; a warehouse clerk may not invite', async () => {
    const taken = await a.sales({
      method: 'POST',
      url: `/api/customers/${customerA}/portal-users`,
      payload: { username: 'pta.buyer', displayName: '重复' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('USER.USERNAME_TAKEN');
    const clerk = await a.warehouse({
      method: 'POST',
      url: `/api/customers/${customerA}/portal-users`,
      payload: { username: 'pta.third', displayName: '仓库邀请' },
    });
    expect(clerk.statusCode).toBe(403);
  });

  it('a customer login gets 403 from every staff route and reaches only the login routes and the portal', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const walked: string[] = [];
    for (const [path, methods] of Object.entries<Record<string, unknown>>(doc.paths)) {
      if (!path.startsWith('/api/') || path.startsWith('/api/auth/') || path.startsWith('/api/portal/')) continue;
      if (path === '/api/health') continue;
      for (const method of Object.keys(methods)) {
        const url = path.replace(/\{[^}]+\}/g, customerA);
        const res = await portal({
          method: method.toUpperCase() as 'GET',
          url,
          payload: method === 'get' ? undefined : {},
        });
        walked.push(`${method} ${path}`);
        expect(res.statusCode, `${method} ${path}: ${res.body}`).toBe(403);
        expect(res.json().error.code).toBe('AUTH.FORBIDDEN');
      }
    }
    expect(walked.length).toBeGreaterThan(100);
    expect(walked).toContain('get /api/customers');
    expect(walked).toContain(`post /api/customers/{id}/portal-users`);
    expect((await portal({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });
});

export { customerOther, productBySku };
