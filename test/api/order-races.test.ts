import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { approveAllStages, customerByShortCode, orderActors, orderBody, uploadQualification } from '../helpers/orders';
import { ledgerMismatches } from '../../src/modules/stock/stock.repository';

// Races are proven on PostgreSQL (several real connections); on PGlite everything is serialized and
// these tests check the logic only.
let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let warehouseId: string;

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  warehouseId = (await a.warehouse({ method: 'GET', url: '/api/warehouses?q=ZC' })).json().items[0].id;
});
afterAll(() => t.close());

async function newProduct(sku: string, onHand: number) {
  const id = (
    await a.admin({
      method: 'POST',
      url: '/api/products',
      payload: { sku, name: sku, listPrice: '1000.00', standardCost: '500.00' },
    })
  ).json().id;
  if (onHand)
    await a.warehouse({
      method: 'POST',
      url: '/api/stock/receipts',
      payload: { warehouseId, lines: [{ productId: id, qty: onHand }] },
    });
  return id;
}

async function newCustomer(code: string, creditLimit: string) {
  const c = (
    await a.finance({
      method: 'POST',
      url: '/api/customers',
      payload: {
        code,
        shortCode: code,
        name: code,
        kind: 'ordinary',
        paymentMethod: 'credit',
        paymentDays: 30,
        creditLimit,
        contacts: [{ name: '甲' }],
        addresses: [{ consignee: '甲', address: '上海' }],
      },
    })
  ).json();
  await uploadQualification(a.sales, c.id);
  return c.id as string;
}

/** Orders registered, reviewed and waiting for the customer's confirmation. */
async function ordersAwaitingConfirmation(customerId: string, productId: string, n: number, qty = 1) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const o = (
      await a.sales({ method: 'POST', url: '/api/orders', payload: orderBody(customerId, [{ productId, qty }]) })
    ).json();
    await a.sales({ method: 'POST', url: `/api/orders/${o.id}/submit` });
    ids.push(o.id);
  }
  for (const id of ids) await approveAllStages(t, a, id);
  return ids;
}

describe('races', () => {
  it(
    '32 clients confirming 32 one-unit orders for 10 available ' + 'units: exactly 10 reserved, 22 backordered',
    async () => {
      const productId = await newProduct('RACE-CONF', 10);
      const customerId = await newCustomer('RACEA', '10000000.00');
      const ids = await ordersAwaitingConfirmation(customerId, productId, 32);
      const results = await Promise.all(
        ids.map((id) =>
          a.sales({ method: 'POST', url: `/api/orders/${id}/confirm`, payload: { method: 'electronic' } }),
        ),
      );
      expect(results.map((r) => r.statusCode)).toEqual(Array(32).fill(200));
      const lines = results.map((r) => r.json().order.lines[0]);
      expect(lines.reduce((n, l) => n + l.reserved, 0)).toBe(10);
      expect(lines.reduce((n, l) => n + l.backordered, 0)).toBe(22);
      const stock = (await a.sales({ method: 'GET', url: `/api/stock?product=${productId}` })).json().items[0];
      expect(stock).toMatchObject({ onHand: 10, reserved: 10, available: 0 });
      expect(await ledgerMismatches(t.database.db, t.companyA)).toEqual([]);
    },
  );

  it('an earmark committed while a confirmation waits for the stock is left to its customer', async () => {
    const productId = await newProduct('RACE-EARMARK', 10);
    const owner = await newCustomer('RACEE1', '10000000.00');
    const [id] = await ordersAwaitingConfirmation(await newCustomer('RACEE2', '10000000.00'), productId, 1, 10);
    const db = t.database.db;
    let confirming: ReturnType<typeof a.sales> | undefined;
    // Production's receipt for the owner holds the balance and earmarks the 10 units; the other customer's
    // confirmation starts meanwhile and waits for the balance.
    await db.transaction().execute(async (trx) => {
      await sql`select 1 from stock_balances where company_id = ${t.companyA} and product_id = ${productId}
                for update`.execute(trx);
      await sql`insert into stock_earmarks (company_id, warehouse_id, product_id, customer_id, qty, remaining,
                  created_at)
                values (${t.companyA}, ${warehouseId}, ${productId}, ${owner}, 10, 10, now())`.execute(trx);
      confirming = a.sales({ method: 'POST', url: `/api/orders/${id}/confirm`, payload: { method: 'electronic' } });
      // On PostgreSQL the confirmation is seen waiting for the lock before the earmark commits; the embedded
      // database runs it after this transaction (one connection), which checks the outcome only.
      if (t.database.engine === 'postgresql') {
        for (let waiting = false; !waiting;) {
          await new Promise((r) => setTimeout(r, 20));
          const r = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
            where wait_event_type = 'Lock' and query like '%reserve-unless-earmarked%'`.execute(db);
          waiting = r.rows[0].n > 0;
        }
      }
    });
    const confirmed = await confirming!;
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().order.lines[0]).toMatchObject({ reserved: 0, backordered: 10 });
    const stock = (await a.sales({ method: 'GET', url: `/api/stock?product=${productId}` })).json().items[0];
    expect(stock).toMatchObject({ onHand: 10, reserved: 0 });
    expect(await ledgerMismatches(db, t.companyA)).toEqual([]);
  });

  it(
    '50 parallel registrations for one customer in one month are ' + 'numbered 001–050 without gap or duplicate',
    async () => {
      const productId = await newProduct('RACE-NUM', 0);
      const customerId = await newCustomer('RACEN', '0.00');
      const results = await Promise.all(
        Array.from({ length: 50 }, () =>
          a.sales({ method: 'POST', url: '/api/orders', payload: orderBody(customerId, [{ productId, qty: 1 }]) }),
        ),
      );
      expect(results.every((r) => r.statusCode === 201)).toBe(true);
      const seqs = results.map((r) => Number(r.json().number.split('-').pop())).sort((x, y) => x - y);
      expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    },
  );

  it(
    '32 concurrent confirmations of ¥1,000 orders with ¥10,000 of ' +
      'credit: at most 10 pass, the rest wait for the director',
    async () => {
      const productId = await newProduct('RACE-CREDIT', 100);
      const customerId = await newCustomer('RACEC', '10000.00');
      const ids = await ordersAwaitingConfirmation(customerId, productId, 32);
      const results = await Promise.all(
        ids.map((id) =>
          a.sales({ method: 'POST', url: `/api/orders/${id}/confirm`, payload: { method: 'electronic' } }),
        ),
      );
      expect(results.every((r) => r.statusCode === 200)).toBe(true);
      const outcomes = results.map((r) => r.json().outcome);
      expect(outcomes.filter((o) => o === 'confirmed')).toHaveLength(10);
      expect(outcomes.filter((o) => o === 'escalated_to_director')).toHaveLength(22);
      const escalated = results.find((r) => r.json().outcome === 'escalated_to_director')!.json().order;
      expect(escalated.status).toBe('in_review');
      const stages = (await a.director({ method: 'GET', url: `/api/orders/${escalated.id}/review` })).json().stages;
      expect(stages.at(-1)).toMatchObject({ stage: 'director', status: 'pending' });
    },
  );

  it('plans statements without parallel workers, whose start costs more than the short reads they share', async () => {
    // Both engines: the server's pool asks for none per connection, the embedded engine has no workers to start.
    const shown = await sql<{ max_parallel_workers_per_gather: string }>`show max_parallel_workers_per_gather`.execute(
      t.database.db,
    );
    expect(shown.rows[0].max_parallel_workers_per_gather).toBe('0');
  });
});
