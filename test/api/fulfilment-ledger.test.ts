import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { findViolations } from '../helpers/invariants';
import { addWorkingHours, defaultWorkingHours } from '../../src/lib/calendar/calendar';
import { createShipment } from '../../src/modules/shipping/create-shipment';
import { recountInShipment } from '../../src/modules/shipping/shipment.repository';

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let f: ReturnType<typeof fulfilmentFactories>;
const p: Record<string, { id: string }> = {};

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  f = fulfilmentFactories(t, a);
  p.B = await productBySku(a.sales, 'B-02');
  p.C = await productBySku(a.sales, 'C-01');
});
afterAll(() => t.close());

const stockOf = async (productId: string) =>
  (await a.sales({ method: 'GET', url: `/api/stock?product=${productId}` })).json().items[0];
const movementCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('stock_movements')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the ledger cannot drift', () => {
  it(
    'a shipment naming one order line twice is checked on the sum: 6 + 5 of 10 reserved is refused, ' +
      'nothing written',
    async () => {
      const customer = await f.newCustomer('DUP1');
      const order = await f.confirmedOrder(customer, [{ productId: p.B.id, qty: 10 }]);
      const other = await f.confirmedOrder(await f.newCustomer('DUP2'), [{ productId: p.B.id, qty: 3 }]);
      const before = await stockOf(p.B.id);
      const moves = await movementCount();

      const refused = await a.warehouse({
        method: 'POST',
        url: '/api/shipments',
        payload: {
          orderIds: [order.id],
          lines: [
            { orderId: order.id, lineNo: 1, qty: 6 },
            { orderId: order.id, lineNo: 1, qty: 5 },
          ],
        },
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({
        code: 'SHIPMENT.EXCEEDS_RESERVED',
        fields: [{ path: 'lines[1].qty' }],
      });
      expect((await a.warehouse({ method: 'GET', url: `/api/shipments?order=${order.id}` })).json()).toEqual([]);
      expect(await movementCount()).toBe(moves);
      expect((await a.sales({ method: 'GET', url: `/api/orders/${order.id}` })).json()).toMatchObject({
        status: 'confirmed',
        lines: [{ reserved: 10, shipped: 0 }],
      });

      // 6 + 4 fits: one shipment line of 10, and the ledger issues exactly 10.
      const fits = await a.warehouse({
        method: 'POST',
        url: '/api/shipments',
        payload: {
          orderIds: [order.id],
          lines: [
            { orderId: order.id, lineNo: 1, qty: 6 },
            { orderId: order.id, lineNo: 1, qty: 4 },
          ],
        },
      });
      expect(fits.statusCode).toBe(201);
      expect(fits.json().lines).toMatchObject([{ orderLineNo: 1, qty: 10 }]);
      for (const step of ['pick', 'recheck', 'pack', 'ship'])
        expect(
          (await a.warehouse({ method: 'POST', url: `/api/shipments/${fits.json().id}/${step}` })).statusCode,
        ).toBe(200);
      expect(await stockOf(p.B.id)).toMatchObject({ onHand: before.onHand - 10, reserved: before.reserved - 10 });
      expect((await a.sales({ method: 'GET', url: `/api/orders/${order.id}` })).json().lines[0]).toMatchObject({
        reserved: 0,
        shipped: 10,
      });
      expect((await a.sales({ method: 'GET', url: `/api/orders/${other.id}` })).json().lines[0]).toMatchObject({
        reserved: 3,
      });
      expect(await findViolations(t.database.db)).toEqual([]);
    },
  );

  it('the database refuses a commit whose shipped or reserved units leave the ledger', async () => {
    const order = await f.confirmedOrder(await f.newCustomer('DRIFT1'), [{ productId: p.C.id, qty: 4 }]);
    const db = t.database.db;
    const line = () =>
      db
        .selectFrom('order_lines')
        .select(['reserved', 'shipped'])
        .where('company_id', '=', t.companyA)
        .where('order_id', '=', order.id)
        .executeTakeFirstOrThrow();
    // Shipped without a shipped document.
    await expect(
      sql`update order_lines set reserved = reserved - 1, shipped = shipped + 1 where order_id = ${order.id}`.execute(
        db,
      ),
    ).rejects.toThrow(/order_line_shipped_matches_documents|ledger drift/);
    // The stock's reservation dropped while the order line still holds it (the 6 + 5 drift).
    await expect(
      sql`update stock_balances set reserved = reserved - 1
          where company_id = ${t.companyA} and product_id = ${p.C.id} and reserved > 0`.execute(db),
    ).rejects.toThrow(/stock_reserved_matches_holders|ledger drift/);
    // Inside one transaction intermediate states may differ; only the commit is judged.
    await db.transaction().execute(async (trx) => {
      await sql`update order_lines set reserved = reserved - 1, backordered = backordered + 1
                where order_id = ${order.id}`.execute(trx);
      await sql`update order_lines set reserved = reserved + 1, backordered = backordered - 1
                where order_id = ${order.id}`.execute(trx);
    });
    expect(await line()).toEqual({ reserved: 4, shipped: 0 });
  });

  it("a pick-list line issues its order line's units only once its list is posted, and is checked then", async () => {
    const order = await f.confirmedOrder(await f.newCustomer('DRIFTPK'), [{ productId: p.C.id, qty: 2 }]);
    const db = t.database.db;
    const list = async (status: string) =>
      (
        await sql<{ id: string }>`insert into pick_lists (company_id, warehouse_id, target_kind, target_id, target_name,
                                                         status)
          select company_id, warehouse_id, 'franchisee', 'DRIFTPK', 'DRIFTPK', ${status} from orders
           where company_id = ${t.companyA} and id = ${order.id}
          returning id`.execute(db)
      ).rows[0].id;
    const lineInto = (listId: string) =>
      sql`insert into pick_list_lines (company_id, pick_list_id, line_no, product_id, qty, order_id, order_line_no)
          values (${t.companyA}, ${listId}, 1, ${p.C.id}, 1, ${order.id}, 1)`.execute(db);
    // In an open list the line issues nothing yet: the order line's shipped units still match.
    const open = await list('open');
    await lineInto(open);
    // Posting the list issues a unit the order line does not record as shipped.
    await expect(
      sql`update pick_lists set status = 'posted' where company_id = ${t.companyA} and id = ${open}`.execute(db),
    ).rejects.toThrow(/order_line_shipped_matches_documents|ledger drift/);
    // A line added to a list already posted is checked at its own commit.
    await expect(lineInto(await list('posted'))).rejects.toThrow(/order_line_shipped_matches_documents|ledger drift/);
  });

  it('keeps its per-session tally empty between transactions: after a commit, a refusal, an early check', async () => {
    const order = await f.confirmedOrder(await f.newCustomer('DRIFT3'), [{ productId: p.C.id, qty: 3 }]);
    await t.database.db.connection().execute(async (conn) => {
      const tally = async () =>
        Number(
          (await sql<{ n: string }>`select count(*) as n from pg_temp.ledger_reserved_delta`.execute(conn)).rows[0].n,
        );
      const moveOne = (sign: number) => sql`update order_lines set reserved = reserved - ${sign}::int,
          backordered = backordered + ${sign}::int where order_id = ${order.id}`;
      const balanceOne = (sign: number) => sql`update stock_balances b set reserved = b.reserved - ${sign}::int
          from orders o where o.id = ${order.id} and b.company_id = o.company_id
            and b.warehouse_id = o.warehouse_id and b.product_id = ${p.C.id}`;
      // A release of one unit on both sides commits, and leaves nothing behind in the session.
      await sql`begin`.execute(conn);
      await moveOne(1).execute(conn);
      expect(await tally()).toBe(1);
      await balanceOne(1).execute(conn);
      await sql`commit`.execute(conn);
      expect(await tally()).toBe(0);
      // Checked early (as a restore does), the drift is refused there; the rollback empties the tally.
      await sql`begin`.execute(conn);
      await moveOne(-1).execute(conn);
      await expect(sql`set constraints all immediate`.execute(conn)).rejects.toThrow(/ledger drift/);
      await sql`rollback`.execute(conn);
      expect(await tally()).toBe(0);
      // The same key drifting again in a later transaction of the session is still refused at its commit.
      await expect(balanceOne(-1).execute(conn)).rejects.toThrow(/ledger drift/);
      expect(await tally()).toBe(0);
      // Put back together, it commits.
      await sql`begin`.execute(conn);
      await moveOne(-1).execute(conn);
      await balanceOne(-1).execute(conn);
      await sql`commit`.execute(conn);
    });
    expect(await findViolations(t.database.db)).toEqual([]);
  });

  it('refuses moving a reserved order to another warehouse, or deleting its line, without its stock', async () => {
    const order = await f.confirmedOrder(await f.newCustomer('DRIFT2'), [{ productId: p.C.id, qty: 2 }]);
    const db = t.database.db;
    const other = await db
      .selectFrom('orders')
      .innerJoin('warehouses as w', (j) => j.onRef('w.company_id', '=', 'orders.company_id'))
      .select('w.id')
      .where('orders.id', '=', order.id)
      .whereRef('w.id', '<>', 'orders.warehouse_id')
      .executeTakeFirstOrThrow();
    await expect(sql`update orders set warehouse_id = ${other.id} where id = ${order.id}`.execute(db)).rejects.toThrow(
      /stock_reserved_matches_holders|ledger drift/,
    );
    await expect(sql`delete from order_lines where order_id = ${order.id}`.execute(db)).rejects.toThrow(
      /stock_reserved_matches_holders|ledger drift/,
    );
    // Released together, the order line and the balance commit.
    await db.transaction().execute(async (trx) => {
      await sql`update order_lines set reserved = 0, backordered = 2 where order_id = ${order.id}`.execute(trx);
      await sql`update stock_balances b set reserved = b.reserved - 2 from orders o
                where o.id = ${order.id} and b.company_id = o.company_id and b.warehouse_id = o.warehouse_id
                  and b.product_id = ${p.C.id}`.execute(trx);
      await sql`insert into stock_movements (company_id, warehouse_id, product_id, kind, on_hand_delta,
                  reserved_delta, reason, actor_id)
                select company_id, warehouse_id, ${p.C.id}::uuid, 'release', 0, -2, 'test', registrar_id
                  from orders where id = ${order.id}`.execute(trx);
    });
    expect(await findViolations(db)).toEqual([]);
  });
});

