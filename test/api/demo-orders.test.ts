import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/db/connect';
import { DEMO_PASSWORD, isEmpty, seedDemo } from '../../src/modules/demo/demo.seed';
import { seedDemoWithOrders } from '../../src/main';
import { seedDemoOrders } from '../../src/modules/demo/demo-orders';
import { assertInvariants } from '../helpers/invariants';
import { createTestDatabase } from '../helpers/test-db';

// A new user's first start: the demo company holds sample orders in every stage, made by the real use cases.

let database: Database;
let app: FastifyInstance;
const seededAt = new Date();
type Todo = { key: string; count: number };

async function as(username: string) {
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  expect(login.statusCode, login.body).toBe(200);
  const token = login.json().token as string;
  return (url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
}

async function todos(username: string): Promise<Record<string, number>> {
  const res = await (await as(username))('/api/workbench');
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries(res.json().todos.map((t: Todo) => [t.key, t.count]));
}

beforeAll(async () => {
  database = await createTestDatabase('migrated');
  await database.db.transaction().execute(async (trx) => {
    await seedDemo(trx, seededAt);
    await seedDemoOrders(trx, seededAt);
  });
  const config = loadConfig({ LUYUE_DATA_DIR: '/tmp/unused' } as NodeJS.ProcessEnv);
  app = await buildApp({ db: database.db, engine: database.engine, config, version: 'test', clock: () => new Date() });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('demo orders', () => {
  it('fill the order list with an order in every stage, spread over the last weeks', async () => {
    const res = await (await as('sales'))('/api/orders?pageSize=100');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { status: string; orderDate: string; customer: { name: string } }[];
    const byStatus = new Map<string, number>();
    for (const o of items) byStatus.set(o.status, (byStatus.get(o.status) ?? 0) + 1);
    expect(Object.fromEntries(byStatus)).toEqual({
      draft: 1,
      in_review: 1,
      rejected: 1,
      awaiting_confirmation: 1,
      confirmed: 2,
      in_fulfillment: 1,
      shipped: 1,
      delivered: 4,
      completed: 1,
    });
    const dates = items.map((o) => o.orderDate).sort();
    const oldest = new Date(seededAt.getTime() - 45 * 86_400_000).toISOString().slice(0, 10);
    expect(dates[0] >= oldest).toBe(true);
    expect(dates[0] < new Date(seededAt.getTime() - 30 * 86_400_000).toISOString().slice(0, 10)).toBe(true);
    expect(new Set(items.map((o) => o.customer.name))).toContain('广州安邦贸易有限公司');
  });

  it('give the reviewer, warehouse, customer service, finance and logistics something on their 工作台', async () => {
    const reviewer = await todos('reviewer');
    expect(reviewer.toReview).toBe(1);
    expect(reviewer.changeApprovals).toBeGreaterThan(0);
    const warehouse = await todos('warehouse');
    expect(warehouse.toPick).toBeGreaterThan(0);
    const service = await todos('service');
    expect(service.toCallBack).toBe(1);
    expect(service.openComplaints).toBe(1);
    const finance = await todos('finance');
    expect(finance.awaitingPayment).toBeGreaterThan(0);
    expect(finance.overdueReceivables).toBe(1);
    const director = await todos('director');
    expect(director.returnsToReview).toBe(1);
    expect((await todos('logistics')).logisticsExceptions).toBe(1);
    const sales = await todos('sales');
    expect(sales).toMatchObject({ myDrafts: 1, myRejected: 1, awaitingConfirmation: 1 });
  });

  it('ship with a carrier and waybill, invoice the completed order and keep the books balanced', async () => {
    const warehouse = await as('warehouse');
    const shipments = (await warehouse('/api/shipments/search?pageSize=100')).json().items as {
      status: string;
      carrier: string;
      trackingNo: string | null;
    }[];
    expect(shipments.filter((s) => s.status === 'shipped')).toEqual([
      expect.objectContaining({ carrier: '顺丰速运', trackingNo: 'SF1408567890' }),
    ]);
    const finance = await as('finance');
    expect((await finance('/api/invoices')).json().items).toEqual([
      expect.objectContaining({ number: '25441001', amount: '3890.00' }),
    ]);
    expect((await finance('/api/receipts')).json().items).toHaveLength(2);
    await assertInvariants(database.db);
  });

  it('open on every page of an order, and fill the service, returns, changes and logistics lists', async () => {
    const sales = await as('sales');
    const items = (await sales('/api/orders?pageSize=100')).json().items as { id: string }[];
    for (const o of items)
      for (const part of ['', '/history', '/checks', '/review', '/payment', '/versions'])
        expect((await sales(`/api/orders/${o.id}${part}`)).statusCode, `${o.id}${part}`).toBe(200);
    const lists: [string, string, number][] = [
      ['service', '/api/callbacks?status=open', 1],
      ['service', '/api/complaints?status=open', 1],
      ['director', '/api/returns?status=requested', 1],
      ['reviewer', '/api/change-requests?stage=mine', 1],
      ['logistics', '/api/logistics-exceptions', 1],
    ];
    for (const [user, url, count] of lists) {
      const res = await (await as(user))(url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      const body = res.json();
      expect(Array.isArray(body) ? body : body.items, url).toHaveLength(count);
    }
  });

  it('leave the database empty when the sample orders fail half-way, so the next start seeds again', async () => {
    const other = await createTestDatabase('migrated');
    try {
      const config = loadConfig({ LUYUE_DATA_DIR: '/tmp/unused' } as NodeJS.ProcessEnv);
      // An unknown time zone makes the first order's date fail after the companies and users are written.
      const broken = { ...config, workHours: { ...config.workHours, timeZone: 'Nowhere/Atlantis' } };
      await expect(other.db.transaction().execute((trx) => seedDemoWithOrders(trx, broken, seededAt))).rejects.toThrow(
        'Nowhere/Atlantis',
      );
      expect(await isEmpty(other.db)).toBe(true);
    } finally {
      await other.close();
    }
  });
});
