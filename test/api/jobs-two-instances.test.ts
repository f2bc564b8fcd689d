import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import { connectPostgres, type Database } from '../../src/db/connect';
import { jobDefinitions, JOBS, type JobDefinition } from '../../src/jobs/runner';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo.seed';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors, orderBody, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';

// Several stateless app instances behind a load balancer share one database (DESIGN.md). Two app + job runner pairs
// run every durable job at the same moment; each due item must be handled once. On PostgreSQL the second instance
// has its own connection pool, so the runs truly overlap; on the embedded database both share its one connection.

const NOW = new Date('2026-12-01T02:00:00Z');
// The runners' clock: the next morning (10:00 in Shanghai), when everything below has fallen due.
const RUN_AT = new Date('2026-12-02T02:00:00Z');

let t: TestContext;
let second: { database: Database; app: FastifyInstance; ownsDatabase: boolean };
const errors: string[] = [];
const quotations: string[] = [];
const inReview: string[] = [];
const exportOrders: string[] = [];

const ok = async (p: Promise<{ statusCode: number; body: string }>, status = 200) => {
  const r = await p;
  if (r.statusCode !== status) throw new Error(`${r.statusCode} ${r.body}`);
  return r as unknown as { json: () => any };
};

beforeAll(async () => {
  t = await createTestContext();
  t.setNow(NOW);
  const database =
    'url' in t.database.jobsDb ? await connectPostgres(t.database.jobsDb.url, 10) : (t.database as Database);
  const app = await buildApp({ ...t.appContext, db: database.db, engine: database.engine });
  await app.ready();
  second = { database, app, ownsDatabase: database !== t.database };

  const a = await orderActors(t);
  const f = fulfilmentFactories(t, a);
  const product = await productBySku(a.sales, 'A-01');
  // The second instance's app serves the sales user's requests from here on, as a load balancer would.
  const login = await ok(
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'sales', password: DEMO_PASSWORD } }),
  );
  const salesB = (opts: object) =>
    app.inject({ ...opts, headers: { authorization: `Bearer ${login.json().token}` } } as never);

  // Quotations sent with a validity ending today: the expiry job's work tomorrow.
  const customer = await f.newCustomer('TWO', 'credit');
  const quoted = await ok(
    a.admin({
      method: 'POST',
      url: '/api/products',
      payload: { sku: 'TWO-Q', name: '报价品 TWO', listPrice: '100.00', standardCost: '60.00' },
    }),
    201,
  );
  for (let i = 0; i < 3; i++) {
    const q = await ok(
      salesB({
        method: 'POST',
        url: '/api/quotations',
        payload: {
          customerId: customer,
          validUntil: '2026-12-01',
          expectedDeliveryDate: '2026-12-28',
          lines: [{ productId: quoted.json().id, qty: 2 }],
        },
      }),
      201,
    );
    await ok(salesB({ method: 'POST', url: `/api/quotations/${q.json().id}/send` }));
    quotations.push(q.json().id);
  }
  // Orders waiting in review: their first stage is late tomorrow (the SLA job tells its supervisor).
  for (let i = 0; i < 3; i++) {
    const o = await ok(
      salesB({ method: 'POST', url: '/api/orders', payload: orderBody(customer, [{ productId: product.id, qty: 1 }]) }),
      201,
    );
    await ok(salesB({ method: 'POST', url: `/api/orders/${o.json().id}/submit` }));
    inReview.push(o.json().id);
  }
  // Export orders shipping within 7 days with no inspection booked (the inspection reminder).
  await ok(
    a.admin({
      method: 'POST',
      url: '/api/exchange-rates',
      payload: { currency: 'USD', rateDate: '2026-11-30', rate: '7.1234' },
    }),
    201,
  );
  for (let i = 0; i < 2; i++) {
    const o = await f.confirmedOrder(customer, [{ productId: product.id, qty: 1 }], {
      currency: 'USD',
      tradeTerm: 'FOB',
      expectedDeliveryDate: '2026-12-05',
    });
    exportOrders.push(o.id);
  }
  // A receivable long overdue: the daily cash report's list to finance and the sales director.
  await t.database.db
    .insertInto('receivables')
    .values({
      company_id: t.companyA,
      customer_id: customer,
      kind: 'shipment',
      amount: '250.00',
      due_date: '2026-10-10',
      reminded_at: null,
    } as never)
    .execute();
}, 300_000);

afterAll(async () => {
  t.setNow(undefined);
  await second?.app.close();
  if (second?.ownsDatabase) await second.database.close();
  await t.close();
});

/** One instance's job runner: every timed job run now, all at once (imports need a queued file: not timed). */
function runner(database: Database) {
  const jobs = jobDefinitions(database, {
    clock: () => new Date(RUN_AT),
    log: (msg, err) => errors.push(`${msg} ${err ?? ''}`),
  }).filter((j) => j.name !== JOBS.imports);
  return { jobs, run: (name: string) => jobs.find((j: JobDefinition) => j.name === name)!.run({}) };
}

