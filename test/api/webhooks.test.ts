import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { customerByShortCode, orderActors, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { deliverDue, dispatchEvents, backoffMs } from '../../src/modules/webhooks/webhook-sender';
import { recordDomainEvent } from '../../src/lib/domain-events';
import { dailyCashReport } from '../../src/jobs/cash-reminders';

// Webhooks for other systems (issue 13): signed JSON deliveries, retried with back-off, listed with their answers.

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let f: ReturnType<typeof fulfilmentFactories>;
type Received = { body: string; signature: string; event: string; id: string };
const received: Received[] = [];
/** The receiver's answers, taken in order; 200 once they run out. */
let answers: number[] = [];
let server: Server;
let url: string;

type Res = Awaited<ReturnType<TestContext['app']['inject']>>;
const ok = (res: Res, status = 200) => {
  if (res.statusCode !== status) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
};

/** What a receiver does: recompute the HMAC of "t.body" with its secret and compare. */
function verify(secret: string, header: string, body: string) {
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=') as [string, string]));
  const mac = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest('hex');
  return mac === parts.v1;
}

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  f = fulfilmentFactories(t, a);
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const event = JSON.parse(body) as { id: string };
      received.push({
        body,
        signature: String(req.headers['luyue-signature']),
        event: String(req.headers['luyue-event']),
        id: event.id,
      });
      res.statusCode = answers.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
});

afterAll(async () => {
  server?.close();
  await t?.close();
});

