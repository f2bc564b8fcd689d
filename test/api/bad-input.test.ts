import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { sql } from 'kysely';
import fc from 'fast-check';
import { ledgerMismatches } from '../../src/modules/stock/stock.repository';
import { NASTY_VALUES, fromSchema, withNastyLeaf } from '../helpers/body-fuzz';

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
  ids.franchisee = (await admin({ method: 'GET', url: '/api/customers?q=F001' })).json().items[0].id;
  ids.user = (await admin({ method: 'GET', url: '/api/users?q=sales' })).json().items[0].id;
  const order = await admin({
    method: 'POST',
    url: '/api/orders',
    payload: { customerId: ids.customer, source: 'phone', lines: [{ productId: ids.product, qty: 1 }] },
  });
  ids.order = order.json().id;
});
afterAll(() => t.close());

/** Row counts of every business table (not sessions, login throttles or idempotency keys). */
let countSql: string;
async function rowCounts(): Promise<string> {
  if (!countSql) {
    const tables = (
      await sql<{ name: string }>`select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE'
          and table_name not in ('sessions', 'login_failures', 'idempotency_keys')
          and table_name not like 'kysely%' order by table_name`.execute(t.database.db)
    ).rows.map((r) => r.name);
    countSql = 'select ' + tables.map((n) => `(select count(*) from ${n})::text as "${n}"`).join(', ');
  }
  return JSON.stringify((await sql.raw(countSql).execute(t.database.db)).rows[0]);
}

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];
const GENERATED = 5;
const MUTATED = 5;
const MULTIPART_CASES = [
  { 'content-type': 'multipart/form-data' },
  { 'content-type': 'multipart/form-data; boundary=XyZ' },
];

/** The id a path parameter of this route refers to, when the test made one. */
function realId(path: string): string | undefined {
  const resource = path.split('/')[2];
  const byResource: Record<string, string | undefined> = {
    customers: ids.customer,
    products: ids.product,
    warehouses: ids.warehouse,
    users: ids.user,
    orders: ids.order,
    franchisees: ids.franchisee,
  };
  return byResource[resource];
}

describe('every write route of the OpenAPI document, as admin', () => {
  it('answers no 5xx to generated and known-bad bodies, and a refused request writes nothing', async () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, any>> };
    const idPool = Object.values(ids);
    const failures: string[] = [];
    let requests = 0;
    const statuses: Record<number, number> = {};
    let routes = 0;
    let before = await rowCounts();
    const send = async (method: string, url: string, payload: unknown, headers: Record<string, string> = {}) => {
      requests++;
      const res = await admin({
        method: method.toUpperCase() as 'POST',
        url,
        headers,
        ...(payload === undefined ? {} : { payload: payload as string }),
      });
      statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
      if (res.statusCode >= 500) failures.push(`${method.toUpperCase()} ${url} → ${res.statusCode} ${res.body}`);
      const after = await rowCounts();
      if (res.statusCode >= 400 && after !== before)
        failures.push(`${method.toUpperCase()} ${url} → ${res.statusCode} but wrote rows: ${before} → ${after}`);
      before = after;
    };
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        // Logging out would end the admin's own session: it takes no body and is covered in the auth tests.
        if (!WRITE_METHODS.includes(method) || path === '/api/auth/logout') continue;
        routes++;
        const seed = [...`${method} ${path}`].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7);
        const pathIds = path.includes('{') ? [realId(path), crypto.randomUUID(), 'not-a-uuid'] : [undefined];
        const url = (i: number) => path.replace(/\{(\w+)\}/g, () => pathIds[i % pathIds.length] ?? crypto.randomUUID());
        const schema = op.requestBody?.content?.['application/json']?.schema;
        const bodies = fc.sample(fromSchema(schema, idPool), { numRuns: GENERATED, seed });
        const nasty = fc.sample(fc.tuple(fromSchema(schema, idPool), fc.nat(), fc.constantFrom(...NASTY_VALUES)), {
          numRuns: MUTATED,
          seed: seed + 1,
        });
        let i = 0;
        for (const body of bodies) await send(method, url(i++), body ?? {});
        for (const [body, pick, value] of nasty) await send(method, url(i++), withNastyLeaf(body ?? {}, pick, value));
        await send(method, url(i++), '{"__proto__": {"admin": true}, "constructor": {"prototype": {}}}', {
          'content-type': 'application/json',
        });
        for (const headers of MULTIPART_CASES)
          await send(
            method,
            url(i++),
            '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n',
            headers,
          );
      }
    }
    console.log(
      `bad-input sweep: ${routes} write routes × ${requests / routes} bodies = ${requests} requests, ` +
        `${failures.filter((f) => / → 5\d\d /.test(f)).length} answers ≥ 500; statuses ${JSON.stringify(statuses)}`,
    );
    expect(failures).toEqual([]);
    expect(routes).toBeGreaterThanOrEqual(55);
  }, 600_000);
});

describe('bad input never answers 500 and writes nothing', () => {
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
    expect(en.json().error.fields[0].message).toBe('Invalid input: expected string, received number');
    // In Chinese the field's message is Chinese too, naming what came instead.
    const zh = await admin({ method: 'POST', url: '/api/products', payload: { sku: 'ok', name: 'n', listPrice: -1 } });
    expect(zh.json().error.fields).toEqual([{ path: 'listPrice', message: '无效输入：期望 string，实际接收 数字' }]);
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
