import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { findViolations } from '../helpers/invariants';
import { formatMoney, parseMoney } from '../../src/lib/money';

// Model-based: random sequences of goods receipts, order confirmations, shipments, cancellations, receipts of
// money and their reversals, run against the real API; after each step the stock, the order lines and what is
// paid equal a simple model, and the books' invariants hold.

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let f: ReturnType<typeof fulfilmentFactories>;
let productId: string;

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  f = fulfilmentFactories(t, a);
  productId = (await productBySku(a.sales, 'C-01')).id;
});
afterAll(() => t.close());

type ModelOrder = {
  id: string;
  qty: number;
  reserved: number;
  backordered: number;
  shipped: number;
  cancelled: boolean;
  total: bigint;
  paid: bigint;
};
type Model = {
  onHand: number;
  orders: ModelOrder[];
  receipts: { id: string; applied: Map<string, bigint>; reversed: boolean }[];
};
type Real = { warehouseId: string; customerId: string };
type Cmd = fc.AsyncCommand<Model, Real>;

/** Steps run across all sequences: the test fails if the generator starves the model of work. */
const ran: Record<string, number> = {};
const count = (name: string) => (ran[name] = (ran[name] ?? 0) + 1);

/** The n-th (modulo) of the items that qualify, if any. */
function pickOne<T>(items: readonly T[], n: number, ok: (t: T) => boolean): T | undefined {
  const fit = items.filter(ok);
  return fit.length ? fit[n % fit.length] : undefined;
}

const reservedIn = (m: Model) => m.orders.reduce((n, o) => n + o.reserved, 0);