describe('webhooks', () => {
  it('a confirmed order reaches the receiver signed; two 500s are retried with back-off, then delivered', async () => {
    const sub = ok(
      await a.admin({ method: 'POST', url: '/api/webhooks', payload: { url, events: ['order.confirmed'] } }),
      201,
    );
    expect(sub.secret).toMatch(/^whsec_/);
    const customer = await customerByShortCode(a.sales, 'ABC');
    const product = await productBySku(a.sales, 'A-01');
    const order = await f.confirmedOrder(customer.id, [{ productId: product.id, qty: 1 }]);

    const now = new Date();
    await dispatchEvents(t.database.db, now);
    received.length = 0;
    answers = [500, 500];
    expect(await deliverDue(t.database.db, now)).toMatchObject({ delivered: 0, failed: 1 });
    // Not due again until the back-off has passed.
    expect(await deliverDue(t.database.db, new Date(now.getTime() + backoffMs(1) - 1000))).toMatchObject({
      failed: 0,
      delivered: 0,
    });
    const second = new Date(now.getTime() + backoffMs(1));
    expect(await deliverDue(t.database.db, second)).toMatchObject({ failed: 1 });
    const third = new Date(second.getTime() + backoffMs(2));
    expect(await deliverDue(t.database.db, third)).toMatchObject({ delivered: 1 });

    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.id)).size).toBe(1);
    for (const r of received) {
      expect(verify(sub.secret, r.signature, r.body)).toBe(true);
      expect(verify('another secret of the same length', r.signature, r.body)).toBe(false);
    }
    const event = JSON.parse(received[2].body);
    expect(event).toMatchObject({
      type: 'order.confirmed',
      data: { entityType: 'order', entityId: order.id, to: 'confirmed' },
    });

    const deliveries = ok(await a.admin({ method: 'GET', url: `/api/webhooks/${sub.id}/deliveries` }));
    expect(deliveries.items).toHaveLength(1);
    expect(deliveries.items[0]).toMatchObject({
      status: 'delivered',
      attempts: 3,
      lastStatusCode: 200,
      eventId: event.id,
      type: 'order.confirmed',
    });
    // A later run sends nothing more.
    expect(await deliverDue(t.database.db, new Date(third.getTime() + 3600_000))).toMatchObject({ delivered: 0 });
    ok(await a.admin({ method: 'DELETE', url: `/api/webhooks/${sub.id}` }));
  });

  it('two senders running at once deliver each event exactly once', async () => {
    const sub = ok(await a.admin({ method: 'POST', url: '/api/webhooks', payload: { url, events: ['*'] } }), 201);
    const now = new Date();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      ids.push(crypto.randomUUID());
      await recordDomainEvent(t.database.db, {
        companyId: t.companyA,
        type: 'receipt.recorded',
        entityType: 'receipt',
        entityId: ids[i],
        data: { n: i },
        at: now,
      });
    }
    await Promise.all([dispatchEvents(t.database.db, now), dispatchEvents(t.database.db, now)]);
    received.length = 0;
    const results = await Promise.all([
      deliverDue(t.database.db, now, { batch: 5 }),
      deliverDue(t.database.db, now, { batch: 5 }),
      deliverDue(t.database.db, now, { batch: 5 }),
    ]);
    await deliverDue(t.database.db, now);
    expect(results.reduce((n, r) => n + r.delivered, 0)).toBeGreaterThan(0);
    const entityIds = received.map((r) => JSON.parse(r.body).data.entityId as string);
    expect(entityIds.sort()).toEqual([...ids].sort());
    ok(await a.admin({ method: 'DELETE', url: `/api/webhooks/${sub.id}` }));
  });

  it('after the last retry a delivery is dead, the admin is told, and it can be sent again', async () => {
    const sub = ok(await a.admin({ method: 'POST', url: '/api/webhooks', payload: { url, events: ['*'] } }), 201);
    const now = new Date();
    await recordDomainEvent(t.database.db, {
      companyId: t.companyA,
      type: 'shipment.delivered',
      entityType: 'shipment',
      entityId: crypto.randomUUID(),
      data: {},
      at: now,
    });
    await dispatchEvents(t.database.db, now);
    answers = [503, 503];
    expect(await deliverDue(t.database.db, now, { maxAttempts: 2 })).toMatchObject({ failed: 1 });
    const later = new Date(now.getTime() + backoffMs(1));
    expect(await deliverDue(t.database.db, later, { maxAttempts: 2 })).toMatchObject({ dead: 1 });
    const [dead] = ok(await a.admin({ method: 'GET', url: `/api/webhooks/${sub.id}/deliveries` })).items;
    expect(dead).toMatchObject({ status: 'dead', attempts: 2, lastStatusCode: 503, actions: ['redeliver'] });
    const notes = ok(await a.admin({ method: 'GET', url: '/api/notifications' }));
    expect(notes.items.some((n: { kind: string }) => n.kind === 'webhook_dead')).toBe(true);

    expect(ok(await a.admin({ method: 'POST', url: `/api/webhook-deliveries/${dead.id}/redeliver` }))).toMatchObject({
      status: 'pending',
    });
    expect(await deliverDue(t.database.db, new Date(later.getTime() + 1000))).toMatchObject({ delivered: 1 });
    ok(await a.admin({ method: 'DELETE', url: `/api/webhooks/${sub.id}` }));
  });

  it('refuses a bad URL or event naming the field, other roles, and another company’s subscription', async () => {
    const bad = await a.admin({ method: 'POST', url: '/api/webhooks', payload: { url: 'ftp://x', events: ['*'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((e: { path: string }) => e.path)).toContain('url');
    const unknown = await a.admin({
      method: 'POST',
      url: '/api/webhooks',
      payload: { url, events: ['order.teleported'] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].path).toMatch(/^events/);
    expect((await a.sales({ method: 'GET', url: '/api/webhooks' })).statusCode).toBe(403);

    const sub = ok(await a.admin({ method: 'POST', url: '/api/webhooks', payload: { url, events: ['*'] } }), 201);
    const adminB = t.as(await t.token('admin', t.companyB));
    expect((await adminB({ method: 'GET', url: `/api/webhooks/${sub.id}/deliveries` })).statusCode).toBe(404);
    expect((await adminB({ method: 'DELETE', url: `/api/webhooks/${sub.id}` })).statusCode).toBe(404);
    const list = ok(await a.admin({ method: 'GET', url: '/api/webhooks' }));
    expect(list.items.map((s: { id: string }) => s.id)).toContain(sub.id);
    expect(JSON.stringify(list)).not.toContain('whsec_');
    expect(list.eventTypes).toContain('shipment.shipped');
  });

  it('a receipt recorded and a receivable falling overdue are events, the overdue one told once', async () => {
    const customer = await customerByShortCode(a.sales, 'ABC');
    const receipt = ok(
      await a.finance({
        method: 'POST',
        url: '/api/receipts',
        payload: {
          customerId: customer.id,
          amount: '100.00',
          receivedOn: '2026-11-20',
          method: 'bank_transfer',
          reference: 'HOOK-1',
          applications: [],
        },
      }),
      201,
    );
    const db = t.database.db;
    const eventsOf = (type: string, entityId: string) =>
      db.selectFrom('domain_events').selectAll().where('type', '=', type).where('entity_id', '=', entityId).execute();
    const [recorded] = await eventsOf('receipt.recorded', receipt.id);
    expect(recorded.data).toMatchObject({ customerId: customer.id, amount: '100.00' });

    const due = await db
      .insertInto('receivables')
      .values({
        company_id: t.companyA,
        customer_id: customer.id,
        kind: 'shipment',
        amount: '250.00',
        due_date: '2026-01-10',
        reminded_at: null,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await dailyCashReport(db, '2026-02-01', new Date('2026-02-01T00:00:00Z'));
    await dailyCashReport(db, '2026-02-02', new Date('2026-02-02T00:00:00Z'));
    const overdue = await eventsOf('receivable.overdue', due.id);
    expect(overdue).toHaveLength(1);
    expect(overdue[0].data).toMatchObject({ outstanding: '250.00', dueDate: '2026-01-10', daysOverdue: 22 });
  });
});