describe('the warehouse queue', () => {
  it(
    'pages the filtered rows: urgent first, then by expected date, orders with nothing left to ship left out, ' +
      'the total counts all',
    async () => {
      const customer = await f.newCustomer('QPAGE1');
      const one = [{ productId: p.C.id, qty: 1 }];
      const o1 = await f.confirmedOrder(customer, one, { expectedDeliveryDate: '2026-12-28' });
      const o2 = await f.confirmedOrder(customer, one, { expectedDeliveryDate: '2026-12-25' });
      // Due last of all: only its urgency puts it first.
      const urgent = await f.confirmedOrder(customer, one, { urgency: 'urgent', expectedDeliveryDate: '2026-12-31' });
      const inShipment = await f.confirmedOrder(customer, one);
      await f.packedShipment([inShipment.id]);
      const o4 = await f.confirmedOrder(customer, one);
      const page = async (n: number) =>
        (
          await a.warehouse({
            method: 'GET',
            url: `/api/fulfilment/queue?queue=warehouse&q=QPAGE1&pageSize=2&page=${n}`,
          })
        ).json();
      const [first, second, third] = [await page(1), await page(2), await page(3)];
      expect(first).toMatchObject({ total: 4, page: 1, pageSize: 2 });
      expect(second.total).toBe(4);
      expect(third.items).toEqual([]);
      // o4 is due 12-20, o2 12-25, o1 12-28; their numbers run the other way.
      expect([...first.items, ...second.items].map((i: { number: string }) => i.number)).toEqual(
        [urgent, o4, o2, o1].map((o) => o.number),
      );
      expect(second.items.at(-1).expectedDeliveryDate).toBe('2026-12-28');
      const reversed = await a.warehouse({
        method: 'GET',
        url: '/api/fulfilment/queue?queue=warehouse&q=QPAGE1&order=desc',
      });
      expect(reversed.json().items.map((i: { number: string }) => i.number)).toEqual(
        [o1, o2, o4, urgent].map((o) => o.number),
      );
      expect(first.items[0]).toMatchObject({ urgent: true, toShip: 1, customerName: 'QPAGE1 公司' });
      // Credit terms wait for no money: none of these is in finance's queue.
      const finance = await a.finance({ method: 'GET', url: '/api/fulfilment/queue?queue=finance&q=QPAGE1' });
      expect(finance.json()).toMatchObject({ items: [], total: 0 });
    },
  );

  it('counts what a shipment leaves: its units go out of both queues, come back when it is cancelled', async () => {
    const customer = await f.newCustomer('QPART1', 'prepaid');
    const order = await f.confirmedOrder(customer, [{ productId: p.C.id, qty: 5 }]);
    const toShip = async () => {
      const of = async (queue: 'warehouse' | 'finance') => {
        const as = queue === 'warehouse' ? a.warehouse : a.finance;
        const r = await as({ method: 'GET', url: `/api/fulfilment/queue?queue=${queue}&q=QPART1` });
        return r.json().items.find((i: { id: string }) => i.id === order.id)?.toShip;
      };
      return [await of('warehouse'), await of('finance')];
    };
    const inShipment = async () =>
      (
        await sql<{ n: number }>`select in_shipment as n from order_lines where order_id = ${order.id}`.execute(
          t.database.db,
        )
      ).rows[0].n;
    expect(await toShip()).toEqual([5, 5]);
    const part = await a.warehouse({
      method: 'POST',
      url: '/api/shipments',
      payload: { orderIds: [order.id], lines: [{ orderId: order.id, lineNo: 1, qty: 2 }] },
    });
    expect(part.statusCode, part.body).toBe(201);
    expect(await inShipment()).toBe(2);
    expect(await toShip()).toEqual([3, 3]);
    // Only the other 3 can go in a second shipment.
    const over = await a.warehouse({
      method: 'POST',
      url: '/api/shipments',
      payload: { orderIds: [order.id], lines: [{ orderId: order.id, lineNo: 1, qty: 4 }] },
    });
    expect(over.json().error.code).toBe('SHIPMENT.EXCEEDS_RESERVED');
    const cancelled = await a.warehouse({ method: 'POST', url: `/api/shipments/${part.json().id}/cancel` });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(await inShipment()).toBe(0);
    expect(await toShip()).toEqual([5, 5]);
    // The whole line in a shipment: nothing left for the warehouse; finance still waits for the money.
    await f.packedShipment([order.id]);
    expect(await inShipment()).toBe(5);
    expect(await toShip()).toEqual([undefined, 0]);
    expect(await findViolations(t.database.db)).toEqual([]);
    // A company loaded without row triggers (the scale seed's fast load) is counted from its shipments.
    await sql`update order_lines set in_shipment = 0 where order_id = ${order.id}`.execute(t.database.db);
    await recountInShipment(t.database.db, t.companyA);
    expect(await inShipment()).toBe(5);
  });

  it('a shipment cancelled while another clerk writes one for the same line: its units count once', async () => {
    const customer = await f.newCustomer('QPART2');
    const order = await f.confirmedOrder(customer, [{ productId: p.C.id, qty: 5 }]);
    const shipLine = (qty: number) =>
      a.warehouse({
        method: 'POST',
        url: '/api/shipments',
        payload: { orderIds: [order.id], lines: [{ orderId: order.id, lineNo: 1, qty }] },
      });
    const first = await shipLine(3);
    const [cancelled, second] = await Promise.all([
      a.warehouse({ method: 'POST', url: `/api/shipments/${first.json().id}/cancel` }),
      shipLine(4),
    ]);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    // 4 fits only once the 3 are given back: written after the cancel, refused before it.
    expect([201, 409]).toContain(second.statusCode);
    const line = await sql<{
      n: number;
    }>`select in_shipment as n from order_lines where order_id = ${order.id}`.execute(t.database.db);
    expect(line.rows[0].n).toBe(second.statusCode === 201 ? 4 : 0);
    expect(await findViolations(t.database.db)).toEqual([]);
  });
});

