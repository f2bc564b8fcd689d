import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { createTestDatabase } from '../helpers/test-db';
import { buildXlsx, multipart } from '../helpers/xlsx';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { wantsDemo } from '../../src/main';
import { ensureFirstAdmin } from '../../src/modules/users/first-admin';
import { productColumns } from '../../src/modules/products/product.excel';

let t: TestContext;
let admin: ReturnType<TestContext['as']>;
let small: FastifyInstance;
let adminToken: string;
const LIMITS = { maxBytes: 200_000, maxUnpackedBytes: 400_000, maxRows: 200 };

beforeAll(async () => {
  t = await createTestContext();
  adminToken = await t.token('admin');
  admin = t.as(adminToken);
  // The same database behind an app with tiny import limits, so small files can be bombs.
  const config = { ...loadConfig({ LUYUE_DATA_DIR: '/tmp/unused' } as NodeJS.ProcessEnv), imports: LIMITS };
  small = await buildApp({ db: t.database.db, engine: t.database.engine, config, version: 'test' });
  await small.ready();
});
afterAll(async () => {
  await small.close();
  await t.close();
});

const asSmall = (opts: InjectOptions) =>
  small.inject({ ...opts, headers: { authorization: `Bearer ${adminToken}`, ...(opts.headers ?? {}) } });