/**
 * Notifications that say the same thing to the same user about the same order more than once. A dead message's
 * notice names its kind and channel, not the message, so two dead messages look alike: those are counted by message.
 */
async function duplicatedNotifications() {
  const rows = await sql<{ kind: string; n: number }>`
    select kind, count(*)::int as n from notifications where kind <> 'message_dead'
    group by company_id, user_id, kind, order_id, params::text having count(*) > 1`.execute(t.database.db);
  return rows.rows;
}

const countWhere = async (query: ReturnType<typeof sql<{ n: number }>>) =>
  (await query.execute(t.database.db)).rows[0].n;

describe('two app instances against one database', () => {
  it('run every timed job at the same moment, and each due item is handled once', async () => {
    const first = runner(t.database);
    const other = runner(second.database);
    expect(first.jobs.map((j) => j.name)).toEqual(
      expect.arrayContaining([
        JOBS.quotationExpiry,
        JOBS.reviewSla,
        JOBS.monthlyReports,
        JOBS.inspectionReminders,
        JOBS.cashReminders,
      ]),
    );
    // Twice over: two instances racing, then both again (a retry or a late catch-up run) finding nothing new.
    // Each job is started on both instances in the same instant (as two instances whose timers fire together), and
    // every job at once besides.
    const race = () => Promise.all(first.jobs.map((j) => Promise.all([first.run(j.name), other.run(j.name)])));
    for (let round = 0; round < 2; round++) await race();
    // No channel is configured here, so each message due is tried once and fails for that; nothing else fails.
    const tries = errors.filter((e) => / try \d+ failed: PermanentFailure: \w+ not configured/.test(e));
    expect(errors.filter((e) => !tries.includes(e))).toEqual([]);
    const tried = tries.map((e) => e.split(' ')[1]);
    expect(tried.length).toBeGreaterThan(0);
    expect(new Set(tried).size).toBe(tried.length);
    const givenUp = await sql<{ n: number }>`
      select count(*)::int as n from state_history where event = 'give_up' and entity_id in (${sql.join(tried)})
      group by entity_id`.execute(t.database.db);
    expect(givenUp.rows.map((r) => r.n)).toEqual(tried.map(() => 1));

    // Quotation expiry: each quotation expired once (one history row).
    const expiries = await sql<{ entity_id: string; n: number }>`
      select entity_id, count(*)::int as n from state_history
      where event = 'expire' and entity_id in (${sql.join(quotations)}) group by entity_id`.execute(t.database.db);
    expect(expiries.rows.map((r) => r.n)).toEqual([1, 1, 1]);

    // Review SLA: each order's late stage marked once and its supervisor told once.
    const lateNotices = await sql<{ order_id: string; n: number }>`
      select order_id, count(distinct user_id)::int as users, count(*)::int as n from notifications
      where kind = 'stage_late' and order_id in (${sql.join(inReview)}) group by order_id`.execute(t.database.db);
    expect(lateNotices.rows).toHaveLength(3);

    // Monthly report: November's report built once per company and announced once.
    const companies = await countWhere(sql`select count(*)::int as n from companies`);
    expect(await countWhere(sql`select count(*)::int as n from monthly_reports where month = '2026-11'`)).toBe(
      companies,
    );
    expect(
      await countWhere(sql`select count(*)::int as n from notifications where kind = 'monthly_report_ready'`),
    ).toBeGreaterThan(0);

    // Inspection reminder: each export order's registrar told once for the day.
    const reminders = await sql<{ order_id: string; n: number }>`
      select order_id, count(*)::int as n from notifications
      where kind = 'inspection_not_booked' and order_id in (${sql.join(exportOrders)}) group by order_id`.execute(
      t.database.db,
    );
    expect(reminders.rows.map((r) => r.n)).toEqual([1, 1]);

    // Payment reminders to customers: one per receivable.
    const twice = await sql<{ n: number }>`
      select count(*)::int as n from outbox_messages where kind = 'payment_reminder'
      group by company_id, params::text having count(*) > 1`.execute(t.database.db);
    expect(twice.rows).toEqual([]);

    // The daily cash report: its overdue list told once for the day to each finance user and sales director.
    const overdueLists = await sql<{ n: number }>`
      select count(*)::int as n from notifications where kind = 'overdue_receivables' and company_id = ${t.companyA}
      group by user_id`.execute(t.database.db);
    expect(overdueLists.rows.length).toBeGreaterThan(1);
    expect(overdueLists.rows.map((r) => r.n)).toEqual(overdueLists.rows.map(() => 1));

    // And across every job: no notification said twice.
    expect(await duplicatedNotifications()).toEqual([]);
  });
});