describe('the 24 h pick limit', () => {
  const shipAt = async (now: Date, orderId: string) => {
    const actor = await f.actorOf('warehouse', ['warehouse']);
    return t.database.db
      .transaction()
      .execute((trx) =>
        createShipment(trx, actor, { now, workingHours: defaultWorkingHours }, { orderIds: [orderId] }),
      );
  };

  it('runs from the confirmation, not from when the outbound order is written', async () => {
    // Confirmed Monday 2 March 2026 at 10:00 in Shanghai; the outbound order is written on Wednesday.
    const order = await f.orderConfirmedAt(new Date('2026-03-02T02:00:00Z'), await f.newCustomer('PICK1'), [
      { productId: p.C.id, qty: 1 },
    ]);
    const s = await shipAt(new Date('2026-03-04T06:00:00Z'), order.id);
    // 8 h on Monday (10:00–18:00, lunch off), 9 h on Tuesday, 7 h on Wednesday: due Wednesday 16:00.
    expect(new Date(s.pickDueAt).toISOString()).toBe('2026-03-04T08:00:00.000Z');
  });

  it('runs from the arrival of the stock that filled a backordered line', async () => {
    const sz = (await a.warehouse({ method: 'GET', url: '/api/warehouses?q=SZ' })).json().items[0];
    const confirmedAt = new Date('2026-03-02T02:00:00Z');
    const order = await f.orderConfirmedAt(confirmedAt, await f.newCustomer('PICK2'), [{ productId: p.C.id, qty: 2 }], {
      warehouseId: sz.id,
    });
    expect((await a.sales({ method: 'GET', url: `/api/orders/${order.id}` })).json().lines[0]).toMatchObject({
      reserved: 0,
      backordered: 2,
    });
    const receipt = await a.warehouse({
      method: 'POST',
      url: '/api/stock/receipts',
      payload: { warehouseId: sz.id, lines: [{ productId: p.C.id, qty: 5 }], reference: 'PO-PICK2' },
    });
    expect(receipt.json().backordersFilled).toBe(2);
    const filled = await t.database.db
      .selectFrom('stock_movements')
      .select('at')
      .where('kind', '=', 'reserve')
      .where('reference', '=', order.number)
      .executeTakeFirstOrThrow();
    const s = await shipAt(new Date(filled.at.getTime() + 5 * 86_400_000), order.id);
    expect(new Date(s.pickDueAt).toISOString()).toBe(addWorkingHours(filled.at, 24, defaultWorkingHours).toISOString());
    expect(new Date(s.pickDueAt).getTime()).toBeGreaterThan(filled.at.getTime());
  });
});

