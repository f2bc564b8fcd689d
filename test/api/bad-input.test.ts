import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { ledgerMismatches } from '../../src/modules/stock/stock.repository';

let t: TestContext;
let admin: ReturnType<TestContext['as']>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestContext();
  admin = t.as(await t.token('admin'));
  const stock = (await admin({ method: 'GET', url: '/api/stock?pageSize=1' })).json().items[0];
  ids.product = stock.productId;
  ids.warehouse = stock.warehouseId;
  ids.customer = (await admin({ method: 'GET', url: '/api/customers?pageSize=1' })).json().items[0].id;
});
afterAll(() => t.close());

const badValue = fc.oneof(
  fc.constantFrom(
    null,
    -1,
    -0.5,
    1.5,
    1e20,
    '',
    ' ',
    'x'.repeat(5000),
    '12.345',
    '-5.00',
    '1e3',
    'NaN',
    true,
    {},
    [],
    [null],
    '\u0000',
    '00000000-0000-0000-0000-000000000000',
  ),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.anything(),
);

/** A valid body with one to three fields replaced by bad values, or a body of any shape at all. */
const mutated = (valid: Record<string, unknown>) =>
  fc.oneof(
    fc
      .array(fc.tuple(fc.constantFrom(...Object.keys(valid), 'unknownField'), badValue), { minLength: 1, maxLength: 3 })
      .map((changes) => {
        const body: Record<string, unknown> = structuredClone(valid);
        for (const [k, v] of changes) body[k] = v;
        return body;
      }),
    fc.anything(),
  );

const counts = async () => {
  const r = await Promise.all(
    ['customers', 'products', 'warehouses', 'users'].map((k) => admin({ method: 'GET', url: `/api/${k}?pageSize=1` })),
  );
  const movements = (await admin({ method: 'GET', url: '/api/stock/movements?pageSize=1' })).json().total;
  return [...r.map((x) => x.json().total), movements].join('/');
};

type Case = { method: 'POST' | 'PATCH'; url: () => string; valid: () => Record<string, unknown> };
const cases: Record<string, Case> = {
  'POST /api/customers': {
    method: 'POST',
    url: () => '/api/customers',
    valid: () => ({
      code: 'FZ1',
      shortCode: 'FZA',
      name: '模糊',
      kind: 'ordinary',
      creditLimit: '10.00',
      paymentDays: 5,
      contacts: [{ name: 'a', phone: '123' }],
    }),
  },
  'PATCH /api/customers/:id': {
    method: 'PATCH',
    url: () => `/api/customers/${ids.customer}`,
    valid: () => ({ name: '模糊', creditLimit: '10.00', priority: 3 }),
  },
  'POST /api/products': {
    method: 'POST',
    url: () => '/api/products',
    valid: () => ({ sku: 'FZ-1', name: '模糊', listPrice: '1.00', launchPriority: 2, seasonal: false }),
  },
  'PATCH /api/products/:id': {
    method: 'PATCH',
    url: () => `/api/products/${ids.product}`,
    valid: () => ({ listPrice: '1.00', seasonal: true }),
  },
  'POST /api/warehouses': {
    method: 'POST',
    url: () => '/api/warehouses',
    valid: () => ({ code: 'FZW', name: '模糊仓', kind: 'other' }),
  },
  'POST /api/stock/receipts': {
    method: 'POST',
    url: () => '/api/stock/receipts',
    valid: () => ({ warehouseId: ids.warehouse, lines: [{ productId: ids.product, qty: 1 }] }),
  },
  'POST /api/stock/adjustments': {
    method: 'POST',
    url: () => '/api/stock/adjustments',
    valid: () => ({ warehouseId: ids.warehouse, reason: '盘点', lines: [{ productId: ids.product, delta: -1 }] }),
  },
  'POST /api/users': {
    method: 'POST',
    url: () => '/api/users',
    valid: () => ({ username: 'fuzz', displayName: '模糊', password: 'password1', roles: ['finance'] }),
  },
};

describe('bad input never answers 500 and writes nothing', () => {
  for (const [name, c] of Object.entries(cases)) {
    it(name, async () => {
      await fc.assert(
        fc.asyncProperty(mutated(c.valid()), async (body) => {
          const before = await counts();
          const res = await admin({ method: c.method, url: c.url(), payload: body as object });
          expect(res.statusCode, res.body).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expect(res.json().error.code).toMatch(/^[A-Z]+\.[A-Z_]+$/);
            expect(await counts()).toBe(before);
          }
          if (res.statusCode === 400 && res.json().error.code === 'VALIDATION.FAILED') {
            for (const f of res.json().error.fields) expect(f.path.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 40, seed: 20261123 },
      );
    });
  }

  it('each kind of wrong field is named: missing, wrong type, negative, too long, malformed', async () => {
    const res = await admin({
      method: 'POST',
      url: '/api/customers',
      payload: { code: 'x'.repeat(40), kind: 7, creditLimit: '1.234', paymentDays: -3, contacts: [{ phone: 'abc' }] },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'code',
        'shortCode',
        'name',
        'kind',
        'creditLimit',
        'paymentDays',
        'contacts[0].name',
        'contacts[0].phone',
      ]),
    );
    const en = await admin({
      method: 'POST',
      url: '/api/products',
      headers: { 'accept-language': 'en' },
      payload: { sku: 'ok', name: 'n', listPrice: -1 },
    });
    expect(en.json().error.message).toBe('Invalid input: listPrice');
  });

  it('NUL characters are refused by name, not passed to the database', async () => {
    const res = await admin({
      method: 'POST',
      url: '/api/customers',
      payload: {
        code: 'NUL1',
        shortCode: 'NUL',
        name: 'a\u0000b',
        kind: 'ordinary',
        remark: '\u0000',
        contacts: [{ name: 'x\u0000' }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['name', 'remark', 'contacts[0].name']),
    );
  });

  it('malformed JSON and a wrong content type get 4xx, not 500', async () => {
    const bad = await admin({
      method: 'POST',
      url: '/api/customers',
      headers: { 'content-type': 'application/json' },
      payload: '{"code": ',
    });
    expect(bad.statusCode).toBe(400);
    const wrongType = await admin({
      method: 'POST',
      url: '/api/customers',
      headers: { 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    expect(wrongType.statusCode).toBe(415);
    const badId = await admin({ method: 'GET', url: '/api/customers/not-a-uuid' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.fields[0].path).toBe('params.id');
  });

  it('the stock ledger still balances after all of it', async () => {
    expect(await ledgerMismatches(t.database.db, t.companyA)).toEqual([]);
  });
});

describe('bad query strings', () => {
  it('search and login with NUL characters get 400, not 500', async () => {
    const search = await admin({ method: 'GET', url: '/api/customers?q=%00' });
    expect(search.statusCode).toBe(400);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ad\u0000min', password: 'x' },
    });
    expect(login.statusCode).toBe(400);
  });
});
