import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import { defaultWorkingHours } from '../../src/lib/calendar/calendar';
import { deliverShipment } from '../../src/modules/shipping/deliver-shipment';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo.seed';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { sqlCapture, tableReferences, unscopedTables } from '../helpers/company-scope';

// No query joins or writes across companies (DESIGN.md): on an engine sharded by company_id each statement then
// runs on one company's shard. A whole day's flow runs through the real app with every statement captured, and each
// statement that touches a business table must constrain that table's company_id. Statements on the reference tables
// only (sessions, users, memberships, companies, login throttling) and the job queue's are exempt: those are global.
const REFERENCE = new Set(['companies', 'users', 'memberships', 'sessions', 'login_failures', 'backup_runs']);

let t: TestContext;
let app: FastifyInstance;
let business: Set<string>;
const statements: string[] = [];

beforeAll(async () => {
  t = await createTestContext();
  const tables = await sql<{ relname: string }>`
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname not like 'kysely_%'`.execute(t.database.db);
  business = new Set(tables.rows.map((r) => r.relname).filter((r) => !REFERENCE.has(r)));
  const db = t.database.db.withPlugin(sqlCapture((text) => statements.push(text)));
  app = await buildApp({ ...t.appContext, db });
  await app.ready();
}, 120_000);

afterAll(async () => {
  await app?.close();
  await t.close();
});

