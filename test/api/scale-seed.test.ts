import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedScale, scaleUsername, type ScaleResult } from '../../src/modules/scale/scale-seed';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { assertInvariants } from '../helpers/invariants';
import { openReceivables, overdueOutstandingCount } from '../../src/modules/receivables/receivable.service';

// The scale seed (luyue seed-scale) writes what the app itself would have written: counts as asked, every order's
// status agreeing with its lines, shipments and history, the books holding (with the database's own triggers on),
// the demo companies untouched, and the app's lists, order page, 工作台 and statement answering on the data.

let t: TestContext;
let seeded: ScaleResult;
const ORDERS = 300;
const now = new Date();

beforeAll(async () => {
  t = await createTestContext();
  seeded = await seedScale(t.database.db, {
    orders: ORDERS,
    customers: 40,
    products: 60,
    batch: 120,
    companyCode: 'SC',
    seed: 7,
    now,
    fastLoad: false,
  });
}, 120_000);
afterAll(async () => t?.close());

const rows = async <T>(q: ReturnType<typeof sql<T>>) => (await q.execute(t.database.db)).rows;

describe('scale seed', () => {
  it('writes the orders, lines and master data asked for, in one new company', async () => {
    const [c] = await rows(sql<{ orders: number; lines: number; customers: number; products: number }>`
      select (select count(*)::int from orders where company_id = ${seeded.companyId}) as orders,
             (select count(*)::int from order_lines where company_id = ${seeded.companyId}) as lines,
             (select count(*)::int from customers where company_id = ${seeded.companyId}) as customers,
             (select count(*)::int from products where company_id = ${seeded.companyId}) as products`);
    expect(c).toEqual({ orders: ORDERS, lines: seeded.rows.order_lines, customers: 40, products: 60 });
    expect(c.lines).toBeGreaterThanOrEqual(ORDERS * 3);
    expect(c.lines).toBeLessThanOrEqual(ORDERS * 7);
    const statuses = await rows(sql<{ status: string }>`
      select distinct status from orders where company_id = ${seeded.companyId}`);
    expect(statuses.map((s) => s.status)).toContain('completed');
    expect(seeded.rows.shipments).toBeGreaterThan(ORDERS / 2);
    expect(seeded.rows.customer_receipts).toBeGreaterThan(0);
  });

  it('holds the notices the orders sent: per review stage started, confirmation, rejection, cancellation', async () => {
    const [n] = await rows(sql<Record<string, number>>`
      select (select count(*)::int from notifications where company_id = ${seeded.companyId}
                 and kind = 'review_assigned') as review,
             (select count(*)::int from review_stages where company_id = ${seeded.companyId}
                 and started_at is not null) as started,
             (select count(*)::int from notifications x join orders o on o.company_id = x.company_id
                 and o.id = x.order_id and o.registrar_id = x.user_id and o.confirmed_at = x.created_at
               where x.company_id = ${seeded.companyId} and x.kind = 'order_confirmed') as confirmed,
             (select count(*)::int from orders where company_id = ${seeded.companyId}
                 and confirmed_at is not null) as confirmations,
             (select count(*)::int from notifications x join orders o on o.company_id = x.company_id
                 and o.id = x.order_id and o.registrar_id = x.user_id and o.status = 'rejected'
               where x.company_id = ${seeded.companyId} and x.kind = 'order_rejected') as rejected,
             (select count(*)::int from notifications x join orders o on o.company_id = x.company_id
                 and o.id = x.order_id and o.registrar_id = x.user_id and o.cancelled_at = x.created_at
               where x.company_id = ${seeded.companyId} and x.kind = 'order_cancelled') as cancelled,
             (select count(*)::int from notifications where company_id = ${seeded.companyId}
                 and read_at is null) as unread,
             (select count(*)::int from notifications where company_id = ${seeded.companyId}) as total`);
    expect(n.review).toBe(n.started);
    expect(n.confirmed).toBe(n.confirmations);
    expect(n.total).toBe(n.review + n.confirmed + n.rejected + n.cancelled);
    expect(n.rejected).toBeGreaterThan(0);
    expect(n.cancelled).toBeGreaterThan(0);
    expect(n.unread).toBeGreaterThan(0);
    expect(n.unread).toBeLessThan(n.total);
  });

  it("agrees every order's status with its lines and shipments", async () => {
    const wrong = await rows(sql<Record<string, unknown>>`
      with per as (
        select o.id, o.status,
               bool_and(l.shipped = l.qty) as all_shipped, bool_or(l.shipped > 0) as some_shipped,
               bool_or(l.reserved > 0) as some_reserved,
               (select count(*) from shipments s where s.company_id = o.company_id and s.id in
                  (select shipment_id from shipment_lines x where x.company_id = o.company_id and x.order_id = o.id)
                  and s.status in ('to_pick', 'picked', 'rechecked', 'packed')) as open_shipments,
               (select count(*) from shipments s where s.company_id = o.company_id and s.id in
                  (select shipment_id from shipment_lines x where x.company_id = o.company_id and x.order_id = o.id)
                  and s.status = 'delivered') as delivered_shipments
          from orders o join order_lines l on l.company_id = o.company_id and l.order_id = o.id
         where o.company_id = ${seeded.companyId}
         group by o.company_id, o.id, o.status)
      select * from per where not case
        when status in ('shipped', 'delivered', 'completed') then all_shipped and not some_reserved
        when status = 'partially_shipped' then some_shipped and not all_shipped and some_reserved
        when status in ('confirmed', 'on_hold') then not some_shipped and some_reserved and open_shipments = 0
        when status = 'in_fulfillment' then not some_shipped and some_reserved and open_shipments = 1
        else not some_shipped and not some_reserved and open_shipments = 0 end
        or (status in ('delivered', 'completed')) <> (delivered_shipments > 0)`);
    expect(wrong).toEqual([]);
  });

  it('leaves review stages pending only on orders in review, as review does', async () => {
    const stages = await rows(sql<{ status: string; in_review: boolean; started: boolean; n: number }>`
      select s.status, o.status = 'in_review' as in_review, s.started_at is not null as started, count(*)::int as n
        from review_stages s join orders o on o.company_id = s.company_id and o.id = s.order_id
       where s.company_id = ${seeded.companyId}
       group by 1, 2, 3`);
    expect(stages.filter((s) => s.status === 'pending' && !s.in_review)).toEqual([]);
    // Rejected and cancelled orders closed theirs.
    expect(stages.some((s) => s.status === 'cancelled')).toBe(true);
  });

  it("ends each order's history at its status, one row per change", async () => {
    const wrong = await rows(sql<Record<string, unknown>>`
      select o.number, o.status, h.to_state, h.n from orders o
        join lateral (select count(*)::int as n,
                             (array_agg(to_state order by at desc, id desc))[1] as to_state,
                             bool_and(from_state is null) filter (where event = 'register') as starts
                        from state_history h
                       where h.company_id = o.company_id and h.entity_type = 'order' and h.entity_id = o.id) h on true
       where o.company_id = ${seeded.companyId} and (h.to_state is distinct from o.status or not h.starts)`);
    expect(wrong).toEqual([]);
  });

  it('keeps the books: stock, reservations, shipped units, receipts and receivables agree', async () => {
    await expect(assertInvariants(t.database.db)).resolves.toBeUndefined();
  });

  it("counts overdue receivables in the database as the receivables list's rule does", async () => {
    const today = now.toISOString().slice(0, 10);
    const listed = (await openReceivables(t.database.db, seeded.companyId, today)).filter(
      (r) => r.daysOverdue > 0 && r.bucket !== 'paid',
    );
    expect(listed.length).toBeGreaterThan(0);
    expect(await overdueOutstandingCount(t.database.db, seeded.companyId, today)).toBe(listed.length);
  });

  it('leaves the other companies alone: their users see none of its orders', async () => {
    const [foreign] = await rows(sql<{ n: number }>`
      select count(*)::int as n from orders o
        join customers c on c.company_id = o.company_id and c.id = o.customer_id
       where o.company_id <> ${seeded.companyId} and c.code like 'K%'`);
    expect(foreign.n).toBe(0);
    const demo = await t.as(await t.token('admin'))({ method: 'GET', url: '/api/orders?pageSize=5' });
    expect(demo.statusCode).toBe(200);
    expect(demo.json().total).toBe(0);
  });

  it("answers the order list, the order page, every role's 工作台, the statement and the warehouse queue", async () => {
    const as = async (name: string) => t.as(await t.token(scaleUsername('SC', name), seeded.companyId));
    const admin = await as('admin');
    const list = await admin({ method: 'GET', url: '/api/orders?pageSize=20&sort=orderDate&order=desc' });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(ORDERS);
    const first = list.json().items[0];
    const filtered = await admin({
      method: 'GET',
      url: `/api/orders?status=completed&customer=${first.customer.id}&q=${encodeURIComponent('有限')}&page=2`,
    });
    expect(filtered.statusCode).toBe(200);
    const page = await admin({ method: 'GET', url: `/api/orders/${first.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.json().lines.length).toBeGreaterThanOrEqual(3);
    for (const name of ['admin', 'sales01', 'reviewer', 'finance', 'director', 'orderadmin', 'warehouse', 'service']) {
      const wb = await (await as(name))({ method: 'GET', url: '/api/workbench' });
      expect({ name, status: wb.statusCode }).toEqual({ name, status: 200 });
    }
    const year = now.toISOString().slice(0, 4);
    const statement = await (
      await as('finance')
    )({
      method: 'GET',
      url: `/api/customers/${first.customer.id}/statement?from=${Number(year) - 1}-01-01&to=${Number(year) - 1}-12-31`,
    });
    expect(statement.statusCode).toBe(200);
    const queue = await (await as('warehouse'))({ method: 'GET', url: '/api/fulfilment/queue?queue=warehouse' });
    expect(queue.statusCode).toBe(200);
    expect(queue.json().total).toBeGreaterThan(0);
  });
});