const header = productColumns.map((c) => c.header.zh);
const upload = (data: Buffer) => ({
  method: 'POST' as const,
  url: '/api/products/import',
  ...multipart({ name: 'p.xlsx', data, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
});

describe('security headers', () => {
  const expectHeaders = (h: Record<string, unknown>) => {
    const csp = String(h['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['referrer-policy']).toBe('no-referrer');
  };

  it('are on every response: JSON, errors, unknown routes, the API docs', async () => {
    expectHeaders((await admin({ method: 'GET', url: '/api/customers' })).headers);
    expectHeaders((await t.app.inject({ method: 'GET', url: '/api/customers' })).headers);
    expectHeaders((await t.app.inject({ method: 'GET', url: '/api/nope' })).headers);
    expectHeaders((await t.app.inject({ method: 'GET', url: '/docs/json' })).headers);
  });

  it('print views carry no inline script or handler: their button is data-print, and /print.js prints', async () => {
    const order = await admin({
      method: 'POST',
      url: '/api/orders',
      payload: {
        customerId: (await admin({ method: 'GET', url: '/api/customers?pageSize=1' })).json().items[0].id,
        source: 'phone',
        lines: [
          { productId: (await admin({ method: 'GET', url: '/api/products?pageSize=1' })).json().items[0].id, qty: 1 },
        ],
      },
    });
    expect(order.statusCode).toBe(201);
    const form = await admin({ method: 'GET', url: `/api/orders/${order.json().id}/forms/registration` });
    expect(form.statusCode).toBe(200);
    expect(form.headers['content-type']).toMatch(/text\/html/);
    expectHeaders(form.headers);
    expect(form.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(form.body).not.toMatch(/\son\w+=/i);
    expect(form.body).toContain('<script src="/print.js"></script>');
    expect(form.body).toMatch(/<button[^>]*\bdata-print\b/);
    expect(form.headers['content-security-policy']).not.toMatch(/unsafe-hashes|sha256-/);
    const script = await t.app.inject({ method: 'GET', url: '/print.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.body).toContain('window.print()');
  });

  it('uploads come back as downloads: HTML and SVG as bytes under a sandbox, never rendered in the app', async () => {
    const customer = (await admin({ method: 'GET', url: '/api/customers?pageSize=1' })).json().items[0].id;
    for (const [name, type, body] of [
      ['x.html', 'text/html', '<script>alert(document.cookie)</script>'],
      ['x.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
      ['x.png', 'image/png', 'PNG'],
    ]) {
      const up = await admin({
        method: 'POST',
        url: `/api/customers/${customer}/documents`,
        ...multipart({ name, data: Buffer.from(body), type }, { kind: 'other' }),
      });
      expect(up.statusCode).toBe(201);
      const dl = await admin({ method: 'GET', url: `/api/attachments/${up.json().id}` });
      expect(dl.statusCode).toBe(200);
      expect(dl.headers['content-disposition']).toMatch(/^attachment;/);
      expect(dl.headers['x-content-type-options']).toBe('nosniff');
      expect(dl.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
      expect(dl.headers['content-type']).toBe(type === 'image/png' ? 'image/png' : 'application/octet-stream');
      expect(dl.body).toBe(body);
    }
  });
});

describe('Excel imports are bounded', () => {
  it('lists the first 100 errors and the total count', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => [`BAD-${i}`, '坏', '', '个', 'not-a-price', '0', 'N', 1, 'Y']);
    const res = await asSmall(upload(await buildXlsx(header, rows)));
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('IMPORT.ROWS_INVALID');
    expect(error.details.errors).toHaveLength(100);
    expect(error.details.total).toBe(150);
    expect(error.message).toContain('150');
  });

  it('refuses more data rows than the limit, writing nothing', async () => {
    const rows = Array.from({ length: LIMITS.maxRows + 1 }, (_, i) => [
      `R-${i}`,
      '行',
      '',
      '个',
      '1.00',
      '0',
      'N',
      1,
      'Y',
    ]);
    const before = (await admin({ method: 'GET', url: '/api/products?pageSize=1' })).json().total;
    const res = await asSmall(upload(await buildXlsx(header, rows)));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('IMPORT.TOO_MANY_ROWS');
    expect((await admin({ method: 'GET', url: '/api/products?pageSize=1' })).json().total).toBe(before);
  });

  it('refuses a small file that unpacks to more than the limit (a zip bomb)', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => [`BOMB-${i}`, `${i}`.repeat(30_000), '', '个', '1.00']);
    const bomb = await buildXlsx(header, rows);
    expect(bomb.length).toBeLessThan(LIMITS.maxUnpackedBytes);
    const res = await asSmall(upload(bomb));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('IMPORT.UNPACKED_TOO_LARGE');
  });

  it('refuses a zip whose directory lies about what an entry unpacks to', async () => {
    const payload = Buffer.alloc(500_000, 0x41);
    const liar = zipOf('xl/worksheets/sheet1.xml', payload, 100);
    const res = await asSmall(upload(liar));
    expect([400, 413]).toContain(res.statusCode);
    expect(res.json().error.code).toMatch(/^IMPORT\./);
  });

  it('refuses a file over the size limit, and garbage that is no zip', async () => {
    const big = await asSmall(upload(Buffer.alloc(LIMITS.maxBytes + 1, 1)));
    expect(big.statusCode).toBe(413);
    const garbage = await asSmall(upload(Buffer.from('PK\u0003\u0004 not really a zip')));
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.code).toBe('IMPORT.FILE_INVALID');
  });

  it('a truncated or boundary-less multipart body is a 400, not a 500', async () => {
    for (const headers of [
      { 'content-type': 'multipart/form-data' },
      { 'content-type': 'multipart/form-data; boundary=abc' },
    ]) {
      const res = await admin({
        method: 'POST',
        url: '/api/products/import',
        headers,
        payload: '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK',
      });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
  });
});

describe('bad values that once reached the database', () => {
  it('sort=constructor, __proto__ or toString on every list is a 400 naming query.sort', async () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, any>> };
    const lists = Object.entries(doc.paths)
      .filter(([p, ops]) => !p.includes('{') && ops.get?.parameters?.some((x: any) => x.name === 'sort'))
      .map(([p, ops]) => {
        // Other required query parameters (e.g. which queue) get their first allowed value, so only sort is wrong.
        const required = (ops.get.parameters as any[]).filter(
          (x) => x.in === 'query' && x.required && x.name !== 'sort',
        );
        return `${p}?${required.map((x) => `${x.name}=${x.schema?.enum?.[0] ?? 'x'}&`).join('')}`;
      });
    expect(lists.length).toBeGreaterThan(3);
    for (const path of lists)
      for (const sort of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
        const res = await admin({ method: 'GET', url: `${path}sort=${sort}` });
        expect(res.statusCode, `${path}?sort=${sort}: ${res.body}`).toBe(400);
        expect(res.json().error.fields[0].path).toBe('query.sort');
      }
  });

  it('a year-0000 date, an amount no balance can hold, NUL and lone surrogates: 400 by field', async () => {
    const customerId = (await admin({ method: 'GET', url: '/api/customers?pageSize=1' })).json().items[0].id;
    const receipt = (body: object) =>
      admin({
        method: 'POST',
        url: '/api/receipts',
        payload: { customerId, amount: '100.00', receivedOn: '2026-03-02', method: 'cash', ...body },
      });
    const cases: [object, string][] = [
      [{ receivedOn: '0000-01-01' }, 'receivedOn'],
      [{ amount: '99999999999999.99' }, 'amount'],
      [{ reference: 'a\u0000b' }, 'reference'],
      [{ reference: 'a\uD800b' }, 'reference'],
    ];
    for (const [body, field] of cases) {
      const res = await receipt(body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    const line = { productId: (await admin({ method: 'GET', url: '/api/products?pageSize=1' })).json().items[0].id };
    const order = await admin({
      method: 'POST',
      url: '/api/orders',
      payload: { customerId, source: 'phone', lines: [{ ...line, qty: 2_000_000, unitPrice: '9999999999.99' }] },
    });
    expect(order.statusCode).toBe(400);
    expect(order.json().error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['lines[0].qty', 'lines[0].unitPrice']),
    );
  });
});

describe('first run', () => {
  it('demo data only on the embedded database, or when asked for', () => {
    const config = (env: Record<string, string>) =>
      loadConfig({ LUYUE_DATA_DIR: '/tmp/unused', ...env } as NodeJS.ProcessEnv);
    expect(wantsDemo(config({}), 'pglite')).toBe(true);
    expect(wantsDemo(config({ DATABASE_URL: 'postgres://x/y' }), 'postgresql')).toBe(false);
    expect(wantsDemo(config({ DATABASE_URL: 'postgres://x/y', LUYUE_DEMO: 'on' }), 'postgresql')).toBe(true);
    expect(wantsDemo(config({ LUYUE_DEMO: 'off' }), 'pglite')).toBe(false);
  });

  it('a fresh database without demo data gets one admin with a one-time password that must be changed', async () => {
    const database = await createTestDatabase();
    try {
      const first = await database.db.transaction().execute((trx) => ensureFirstAdmin(trx));
      expect(first).toMatchObject({ username: 'admin', companyCode: 'MAIN' });
      expect(first!.password.length).toBeGreaterThanOrEqual(20);
      expect(await database.db.transaction().execute((trx) => ensureFirstAdmin(trx))).toBeUndefined();
      const users = await database.db.selectFrom('users').select(['username', 'must_change_password']).execute();
      expect(users).toEqual([{ username: 'admin', must_change_password: true }]);
      const config = loadConfig({ LUYUE_DATA_DIR: '/tmp/unused' } as NodeJS.ProcessEnv);
      const app = await buildApp({ db: database.db, engine: database.engine, config, version: 'test' });
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: first!.password },
      });
      expect(login.statusCode).toBe(200);
      expect(login.json().passwordChangeRequired).toBe(true);
      // Until the one-time password is changed, the session reaches nothing but who-am-I, logout and the change.
      const as = (method: 'GET' | 'POST', url: string, payload?: object) =>
        app.inject({ method, url, payload, headers: { authorization: `Bearer ${login.json().token}` } });
      const refused = await as('GET', '/api/customers');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');
      expect((await as('GET', '/api/auth/me')).json().passwordChangeRequired).toBe(true);
      const wrong = await as('POST', '/api/auth/password', { currentPassword: 'nope', newPassword: 'a-new-secret' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.fields[0].path).toBe('currentPassword');
      const same = await as('POST', '/api/auth/password', {
        currentPassword: first!.password,
        newPassword: first!.password,
      });
      expect(same.json().error.code).toBe('AUTH.PASSWORD_UNCHANGED');
      expect((await as('GET', '/api/customers')).statusCode).toBe(403);
      const changed = await as('POST', '/api/auth/password', {
        currentPassword: first!.password,
        newPassword: 'a-new-secret',
      });
      expect(changed.statusCode).toBe(200);
      expect((await as('GET', '/api/auth/me')).json().passwordChangeRequired).toBe(false);
      expect((await as('GET', '/api/customers')).statusCode).toBe(200);
      const again = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: 'a-new-secret' },
      });
      expect(again.json().passwordChangeRequired).toBeUndefined();
      await app.close();
    } finally {
      await database.close();
    }
  });
});

/** A one-entry zip whose central directory declares `declared` unpacked bytes for `data`. */
function zipOf(name: string, data: Buffer, declared: number): Buffer {
  const packed = deflateRawSync(data);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + nameBytes.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, nameBytes, packed, central, nameBytes, end]);
}