/** The test context, its requests served by the app whose statements are captured. */
function capturedContext(): TestContext {
  const tokens = new Map<string, string>();
  return {
    ...t,
    app,
    async token(username) {
      if (!tokens.has(username)) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password: DEMO_PASSWORD, companyId: t.companyA },
        });
        if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`);
        tokens.set(username, res.json().token);
      }
      return tokens.get(username)!;
    },
    as: (token) => (opts) =>
      app.inject({ ...opts, headers: { authorization: `Bearer ${token}`, ...(opts.headers ?? {}) } }),
  };
}

describe('the company-scope check itself', () => {
  const tables = new Set(['orders', 'order_lines', 'customers']);
  it('passes statements that constrain each business table by company_id', () => {
    for (const ok of [
      'select "id" from "orders" where "company_id" = $1 and "id" = $2',
      'select o.id from orders o join order_lines l on l.company_id = o.company_id and l.order_id = o.id ' +
        'where o.company_id = $1',
      'insert into "orders" ("company_id", "number") values ($1, $2)',
      'update "orders" set "status" = $1 where "company_id" = $2',
      'select * from orders where company_id = $1 and exists (select 1 from order_lines where company_id = $1)',
      'select u.name from orders o join users u on u.id = o.registrar_id where o.company_id = $1',
      'select * from order_lines where (company_id, order_id) in (select $1, $2)',
      'with a as (update orders set status = $1 where company_id = $2 returning 1), ' +
        'b as (update customers c set name = $3 where company_id = $2 returning 1) select 1',
    ])
      expect(unscopedTables(ok, tables), ok).toEqual([]);
  });
  it('names the table a statement leaves open across companies', () => {
    expect(unscopedTables('select * from "orders" where "id" = $1', tables)).toEqual(['orders']);
    expect(
      unscopedTables('select * from orders o join order_lines l on l.order_id = o.id where o.company_id = $1', tables),
    ).toEqual(['order_lines']);
    expect(unscopedTables('insert into "customers" ("name") values ($1)', tables)).toEqual(['customers']);
    expect(unscopedTables('select o.company_id from orders o, customers c where c.company_id = $1', tables)).toEqual([
      'orders',
    ]);
    expect(unscopedTables('update orders set status = $1 where id = $2', tables)).toEqual(['orders']);
    expect(
      unscopedTables(
        'with a as (update orders set status = $1 where company_id = $2 returning 1), ' +
          'b as (update customers set name = $3 where id = $4 returning 1) select 1',
        tables,
      ),
    ).toEqual(['customers']);
  });
});

describe('every statement of a whole flow stays inside one company', () => {
  it('register → review → confirm → ship → deliver → pay, a return, allocation and reports', async () => {
    const tc = capturedContext();
    const a = await orderActors(tc);
    const f = fulfilmentFactories(tc, a);
    const post = async (as: ReturnType<TestContext['as']>, url: string, payload: object = {}, status = 200) => {
      const r = await as({ method: 'POST', url, payload });
      if (r.statusCode !== status) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
      return r.json();
    };
    const get = async (as: ReturnType<TestContext['as']>, url: string) => {
      const r = await as({ method: 'GET', url });
      if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
      return r.json();
    };
    statements.length = 0;

    const jacket = (await productBySku(a.sales, 'A-01')).id;
    const customerId = await f.newCustomer('SCOPE', 'credit');
    const order = await f.confirmedOrder(customerId, [{ productId: jacket, qty: 2 }]);
    const shipmentId = await f.packedShipment([order.id]);
    await post(a.warehouse, `/api/shipments/${shipmentId}/ship`);
    const logistics = await f.actorOf('warehouse', ['logistics']);
    await t.database.db
      .withPlugin(sqlCapture((text) => statements.push(text)))
      .transaction()
      .execute((trx) =>
        deliverShipment(trx, logistics, { now: new Date(), workingHours: defaultWorkingHours }, shipmentId, {
          signedBy: '张三',
        }),
      );
    const total = (await get(a.sales, `/api/orders/${order.id}`)).total as string;
    await post(
      a.finance,
      '/api/receipts',
      {
        customerId,
        amount: total,
        receivedOn: '2026-11-20',
        method: 'bank_transfer',
        reference: 'BANK-SCOPE',
        applications: [{ orderId: order.id, amount: total }],
      },
      201,
    );
    // 退货: part of the order comes back.
    const service = tc.as(await tc.token('service'));
    const ret = await post(
      service,
      '/api/returns',
      { orderId: order.id, lines: [{ lineNo: 1, qty: 1, reason: 'quality' }] },
      201,
    );
    await post(a.orderadmin, `/api/returns/${ret.id}/review`, { decision: 'approve', reason: '质量问题属实' });
    // 分货: an allocated product's orders wait for a receipt, which a run shares out.
    const fen = await post(
      a.admin,
      '/api/products',
      { sku: 'FEN-S', name: '分货款', listPrice: '100.00', seasonal: true, launchPriority: 1, allocated: true },
      201,
    );
    await f.confirmedOrder(customerId, [{ productId: fen.id, qty: 3 }]);
    const warehouses = (await get(a.admin, '/api/warehouses')).items as { id: string; code: string }[];
    const receipt = await post(
      a.warehouse,
      '/api/stock/receipts',
      {
        warehouseId: warehouses.find((w) => w.code === 'ZC')!.id,
        reference: 'ASN-S',
        lines: [{ productId: fen.id, qty: 5 }],
      },
      201,
    );
    const allocator = tc.as(await tc.token('allocation'));
    await post(allocator, '/api/allocation/preview', { receiptId: receipt.receiptId });
    await post(allocator, '/api/allocation/runs', { receiptId: receipt.receiptId }, 201);
    // Reports and lists.
    await get(a.director, '/api/reports/monthly?month=2026-11');
    await get(a.sales, '/api/orders?pageSize=20');
    await get(a.sales, '/api/workbench');
    await get(a.finance, `/api/customers/${customerId}/statement?from=2026-01-01&to=2026-12-31`);

    // The flow touched the tables it should have, in many statements, each read or written by company.
    const touched = new Set(statements.flatMap((s) => tableReferences(s, business).map((r) => r.table)));
    for (const table of ['orders', 'order_lines', 'review_stages', 'stock_balances', 'stock_movements', 'shipments'])
      expect(touched, table).toContain(table);
    for (const table of ['customer_receipts', 'return_requests', 'allocation_runs', 'state_history'])
      expect(touched, table).toContain(table);
    expect(statements.filter((s) => tableReferences(s, business).length).length).toBeGreaterThan(200);
    const offenders = [
      ...new Set(
        statements
          .map((s) => ({ s, tables: unscopedTables(s, business) }))
          .filter((x) => x.tables.length)
          .map((x) => `${x.tables.join(',')}: ${x.s.replace(/\s+/g, ' ').slice(0, 300)}`),
      ),
    ];
    expect(offenders).toEqual([]);
  });
});
