import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo.seed';
import { resolveSession } from '../../src/modules/auth/auth.service';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const login = (payload: object) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload });
const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.find((c) => c.name === 'luyue_session')!;

describe('auth and sessions', () => {
  it('answers health without login', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toMatchObject({
      status: 'ok',
      database: process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite',
    });
  });

  it('gives a bearer token that opens the API, and 401 without one', async () => {
    const res = await login({ username: 'sales', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    const { token } = res.json();
    expect(token).toMatch(/^[\w-]{40,}$/);
    const me = await t.as(token)({ method: 'GET', url: '/api/auth/me' });
    expect(me.json()).toMatchObject({ user: { username: 'sales' }, roles: ['sales_assistant'] });
    const anon = await t.app.inject({ method: 'GET', url: '/api/customers' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.code).toBe('AUTH.REQUIRED');
  });

  it('refuses a wrong password in zh-CN by default and in English on request', async () => {
    const zh = await login({ username: 'sales', password: 'wrong-password' });
    expect(zh.statusCode).toBe(401);
    expect(zh.json().error).toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS', message: '用户名或密码错误' });
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { username: 'sales', password: 'nope-nope' },
    });
    expect(en.json().error.message).toBe('Wrong username or password');
  });

  it('slows down repeated failed logins', async () => {
    for (let i = 0; i < 5; i++)
      expect((await login({ username: 'logistics', password: 'bad-guess' })).statusCode).toBe(401);
    const blocked = await login({ username: 'logistics', password: DEMO_PASSWORD });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
  });

  it('answers 403 when the role does not fit', async () => {
    const token = await t.token('sales');
    const res = await t.as(token)({ method: 'POST', url: '/api/stock/receipts', payload: {} });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('AUTH.FORBIDDEN');
  });

  it('cookie sessions: HTTP-only SameSite cookie, CSRF token on unsafe methods, new id at each login', async () => {
    const first = await login({ username: 'admin', password: DEMO_PASSWORD, mode: 'cookie' });
    const cookie = cookieOf(first);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const { csrfToken } = first.json();
    const headers = { cookie: `luyue_session=${cookie.value}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/products', headers })).statusCode).toBe(200);
    const body = { code: 'W-CSRF', name: '测试仓', kind: 'other' };
    const noToken = await t.app.inject({ method: 'POST', url: '/api/warehouses', headers, payload: body });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('AUTH.CSRF');
    const withToken = await t.app.inject({
      method: 'POST',
      url: '/api/warehouses',
      headers: { ...headers, 'x-csrf-token': csrfToken },
      payload: body,
    });
    expect(withToken.statusCode).toBe(201);
    const second = await login({ username: 'admin', password: DEMO_PASSWORD, mode: 'cookie' });
    expect(cookieOf(second).value).not.toBe(cookie.value);
  });

  it('logout revokes the session', async () => {
    const { token } = (await login({ username: 'finance', password: DEMO_PASSWORD })).json();
    const as = t.as(token);
    expect((await as({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    expect((await as({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('a session idle 8 working hours: valid one minute before the boundary, expired at it', async () => {
    const policy = { idleHours: 8, workingHours: { start: '09:00', end: '18:00', timeZone: 'Asia/Shanghai' } };
    // Last seen Friday 2026-05-29 14:00 (Shanghai): 4 working hours that day, then 4 on Monday from 09:00.
    const lastSeen = new Date('2026-05-29T14:00:00+08:00');
    const boundary = new Date('2026-06-01T13:00:00+08:00');
    const tokens: string[] = [];
    for (let i = 0; i < 2; i++)
      tokens.push((await login({ username: 'planner', password: DEMO_PASSWORD })).json().token);
    await sql`update sessions set last_seen_at = ${lastSeen} where revoked_at is null
      and user_id = (select id from users where username = 'planner')`.execute(t.database.db);
    const oneMinuteBefore = new Date(boundary.getTime() - 60_000);
    expect((await resolveSession(t.database.db, tokens[0], policy, oneMinuteBefore))?.username).toBe('planner');
    // Over the weekend nothing counts: Saturday evening is still well inside the idle time.
    const saturday = new Date('2026-05-30T20:00:00+08:00');
    expect(await resolveSession(t.database.db, tokens[1], policy, saturday)).toBeDefined();
    await sql`update sessions set last_seen_at = ${lastSeen} where revoked_at is null
      and user_id = (select id from users where username = 'planner')`.execute(t.database.db);
    expect(await resolveSession(t.database.db, tokens[1], policy, boundary)).toBeUndefined();
    // Expired means revoked: the session does not come back at an earlier clock either.
    expect(await resolveSession(t.database.db, tokens[1], policy, oneMinuteBefore)).toBeUndefined();
  });

  it('expires a session idle for longer than 8 working hours', async () => {
    const { token } = (await login({ username: 'service', password: DEMO_PASSWORD })).json();
    const as = t.as(token);
    expect((await as({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    await sql`update sessions set last_seen_at = now() - interval '10 days' where revoked_at is null
      and user_id = (select id from users where username = 'service')`.execute(t.database.db);
    expect((await as({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('switches company for a user of several, and refuses a company the user is not in', async () => {
    const token = await t.token('admin');
    const as = t.as(token);
    const companies = (await as({ method: 'GET', url: '/api/companies' })).json();
    expect(companies.map((c: { code: string }) => c.code)).toEqual(['HN', 'HD']);
    const switched = await as({ method: 'POST', url: '/api/auth/company', payload: { companyId: t.companyB } });
    expect(switched.json().company.code).toBe('HD');
    const back = await as({ method: 'POST', url: '/api/auth/company', payload: { companyId: t.companyA } });
    expect(back.json().company.code).toBe('HN');
    const salesOnlyA = await t.token('reviewer');
    const refused = await t.as(salesOnlyA)({
      method: 'POST',
      url: '/api/auth/company',
      payload: { companyId: t.companyB },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('admin creates a user with roles; the user logs in; deactivation ends the session', async () => {
    const admin = t.as(await t.token('admin'));
    const created = await admin({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'newbie', displayName: '新人', password: 'secret-123', roles: ['warehouse', 'logistics'] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().roles).toEqual(['warehouse', 'logistics']);
    const dup = await admin({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'newbie', displayName: 'x', password: 'secret-123', roles: ['warehouse'] },
    });
    expect(dup.statusCode).toBe(409);
    const { token } = (await login({ username: 'newbie', password: 'secret-123' })).json();
    expect((await t.as(token)({ method: 'GET', url: '/api/auth/me' })).json().roles).toEqual([
      'warehouse',
      'logistics',
    ]);
    await admin({ method: 'PATCH', url: `/api/users/${created.json().id}`, payload: { active: false } });
    expect((await t.as(token)({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await login({ username: 'newbie', password: 'secret-123' })).statusCode).toBe(401);
  });

  it('serves the OpenAPI 3.1 document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/customers', '/api/stock/receipts', '/api/auth/login']),
    );
  });
});

describe('login throttling', () => {
  const from = (remoteAddress: string, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload, remoteAddress, headers });

  it('a stranger guessing a password cannot lock the user out: the user logs in from their address', async () => {
    for (let i = 0; i < 6; i++) await from('203.0.113.7', { username: 'finance', password: 'guess-' + i });
    const stranger = await from('203.0.113.7', { username: 'finance', password: DEMO_PASSWORD });
    expect(stranger.statusCode).toBe(429);
    const owner = await from('198.51.100.20', { username: 'finance', password: DEMO_PASSWORD });
    expect(owner.statusCode).toBe(200);
    expect(owner.json().token).toBeTruthy();
  });

  it('throttles one address guessing many usernames, and says when to retry (Retry-After)', async () => {
    for (let i = 0; i < 20; i++) {
      const res = await from('203.0.113.9', { username: `nobody${i}`, password: 'wrong-password' });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await from('203.0.113.9', { username: 'gm', password: DEMO_PASSWORD });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
    expect(blocked.json().error.message).toContain(String(retryAfter));
    expect((await from('198.51.100.21', { username: 'gm', password: DEMO_PASSWORD })).statusCode).toBe(200);
  });

  it('an unknown username costs the same password check as a known one', async () => {
    const median = async (username: string, address: string) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = process.hrtime.bigint();
        const res = await from(address, { username, password: 'wrong-password' });
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
        expect(res.statusCode).toBe(401);
        expect(res.json().error.code).toBe('AUTH.INVALID_CREDENTIALS');
      }
      return times.sort((a, b) => a - b)[2];
    };
    // Alternate so that machine load falls on both alike; distinct addresses keep the throttle out of it.
    const known = await median('orderadmin', '198.51.100.30');
    const unknown = await median('no-such-user', '198.51.100.31');
    const known2 = await median('warehouse', '198.51.100.32');
    // Without the check an unknown name answers in a few ms; a password derivation takes tens of ms.
    expect(unknown).toBeGreaterThan(Math.min(known, known2) * 0.5);
  });
});
