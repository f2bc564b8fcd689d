import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { approveAllStages, orderActors, orderBody, STAGE_USERS, uploadQualification } from '../helpers/orders';
import { confirmOrder } from '../../src/modules/orders/confirm-order';
import { registerOrder } from '../../src/modules/orders/order.service';
import { submitOrder } from '../../src/modules/orders/submit-order';
import { reviewOrder } from '../../src/modules/orders/review-order';
import { listStages } from '../../src/modules/review/review.repository';
import { defaultWorkingHours } from '../../src/lib/calendar/calendar';
import type { Actor } from '../../src/modules/auth/auth.service';

// The round-trip budget of the hot paths (see STYLE.md, "Performance habits"): statements sent to the database
// inside the transaction, BEGIN and COMMIT not counted. A count, not a timing: a change that adds a statement to
// confirming or registering an order fails here instead of slowly eating throughput.
const CONFIRM_BUDGET = 3;
// Registering reads the customer, the settings and the default warehouse in one statement, numbers the order, reads
// the products and the customer's own prices and discount (when a line has no typed price), and writes the order,
// its lines and its history in one statement that answers with them (nothing is read back).
const REGISTER_BUDGET = 5;
// Submitting runs every check the reviewers see (customer, qualification, stock, credit, overdue), the move, the
// price facts the plan needs (products, customer prices), the stages with the first one started, and its notice.
const SUBMIT_BUDGET = 14;
// A review decision: the order locked with its lines, its stages, the settings, the two moves, the next stage
// started and its notice; the sales stage also counts the customer's business and documents (资质).
const APPROVE_BUDGET = 10;

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let actor: Actor;
const actors: Record<string, Actor> = {};
let customerId: string;
const productIds: string[] = [];

/** Counts every statement Kysely sends through the database it is added to. */
function statementCounter() {
  const sent: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      sent.push(args.node.kind);
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { sent, db: t.database.db.withPlugin(plugin) };
}

const env = () => ({ now: new Date(), workingHours: defaultWorkingHours });
const fiveLines = () => productIds.map((productId) => ({ productId, qty: 2 }));

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  const warehouseId = (await a.warehouse({ method: 'GET', url: '/api/warehouses?q=ZC' })).json().items[0].id;
  for (let i = 0; i < 5; i++) {
    const sku = `RT-${i}`;
    const res = await a.admin({
      method: 'POST',
      url: '/api/products',
      payload: { sku, name: sku, listPrice: '100.00', standardCost: '50.00' },
    });
    productIds.push(res.json().id);
  }
  await a.warehouse({
    method: 'POST',
    url: '/api/stock/receipts',
    payload: { warehouseId, lines: productIds.map((productId) => ({ productId, qty: 100 })) },
  });
  const c = await a.finance({
    method: 'POST',
    url: '/api/customers',
    payload: {
      code: 'RTRIP',
      shortCode: 'RTRIP',
      name: 'RTRIP',
      kind: 'ordinary',
      paymentMethod: 'credit',
      paymentDays: 30,
      creditLimit: '10000000.00',
      contacts: [{ name: '甲' }],
      addresses: [{ consignee: '甲', address: '上海' }],
    },
  });
  customerId = c.json().id;
  await uploadQualification(a.sales, customerId);
  const sales = await t.database.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'sales')
    .executeTakeFirstOrThrow();
  actor = {
    userId: sales.id,
    username: 'sales',
    displayName: 'sales',
    companyId: t.companyA,
    roles: ['sales_assistant'],
    sessionId: '',
    sessionKind: 'token',
    csrfToken: '',
  };
  for (const username of Object.values(STAGE_USERS)) {
    const u = await t.database.db
      .selectFrom('users')
      .innerJoin('memberships', 'memberships.user_id', 'users.id')
      .select(['users.id', 'memberships.roles'])
      .where('users.username', '=', username)
      .where('memberships.company_id', '=', t.companyA)
      .executeTakeFirstOrThrow();
    actors[username] = { ...actor, userId: u.id, username, displayName: username, roles: u.roles };
  }
});
afterAll(() => t.close());