async function assertMatches(m: Model, r: Real) {
  const stock = (
    await a.sales({ method: 'GET', url: `/api/stock?warehouse=${r.warehouseId}&product=${productId}` })
  ).json().items[0] ?? { onHand: 0, reserved: 0 };
  expect({ onHand: stock.onHand, reserved: stock.reserved }).toEqual({ onHand: m.onHand, reserved: reservedIn(m) });
  for (const o of m.orders) {
    const line = await t.database.db
      .selectFrom('order_lines')
      .select(['reserved', 'backordered', 'shipped'])
      .where('order_id', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(line).toEqual({ reserved: o.reserved, backordered: o.backordered, shipped: o.shipped });
    const paid = await t.database.db
      .selectFrom('receipt_applications')
      .select((eb) => eb.fn.sum<string>('amount').as('s'))
      .where('order_id', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(parseMoney(paid.s ?? '0')).toBe(o.paid);
  }
  expect(await findViolations(t.database.db)).toEqual([]);
}

/** Backorders are filled first come (all orders here are of normal urgency, so in confirmation order). */
function fillBackorders(m: Model) {
  for (const o of m.orders) {
    const take = Math.min(o.backordered, m.onHand - reservedIn(m));
    o.reserved += take;
    o.backordered -= take;
  }
}

class ReceiveStock implements Cmd {
  constructor(readonly qty: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    count('ReceiveStock');
    const res = await a.warehouse({
      method: 'POST',
      url: '/api/stock/receipts',
      payload: { warehouseId: r.warehouseId, lines: [{ productId, qty: this.qty }], reference: 'PROP' },
    });
    expect(res.statusCode).toBe(201);
    m.onHand += this.qty;
    fillBackorders(m);
    await assertMatches(m, r);
  }
  toString = () => `receive ${this.qty}`;
}

class ConfirmOrder implements Cmd {
  constructor(readonly qty: number) {}
  check = (m: Readonly<Model>) => m.orders.length < 6;
  async run(m: Model, r: Real) {
    count('ConfirmOrder');
    const o = await f.confirmedOrder(r.customerId, [{ productId, qty: this.qty }], { warehouseId: r.warehouseId });
    const total = (await a.sales({ method: 'GET', url: `/api/orders/${o.id}` })).json().total;
    const reserved = Math.min(this.qty, m.onHand - reservedIn(m));
    m.orders.push({
      id: o.id,
      qty: this.qty,
      reserved,
      backordered: this.qty - reserved,
      shipped: 0,
      cancelled: false,
      total: parseMoney(total),
      paid: 0n,
    });
    await assertMatches(m, r);
  }
  toString = () => `confirm ${this.qty}`;
}

class ShipOrder implements Cmd {
  constructor(readonly pick: number) {}
  order = (m: Readonly<Model>) => pickOne(m.orders, this.pick, (o) => !o.cancelled && o.reserved > 0);
  check = (m: Readonly<Model>) => !!this.order(m);
  async run(m: Model, r: Real) {
    count('ShipOrder');
    const o = this.order(m)!;
    const id = await f.packedShipment([o.id]);
    const res = await a.warehouse({ method: 'POST', url: `/api/shipments/${id}/ship` });
    expect(res.statusCode).toBe(200);
    m.onHand -= o.reserved;
    o.shipped += o.reserved;
    o.reserved = 0;
    await assertMatches(m, r);
  }
  toString = () => `ship order #${this.pick}`;
}

class CancelOrder implements Cmd {
  constructor(readonly pick: number) {}
  order = (m: Readonly<Model>) => pickOne(m.orders, this.pick, (o) => !o.cancelled);
  check = (m: Readonly<Model>) => !!this.order(m);
  async run(m: Model, r: Real) {
    count('CancelOrder');
    const o = this.order(m)!;
    const res = await a.director({
      method: 'POST',
      url: `/api/orders/${o.id}/cancel`,
      payload: { reason: '客户取消' },
    });
    if (o.shipped > 0) expect(res.statusCode).toBe(409);
    else {
      expect(res.statusCode).toBe(200);
      o.cancelled = true;
      o.reserved = 0;
      o.backordered = 0;
      // Released units become available; backorders are filled by the next goods receipt, not here.
    }
    await assertMatches(m, r);
  }
  toString = () => `cancel order #${this.pick}`;
}

class ReceiveMoney implements Cmd {
  constructor(
    readonly fen: number,
    readonly pick: number,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    count('ReceiveMoney');
    const amount = BigInt(this.fen);
    const open = m.orders.filter((o) => !o.cancelled && o.paid < o.total);
    const o = open.length ? open[this.pick % open.length] : undefined;
    const apply = o ? (amount < o.total - o.paid ? amount : o.total - o.paid) : 0n;
    const res = await a.finance({
      method: 'POST',
      url: '/api/receipts',
      payload: {
        customerId: r.customerId,
        amount: formatMoney(amount),
        receivedOn: '2026-11-20',
        method: 'bank_transfer',
        reference: 'PROP',
        applications: o && apply > 0n ? [{ orderId: o.id, amount: formatMoney(apply) }] : [],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const applied = new Map<string, bigint>();
    if (o && apply > 0n) {
      o.paid += apply;
      applied.set(o.id, apply);
    }
    m.receipts.push({ id: res.json().id, applied, reversed: false });
    await assertMatches(m, r);
  }
  toString = () => `receive ¥${formatMoney(BigInt(this.fen))} for order #${this.pick}`;
}

class ReverseReceipt implements Cmd {
  constructor(readonly pick: number) {}
  receipt = (m: Readonly<Model>) => pickOne(m.receipts, this.pick, (r) => !r.reversed);
  check = (m: Readonly<Model>) => !!this.receipt(m);
  async run(m: Model, r: Real) {
    count('ReverseReceipt');
    const receipt = this.receipt(m)!;
    const res = await a.finance({
      method: 'POST',
      url: `/api/receipts/${receipt.id}/reverse`,
      payload: { reason: '退票' },
    });
    expect(res.statusCode, res.body).toBe(201);
    receipt.reversed = true;
    for (const [orderId, amount] of receipt.applied) m.orders.find((o) => o.id === orderId)!.paid -= amount;
    await assertMatches(m, r);
  }
  toString = () => `reverse receipt #${this.pick}`;
}

const commands = [
  fc.integer({ min: 1, max: 6 }).map((q) => new ReceiveStock(q)),
  fc.integer({ min: 1, max: 5 }).map((q) => new ConfirmOrder(q)),
  fc.nat(5).map((i) => new ShipOrder(i)),
  fc.nat(5).map((i) => new CancelOrder(i)),
  fc.tuple(fc.integer({ min: 1, max: 60_000 }), fc.nat(5)).map(([fen, i]) => new ReceiveMoney(fen, i)),
  fc.nat(5).map((i) => new ReverseReceipt(i)),
];

const prefix = () => [
  new ConfirmOrder(2),
  new ReceiveStock(3),
  new ConfirmOrder(4),
  new ReceiveMoney(10_000, 0),
  new ShipOrder(0),
];

describe('the ledger against a model', () => {
  it('stock, order lines and money agree with the model after every step of random sequences', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(...commands), { minLength: 5, maxLength: 8 }), async (cmds) => {
        run++;
        // Each run has a warehouse and a customer of its own, so runs never see each other's stock or money.
        const warehouse = await a.admin({
          method: 'POST',
          url: '/api/warehouses',
          payload: { code: `PW${run}X${Date.now() % 10000}`, name: `模型仓 ${run}`, kind: 'other', address: '—' },
        });
        expect(warehouse.statusCode, warehouse.body).toBe(201);
        const customerId = await f.newCustomer(`PR${run}X${Date.now() % 10000}`);
        await fc.asyncModelRun(
          () => ({
            model: { onHand: 0, orders: [], receipts: [] },
            real: { warehouseId: warehouse.json().id, customerId },
          }),
          // Every run starts with orders partly backordered and some money, so the random steps find work.
          [...prefix(), ...cmds],
        );
      }),
      { numRuns: 3, endOnFailure: true },
    );
    // Every kind of step ran, and the random part was not starved by steps that found nothing to do.
    expect(Object.keys(ran).length).toBeGreaterThanOrEqual(5);
    expect(Object.values(ran).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(run * (prefix().length + 3));
  }, 240_000);
});