describe('shipment steps and logistics exceptions', () => {
  it('a shipment lists the steps the user may take; closing an exception goes through its lifecycle', async () => {
    const logistics = t.as(await t.token('logistics'));
    const order = await f.confirmedOrder(await f.newCustomer('ACT1'), [{ productId: p.C.id, qty: 1 }]);
    const created = (
      await a.warehouse({ method: 'POST', url: '/api/shipments', payload: { orderIds: [order.id] } })
    ).json();
    expect(created.actions).toEqual(['pick', 'cancel']);
    expect((await logistics({ method: 'GET', url: `/api/shipments/${created.id}` })).json().actions).toEqual([]);
    const listed = (await a.warehouse({ method: 'GET', url: `/api/shipments?order=${order.id}` })).json();
    expect(listed).toMatchObject([{ id: created.id, actions: ['pick', 'cancel'] }]);
    for (const step of ['pick', 'recheck', 'pack', 'ship'])
      await a.warehouse({ method: 'POST', url: `/api/shipments/${created.id}/${step}` });
    expect((await logistics({ method: 'GET', url: `/api/shipments/${created.id}` })).json().actions).toEqual([
      'deliver',
    ]);

    const opened = await logistics({
      method: 'POST',
      url: `/api/shipments/${created.id}/exceptions`,
      payload: { type: 'damage', action: '联系承运商', customerInformed: false },
    });
    expect(opened.statusCode).toBe(201);
    const id = opened.json().id;
    const mine = async () =>
      (await logistics({ method: 'GET', url: `/api/logistics-exceptions?order=${order.id}` })).json()[0];
    expect(await mine()).toMatchObject({ status: 'open', actions: ['close'] });
    const close = () =>
      logistics({
        method: 'POST',
        url: `/api/logistics-exceptions/${id}/close`,
        payload: { result: '已补发', customerInformed: true },
      });
    expect((await close()).statusCode).toBe(200);
    expect(await mine()).toMatchObject({ status: 'closed', result: '已补发', customerInformed: true, actions: [] });
    expect((await close()).json().error.code).toBe('STATE.ILLEGAL_TRANSITION');
    const history = await t.database.db
      .selectFrom('state_history')
      .select(['from_state', 'to_state', 'event', 'reason'])
      .where('entity_type', '=', 'logistics_exception')
      .where('entity_id', '=', id)
      .execute();
    expect(history).toEqual([{ from_state: 'open', to_state: 'closed', event: 'close', reason: '已补发' }]);
    const unknown = await logistics({
      method: 'POST',
      url: '/api/logistics-exceptions/00000000-0000-4000-8000-000000000000/close',
      payload: { result: 'x', customerInformed: false },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