describe('round trips of the hot paths', () => {
  it(`confirming a 5-line order takes at most ${CONFIRM_BUDGET} statements and reserves every line`, async () => {
    const o = (
      await a.sales({ method: 'POST', url: '/api/orders', payload: orderBody(customerId, fiveLines()) })
    ).json();
    await a.sales({ method: 'POST', url: `/api/orders/${o.id}/submit` });
    await approveAllStages(t, a, o.id);
    const counter = statementCounter();
    const r = await counter.db
      .transaction()
      .execute((trx) => confirmOrder(trx, actor, env(), o.id, { method: 'electronic' }));
    expect(r.outcome).toBe('confirmed');
    expect(counter.sent.length).toBeLessThanOrEqual(CONFIRM_BUDGET);
    const after = (await a.sales({ method: 'GET', url: `/api/orders/${o.id}` })).json();
    expect(after.status).toBe('confirmed');
    expect(after.lines.map((l: { reserved: number }) => l.reserved)).toEqual([2, 2, 2, 2, 2]);
    // The move written inside the reservation's statement leaves its records once each.
    const history = await t.database.db
      .selectFrom('state_history')
      .select(['from_state', 'to_state'])
      .where('entity_id', '=', o.id)
      .where('event', '=', 'confirm')
      .execute();
    expect(history).toEqual([{ from_state: 'awaiting_confirmation', to_state: 'confirmed' }]);
    const notices = await t.database.db
      .selectFrom('notifications')
      .select('id')
      .where('order_id', '=', o.id)
      .where('kind', '=', 'order_confirmed')
      .execute();
    expect(notices).toHaveLength(1);
  });

  it(`submitting takes at most ${SUBMIT_BUDGET} statements, approving a stage ${APPROVE_BUDGET}`, async () => {
    const o = (
      await a.sales({ method: 'POST', url: '/api/orders', payload: orderBody(customerId, fiveLines()) })
    ).json();
    const submit = statementCounter();
    const submitted = await submit.db.transaction().execute((trx) => submitOrder(trx, actor, env(), o.id));
    expect(submitted.status).toBe('in_review');
    expect(submit.sent.length).toBeLessThanOrEqual(SUBMIT_BUDGET);

    const decided: string[] = [];
    for (let i = 0; i < 10; i++) {
      const pending = (await listStages(t.database.db, t.companyA, o.id)).find((s) => s.status === 'pending');
      if (!pending) break;
      const approve = statementCounter();
      const reviewer = actors[STAGE_USERS[pending.stage as keyof typeof STAGE_USERS]];
      const r = await approve.db
        .transaction()
        .execute((trx) => reviewOrder(trx, reviewer, env(), o.id, { decision: 'approve' }));
      expect(approve.sent.length, pending.stage).toBeLessThanOrEqual(APPROVE_BUDGET);
      decided.push(`${pending.stage}:${r.status}`);
    }
    expect(decided.at(-1)).toMatch(/:awaiting_confirmation$/);
    expect(decided.length).toBeGreaterThanOrEqual(2);
  });

  it(`registering a 5-line order takes at most ${REGISTER_BUDGET} statements`, async () => {
    const counter = statementCounter();
    const order = await counter.db.transaction().execute((trx) =>
      registerOrder(trx, actor, env(), {
        customerId,
        source: 'email',
        urgency: 'normal',
        orderType: 'standard',
        buyerRemark: '',
        sellerRemark: '',
        customerPo: '',
        lines: fiveLines().map((l) => ({ ...l, gift: false })),
      }),
    );
    expect(order.status).toBe('draft');
    expect(order.lines).toHaveLength(5);
    expect(order.total).toBe('1000.00');
    expect(counter.sent.length).toBeLessThanOrEqual(REGISTER_BUDGET);
  });
});
