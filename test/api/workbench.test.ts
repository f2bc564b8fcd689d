import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors, orderBody, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { defaultWorkingHours } from '../../src/lib/calendar/calendar';
import type { Actor } from '../../src/modules/auth/auth.service';
import { workbench } from '../../src/modules/workbench/workbench.service';

// 工作台: each role's to-dos, counted by the same list the card opens.

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let f: ReturnType<typeof fulfilmentFactories>;
type Todo = { key: string; path: string; count: number; late?: number };
type As = ReturnType<TestContext['as']>;

const workbenchOf = async (as: As) => (await as({ method: 'GET', url: '/api/workbench' })).json();
const todo = async (as: As, key: string): Promise<Todo | undefined> =>
  (await workbenchOf(as)).todos.find((d: Todo) => d.key === key);

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  f = fulfilmentFactories(t, a);
});
afterAll(() => t.close());

describe('workbench', () => {
  it('shows a sales assistant their drafts, and the count equals the list the card opens', async () => {
    const before = (await todo(a.sales, 'myDrafts'))!;
    expect(before.path).toBe('/orders?status=draft&mine=true');
    const customerId = await f.newCustomer('WB1');
    const product = await productBySku(a.sales, 'A-01');
    const o = await a.sales({
      method: 'POST',
      url: '/api/orders',
      payload: orderBody(customerId, [{ productId: product.id, qty: 1 }]),
    });
    expect(o.statusCode).toBe(201);
    const after = (await todo(a.sales, 'myDrafts'))!;
    expect(after.count).toBe(before.count + 1);
    const list = (await a.sales({ method: 'GET', url: `/api/orders?status=draft&mine=true` })).json();
    expect(after.count).toBe(list.total);
    const keys = (await workbenchOf(a.sales)).todos.map((d: Todo) => d.key);
    expect(keys).not.toContain('toPick');
    expect((await workbenchOf(a.sales)).month).toBeNull();
  });

  it("counts each order card as its order list does, the user's own orders apart from the company's", async () => {
    const customerId = await f.newCustomer('WB4');
    const product = await productBySku(a.sales, 'A-01');
    const o = await a.admin({
      method: 'POST',
      url: '/api/orders',
      payload: orderBody(customerId, [{ productId: product.id, qty: 1 }]),
    });
    expect(o.statusCode).toBe(201);
    const total = async (as: As, path: string) => (await as({ method: 'GET', url: `/api${path}` })).json().total;
    for (const as of [a.admin, a.sales, a.orderadmin]) {
      const cards = (await workbenchOf(as)).todos.filter((d: Todo) => d.path.startsWith('/orders?'));
      expect(cards.length).toBeGreaterThan(0);
      for (const d of cards)
        expect({ key: d.key, count: d.count }).toEqual({ key: d.key, count: await total(as, d.path) });
    }
    // The admin's drafts are the one they registered, not the salesperson's.
    expect((await todo(a.admin, 'myDrafts'))!.count).toBe(1);
    expect(await total(a.admin, '/orders?status=draft')).toBeGreaterThan(1);
  });

  it('shows the reviewer the orders waiting for their stage, and which are past their time limit', async () => {
    const customerId = await f.newCustomer('WB2');
    const product = await productBySku(a.sales, 'A-01');
    const before = (await todo(a.reviewer, 'toReview'))!;
    const o = (
      await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(customerId, [{ productId: product.id, qty: 1 }]),
      })
    ).json();
    expect((await a.sales({ method: 'POST', url: `/api/orders/${o.id}/submit` })).statusCode).toBe(200);
    const now = (await todo(a.reviewer, 'toReview'))!;
    expect(now.path).toBe('/review');
    expect(now.count).toBe(before.count + 1);
    // Ten days on, every one of them is past its time limit (asked of the service: a session idle that long ends).
    const me = (await a.reviewer({ method: 'GET', url: '/api/auth/me' })).json();
    const actor = { userId: me.user.id, companyId: t.companyA, roles: me.roles } as unknown as Actor;
    const later = { now: new Date(Date.now() + 10 * 24 * 3600_000), workingHours: defaultWorkingHours };
    const lateNow = (await workbench(t.database.db, actor, later)).todos.find((d) => d.key === 'toReview')!;
    expect(lateNow.count).toBe(now.count);
    expect(lateNow.late).toBe(now.count);
  });

  it("shows the warehouse what is to pick, as its queue counts it, and managers the month's figures", async () => {
    const customerId = await f.newCustomer('WB3');
    const product = await productBySku(a.sales, 'A-01');
    await f.confirmedOrder(customerId, [{ productId: product.id, qty: 2 }]);
    const pick = (await todo(a.warehouse, 'toPick'))!;
    const queue = (await a.warehouse({ method: 'GET', url: '/api/fulfilment/queue?queue=warehouse' })).json();
    expect(pick.count).toBe(queue.total);
    expect(pick.count).toBeGreaterThan(0);
    expect(pick.path).toBe('/warehouse');
    const finance = (await a.finance({ method: 'GET', url: '/api/fulfilment/queue?queue=finance' })).json();
    expect((await todo(a.finance, 'awaitingPayment'))!.count).toBe(finance.total);
    const month = (await workbenchOf(a.director)).month;
    expect(month.orders).toBeGreaterThan(0);
    expect(month.value).toMatch(/^\d+\.\d{2}$/);
    expect(month.from.endsWith('-01')).toBe(true);
  });

  it('counts changes and returns waiting for the director as their lists do', async () => {
    const keys = (await workbenchOf(a.director)).todos.map((d: Todo) => d.key);
    expect(keys).toEqual(expect.arrayContaining(['changeApprovals', 'returnsToReview', 'prepToDecide']));
    const changes = (await a.director({ method: 'GET', url: '/api/change-requests?stage=mine' })).json();
    expect((await todo(a.director, 'changeApprovals'))!.count).toBe(changes.items.length);
    const returns = (await a.director({ method: 'GET', url: '/api/returns?status=requested' })).json();
    expect((await todo(a.director, 'returnsToReview'))!).toMatchObject({
      count: returns.total,
      path: '/returns?status=requested',
    });
    expect((await workbenchOf(a.warehouse)).todos.map((d: Todo) => d.key)).toContain('returnsToReceive');
  });
});
