import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { customerByShortCode, orderActors, orderBody, productBySku } from '../helpers/orders';
import { flagLateStages } from '../../src/jobs/review-sla';
import { startJobs, JOBS } from '../../src/jobs/runner';

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let orderId: string;

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  const customer = await customerByShortCode(a.sales, 'ABC');
  const product = await productBySku(a.sales, 'A-01');
  orderId = (
    await a.sales({
      method: 'POST',
      url: '/api/orders',
      payload: orderBody(customer.id, [{ productId: product.id, qty: 1 }]),
    })
  ).json().id;
  await a.sales({ method: 'POST', url: `/api/orders/${orderId}/submit` });
});
afterAll(() => t.close());

const lateNotices = async () =>
  (await a.director({ method: 'GET', url: '/api/notifications' }))
    .json()
    .items.filter((n: { kind: string }) => n.kind === 'stage_late');

describe('review time limits', () => {
  it('a stage is due 4 working hours after it starts', async () => {
    const stage = (await a.reviewer({ method: 'GET', url: `/api/orders/${orderId}/review` })).json().stages[0];
    expect(stage.stage).toBe('sales');
    expect(new Date(stage.dueAt).getTime()).toBeGreaterThan(new Date(stage.startedAt).getTime());
  });

  it('flags late stages once and tells the supervisor, even when two runners race', async () => {
    expect(await flagLateStages(t.database.db, new Date())).toBe(0);
    const farFuture = new Date(Date.now() + 30 * 86_400_000);
    const [x, y] = await Promise.all([
      flagLateStages(t.database.db, farFuture),
      flagLateStages(t.database.db, farFuture),
    ]);
    expect(x + y).toBe(1);
    expect(await flagLateStages(t.database.db, farFuture)).toBe(0);
    const notices = await lateNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ orderId, params: { stage: 'sales' } });
    const stage = (await a.reviewer({ method: 'GET', url: `/api/orders/${orderId}/review` })).json().stages[0];
    expect(stage.late).toBe(true);
  });

  it('runs as a durable pg-boss job on this database', async () => {
    await sql`update review_stages set due_at = now() - interval '1 hour', late_at = null
      where order_id = ${orderId}`.execute(t.database.db);
    const boss = await startJobs(t.database, () => {});
    try {
      await boss.send(JOBS.reviewSla, {});
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline && (await lateNotices()).length < 2) await new Promise((r) => setTimeout(r, 250));
      expect(await lateNotices()).toHaveLength(2);
    } finally {
      await boss.stop({ graceful: false, wait: true, close: true });
    }
  });
});
