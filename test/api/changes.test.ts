import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors, orderBody } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { multipart } from '../helpers/xlsx';
import { flagLateChangeStages } from '../../src/jobs/review-sla';
import { listHistory } from '../../src/modules/history/history.repository';
import { addWorkingHours, defaultWorkingHours } from '../../src/lib/calendar/calendar';
import { approveAllStages, customerByShortCode, uploadQualification } from '../helpers/orders';
import { renderReason } from '../../src/lib/reason-codes';

// 订单变更申请 (issue 11): open, preview, approve stage by stage, apply as a new version, customer confirmation.

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let f: ReturnType<typeof fulfilmentFactories>;
let service: ReturnType<TestContext['as']>;
let warehouseId: string;
const p: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };

type Res = Awaited<ReturnType<TestContext['app']['inject']>>;
const ok = (res: Res, status = 200) => {
  if (res.statusCode !== status) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
};

async function newProduct(sku: string, listPrice: string, standardCost: string, qty: number) {
  const id = ok(
    await a.admin({
      method: 'POST',
      url: '/api/products',
      payload: { sku, name: `${sku} 品`, listPrice, standardCost },
    }),
    201,
  ).id;
  if (qty)
    ok(
      await a.warehouse({
        method: 'POST',
        url: '/api/stock/receipts',
        payload: { warehouseId, reference: `PO-${sku}`, lines: [{ productId: id, qty }] },
      }),
      201,
    );
  return id as string;
}

const stockOf = async (productId: string) =>
  (await a.warehouse({ method: 'GET', url: `/api/stock?product=${productId}&warehouse=${warehouseId}` })).json()
    .items[0] as { onHand: number; reserved: number; available: number };
const orderOf = async (id: string) => ok(await a.sales({ method: 'GET', url: `/api/orders/${id}` }));
const getChange = async (id: string) => ok(await a.sales({ method: 'GET', url: `/api/change-requests/${id}` }));

const open = (orderId: string, actions: unknown[], extra: Record<string, unknown> = {}) =>
  a.sales({
    method: 'POST',
    url: `/api/orders/${orderId}/changes`,
    payload: { actions, reason: '客户来电要求', requestedBy: 'customer', ...extra },
  });

/** Submits the change and approves every stage with the user of its department. */
async function approveAll(id: string) {
  ok(await a.sales({ method: 'POST', url: `/api/change-requests/${id}/submit` }));
  await approveAllStagesOnly(id);
  return getChange(id);
}
const apply = (id: string) => a.orderadmin({ method: 'POST', url: `/api/change-requests/${id}/apply` });

/** A shipment of the given order line units, walked to the given step. */
async function shipment(orderId: string, lines: { lineNo: number; qty: number }[], steps: string[]) {
  const s = ok(
    await a.warehouse({
      method: 'POST',
      url: '/api/shipments',
      payload: { orderIds: [orderId], lines: lines.map((l) => ({ orderId, ...l })) },
    }),
    201,
  );
  for (const step of steps) ok(await a.warehouse({ method: 'POST', url: `/api/shipments/${s.id}/${step}` }));
  return s.id as string;
}

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  f = fulfilmentFactories(t, a);
  service = t.as(await t.token('service'));
  warehouseId = ok(await a.warehouse({ method: 'GET', url: '/api/warehouses?q=ZC' })).items[0].id;
  p.A = await newProduct('CHG-A', '100.00', '60.00', 500);
  p.B = await newProduct('CHG-B', '50.00', '30.00', 20);
  p.C = await newProduct('CHG-C', '10.00', '4.00', 100);
}, 120_000);
afterAll(() => t.close());

describe('change requests on confirmed orders', () => {
  it('quantity up: the preview shows reserve and backorder; apply makes version 2, production follows', async () => {
    const customer = await f.newCustomer('CHG1');
    const order = await f.confirmedOrder(customer, [
      { productId: p.A, qty: 10 },
      { productId: p.B, qty: 10 },
    ]);
    expect((await orderOf(order.id)).warehouseId).toBe(warehouseId);
    // The order page's 申请变更 comes from the order's actions.
    expect((await orderOf(order.id)).actions).toContain('request_change');
    expect((await a.warehouse({ method: 'GET', url: `/api/orders/${order.id}` })).json().actions).not.toContain(
      'request_change',
    );
    const before = await stockOf(p.B);
    expect(before.available).toBe(10);

    const created = ok(await open(order.id, [{ type: 'change_qty', lineNo: 2, qty: 25 }]), 201);
    expect(created).toMatchObject({ status: 'draft', actions: [{ type: 'change_qty', lineNo: 2, qty: 25 }] });
    expect(created.availableActions).toEqual(['submit', 'cancel']);
    const preview = created.preview;
    expect(preview.lines[1]).toMatchObject({
      lineNo: 2,
      change: 'changed',
      old: { qty: 10, amount: '500.00' },
      new: { qty: 25, amount: '1250.00' },
    });
    expect(preview.totals).toMatchObject({
      old: { total: '1500.00', margin: '600.00' },
      new: { total: '2250.00', margin: '900.00' },
      totalDelta: '750.00',
      marginDelta: '300.00',
    });
    expect(preview.stock).toEqual([expect.objectContaining({ lineNo: 2, reserve: 10, backorder: 5, release: 0 })]);
    expect(preview.production).toMatchObject({ required: true, lines: [{ lineNo: 2, qty: 5 }] });
    // Production, asked on apply, answers within its 4 working hours: the preview says by when.
    const at = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 60_000);
    t.setNow(at);
    try {
      const seen = ok(await a.sales({ method: 'GET', url: `/api/change-requests/${created.id}` }));
      expect(seen.preview.production.answerBy).toBe(addWorkingHours(at, 4, defaultWorkingHours).toISOString());
    } finally {
      t.setNow(undefined);
    }
    expect(preview.credit).toMatchObject({ ok: true, thisOrder: '2250.00' });
    expect(preview.approvals).toEqual(['sales', 'finance', 'production']);
    // The preview changed nothing.
    expect((await stockOf(p.B)).reserved).toBe(before.reserved);
    expect((await orderOf(order.id)).lines[1].qty).toBe(10);

    const approved = await approveAll(created.id);
    expect(approved.status).toBe('approved');
    expect(approved.approvals.map((s: { status: string }) => s.status)).toEqual(['approved', 'approved', 'approved']);
    const applied = ok(await apply(created.id));
    expect(applied).toMatchObject({ status: 'applied', appliedVersion: 2 });

    const after = await orderOf(order.id);
    expect(after).toMatchObject({ version: 2, total: '2250.00', margin: '900.00', pendingChange: created.number });
    expect(after.lines[1]).toMatchObject({ qty: 25, reserved: 20, backordered: 5, amount: '1250.00' });
    expect((await stockOf(p.B)).reserved).toBe(before.reserved + 10);
    const requests = ok(await a.planner({ method: 'GET', url: `/api/production-requests?order=${order.id}` }));
    expect(requests).toEqual([expect.objectContaining({ lineNo: 2, qty: 5, status: 'requested' })]);
    const history = ok(await a.sales({ method: 'GET', url: `/api/orders/${order.id}/history` }));
    expect(history.at(-1)).toMatchObject({ event: 'change_applied' });
    expect(history.at(-1).reason).toContain('qty 10→25');

    // Every version stays readable.
    const versions = ok(await a.sales({ method: 'GET', url: `/api/orders/${order.id}/versions` }));
    expect(versions.items.map((v: { version: number; current: boolean }) => [v.version, v.current])).toEqual([
      [1, false],
      [2, true],
    ]);
    const v1 = ok(await a.sales({ method: 'GET', url: `/api/orders/${order.id}/versions/1` }));
    expect(v1.lines[1]).toMatchObject({ qty: 10, amount: '500.00' });
    expect(v1.head.total).toBe('1500.00');
    expect((await a.sales({ method: 'GET', url: `/api/orders/${order.id}/versions/9` })).statusCode).toBe(404);

    // The printable confirmation puts old and new side by side; the customer confirms electronically.
    const form = await a.sales({ method: 'GET', url: `/api/change-requests/${created.id}/form?format=html` });
    expect(form.headers['content-type']).toContain('text/html');
    expect(form.body).toContain('订单变更确认书');
    expect(form.body).toContain('V1 → V2');
    expect(form.body).toContain('¥2,250.00');
    const xlsx = await a.sales({ method: 'GET', url: `/api/change-requests/${created.id}/form?format=xlsx` });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const confirmed = ok(
      await service({
        method: 'POST',
        url: `/api/change-requests/${created.id}/confirm`,
        payload: { method: 'electronic', note: '客户邮件确认' },
      }),
    );
    expect(confirmed).toMatchObject({ status: 'customer_confirmed', confirmation: { method: 'electronic' } });
    expect((await orderOf(order.id)).pendingChange).toBeNull();

    // Quantity down: backorders go first, then exactly the units given up are released.
    const down = ok(await open(order.id, [{ type: 'change_qty', lineNo: 2, qty: 18 }]), 201);
    expect(down.preview.stock).toEqual([
      expect.objectContaining({ lineNo: 2, dropBackorder: 5, release: 2, reserve: 0, reservedAfter: 18 }),
    ]);
    await approveAll(down.id);
    ok(await apply(down.id));
    expect((await orderOf(order.id)).lines[1]).toMatchObject({ qty: 18, reserved: 18, backordered: 0 });
    expect((await stockOf(p.B)).reserved).toBe(before.reserved + 8);
    // The backorder is gone, so the production it asked for is no longer needed.
    const left = ok(await a.planner({ method: 'GET', url: `/api/production-requests?order=${order.id}` }));
    expect(left).toEqual([expect.objectContaining({ lineNo: 2, qty: 5, status: 'cancelled' })]);
  });

  it('removing a line cancels its production request through the machine; other lines keep theirs', async () => {
    const d = await newProduct('CHG-D', '20.00', '8.00', 4);
    const e = await newProduct('CHG-E', '20.00', '8.00', 4);
    const customer = await f.newCustomer('CHG20');
    const order = await f.confirmedOrder(customer, [
      { productId: d, qty: 2 },
      { productId: e, qty: 2 },
    ]);
    const up = ok(
      await open(order.id, [
        { type: 'change_qty', lineNo: 1, qty: 10 },
        { type: 'change_qty', lineNo: 2, qty: 10 },
      ]),
      201,
    );
    await approveAll(up.id);
    ok(await apply(up.id));
    ok(
      await service({
        method: 'POST',
        url: `/api/change-requests/${up.id}/confirm`,
        payload: { method: 'electronic' },
      }),
    );
    const requests = async () =>
      ok(await a.planner({ method: 'GET', url: `/api/production-requests?order=${order.id}` })) as {
        id: string;
        lineNo: number;
        qty: number;
        status: string;
      }[];
    const asked = await requests();
    expect(asked.map((r) => [r.lineNo, r.qty, r.status]).sort()).toEqual([
      [1, 6, 'requested'],
      [2, 6, 'requested'],
    ]);
    // The planner schedules line 1: a scheduled request is cancelled too when its line goes.
    const first = asked.find((r) => r.lineNo === 1)!;
    ok(
      await a.planner({
        method: 'POST',
        url: `/api/production-requests/${first.id}/answer`,
        payload: { decision: 'answer', completionDate: '2030-01-15' },
      }),
    );

    const removal = ok(await open(order.id, [{ type: 'remove_line', lineNo: 1 }]), 201);
    await approveAll(removal.id);
    ok(await apply(removal.id));
    const after = await requests();
    expect(after.find((r) => r.lineNo === 1)).toMatchObject({ status: 'cancelled' });
    expect(after.find((r) => r.lineNo === 2)).toMatchObject({ status: 'requested' });
    const history = await listHistory(t.database.db, t.companyA, 'production_request', first.id);
    expect(history.at(-1)).toMatchObject({ from_state: 'answered', to_state: 'cancelled', event: 'cancel' });
    expect(history.at(-1)!.reason).toContain(removal.number);
    expect((await stockOf(d)).reserved).toBe(0);
  });

  it('removing a franchisee line releases its allocation hold (分货预留) and the reserved units', async () => {
    const allocationPlanner = t.as(await t.token('allocation'));
    const fen = ok(
      await a.admin({
        method: 'POST',
        url: '/api/products',
        payload: {
          sku: 'CHG-FEN',
          name: '分货款',
          listPrice: '100.00',
          seasonal: true,
          launchPriority: 1,
          allocated: true,
        },
      }),
      201,
    ).id as string;
    const franchisee = (await customerByShortCode(a.sales, 'SZJM')).id as string;
    await uploadQualification(a.sales, franchisee);
    const created = ok(
      await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(franchisee, [
          { productId: p.C, qty: 2 },
          { productId: fen, qty: 6 },
        ]),
      }),
      201,
    );
    ok(await a.sales({ method: 'POST', url: `/api/orders/${created.id}/submit` }));
    await approveAllStages(t, a, created.id);
    ok(await a.sales({ method: 'POST', url: `/api/orders/${created.id}/confirm`, payload: { method: 'electronic' } }));
    const receipt = ok(
      await a.warehouse({
        method: 'POST',
        url: '/api/stock/receipts',
        payload: { warehouseId, lines: [{ productId: fen, qty: 6 }] },
      }),
      201,
    );
    ok(
      await allocationPlanner({
        method: 'POST',
        url: '/api/allocation/runs',
        payload: { receiptId: receipt.receiptId },
      }),
      201,
    );
    type Hold = { id: string; orderId: string; qty: number; status: string };
    const holds = async () =>
      (ok(await allocationPlanner({ method: 'GET', url: '/api/allocation/reservations' })) as Hold[]).filter(
        (r) => r.orderId === created.id,
      );
    const [held] = await holds();
    expect(held).toMatchObject({ qty: 6, status: 'held' });
    expect(await stockOf(fen)).toMatchObject({ onHand: 6, reserved: 6 });

    const removal = ok(await open(created.id, [{ type: 'remove_line', lineNo: 2 }]), 201);
    await approveAll(removal.id);
    ok(await apply(removal.id));
    expect(await holds()).toEqual([expect.objectContaining({ id: held.id, status: 'released' })]);
    expect(await stockOf(fen)).toMatchObject({ onHand: 6, reserved: 0, available: 6 });
    expect((await orderOf(created.id)).lines.map((l: { lineNo: number }) => l.lineNo)).toEqual([1]);
  });

  it('quantity down releases exactly what the line gives up', async () => {
    const customer = await f.newCustomer('CHG2');
    const order = await f.confirmedOrder(customer, [{ productId: p.C, qty: 10 }]);
    const before = await stockOf(p.C);
    const c = ok(await open(order.id, [{ type: 'change_qty', lineNo: 1, qty: 4 }]), 201);
    expect(c.preview.stock).toEqual([expect.objectContaining({ release: 6, reservedAfter: 4 })]);
    expect(c.preview.production.required).toBe(false);
    await approveAll(c.id);
    ok(await apply(c.id));
    expect((await stockOf(p.C)).reserved).toBe(before.reserved - 6);
    expect((await stockOf(p.C)).onHand).toBe(before.onHand);
    expect((await orderOf(order.id)).lines[0]).toMatchObject({ qty: 4, reserved: 4, backordered: 0 });
    const moves = ok(await a.warehouse({ method: 'GET', url: `/api/stock/movements?product=${p.C}` }));
    expect(moves.items[0]).toMatchObject({ kind: 'release', reservedDelta: -6, reference: order.number });
  });

  it('credit is checked with the new total: over the limit adds the director stage, and again at apply', async () => {
    const customer = await f.newCustomer('CHG3', 'credit', { creditLimit: '3000.00' });
    const order = await f.confirmedOrder(customer, [{ productId: p.A, qty: 10 }]);
    const within = ok(await open(order.id, [{ type: 'change_qty', lineNo: 1, qty: 25 }]), 201);
    expect(within.preview.credit).toMatchObject({ ok: true, limit: '3000.00' });
    expect(within.preview.approvals).not.toContain('director');
    await approveAll(within.id);
    // Another order takes credit meanwhile: applying now would pass the limit.
    await f.confirmedOrder(customer, [{ productId: p.A, qty: 15 }]);
    const refused = await apply(within.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CHANGE.CREDIT_EXCEEDED');
    expect((await orderOf(order.id)).lines[0].qty).toBe(10);
    expect((await getChange(within.id)).status).toBe('approved');
    ok(
      await a.sales({
        method: 'POST',
        url: `/api/change-requests/${within.id}/cancel`,
        payload: { reason: '额度不足' },
      }),
    );

    const over = ok(await open(order.id, [{ type: 'change_qty', lineNo: 1, qty: 25 }]), 201);
    expect(over.preview.credit.ok).toBe(false);
    expect(over.preview.approvals).toContain('director');
    await approveAll(over.id);
    ok(await apply(over.id));
    expect((await orderOf(order.id)).total).toBe('2500.00');
  });

  it('a price change moves total and margin; the receivable follows when the goods ship later', async () => {
    const customer = await f.newCustomer('CHG4');
    const order = await f.confirmedOrder(customer, [{ productId: p.A, qty: 10 }]);
    // Deeply discounted below cost: the director and the general manager must approve.
    const deep = ok(await open(order.id, [{ type: 'change_price', lineNo: 1, unitPrice: '50.00' }]), 201);
    expect(deep.preview.totals.new).toMatchObject({ total: '500.00', margin: '-100.00' });
    expect(deep.preview.approvals).toEqual(['sales', 'finance', 'director', 'gm']);
    ok(
      await a.sales({ method: 'POST', url: `/api/change-requests/${deep.id}/cancel`, payload: { reason: '重新报价' } }),
    );

    const c = ok(await open(order.id, [{ type: 'change_price', lineNo: 1, unitPrice: '90.00' }]), 201);
    expect(c.preview.totals).toMatchObject({
      new: { total: '900.00', margin: '300.00' },
      totalDelta: '-100.00',
      marginDelta: '-100.00',
    });
    expect(c.preview.approvals).toEqual(['sales', 'finance']);
    await approveAll(c.id);
    ok(await apply(c.id));
    expect(await orderOf(order.id)).toMatchObject({ total: '900.00', margin: '300.00', version: 2 });
    await shipment(order.id, [{ lineNo: 1, qty: 10 }], ['pick', 'recheck', 'pack', 'ship']);
    const [r] = ok(await a.finance({ method: 'GET', url: `/api/receivables?customer=${customer}` })).items;
    expect(r).toMatchObject({ amount: '900.00' });
  });

  it('a line never goes below what shipped; a shipment that no longer fits is cancelled with the reason', async () => {
    const customer = await f.newCustomer('CHG5');
    const order = await f.confirmedOrder(customer, [
      { productId: p.A, qty: 10 },
      { productId: p.C, qty: 3 },
    ]);
    await shipment(order.id, [{ lineNo: 1, qty: 6 }], ['pick', 'recheck', 'pack', 'ship']);
    const below = await open(order.id, [{ type: 'change_qty', lineNo: 1, qty: 5 }]);
    expect(below.statusCode).toBe(409);
    expect(below.json().error).toMatchObject({
      code: 'CHANGE.BELOW_SHIPPED',
      fields: [{ path: 'actions[0].qty' }],
    });
    expect(below.json().error.message).toContain('第 1 行');
    const toShipped = await open(order.id, [
      { type: 'change_qty', lineNo: 1, qty: 6 },
      { type: 'remove_line', lineNo: 2 },
    ]);
    expect(toShipped.statusCode).toBe(409);
    expect(toShipped.json().error.code).toBe('CHANGE.NOTHING_LEFT_TO_SHIP');
    const removeShipped = await open(order.id, [{ type: 'remove_line', lineNo: 1 }]);
    expect(removeShipped.statusCode).toBe(409);
    expect(removeShipped.json().error.code).toBe('CHANGE.BELOW_SHIPPED');

    // Approved before any shipment held line 2; then the warehouse starts one: apply names it instead of
    // stopping it behind the warehouse's back.
    const late = ok(await open(order.id, [{ type: 'change_price', lineNo: 2, unitPrice: '9.00' }]), 201);
    expect(late.preview.approvals).toEqual(['sales', 'finance']);
    await approveAll(late.id);
    const rest = await shipment(
      order.id,
      [
        { lineNo: 1, qty: 4 },
        { lineNo: 2, qty: 3 },
      ],
      ['pick'],
    );
    const restNumber = ok(await a.warehouse({ method: 'GET', url: `/api/shipments/${rest}` })).number;
    const lateApply = await apply(late.id);
    expect(lateApply.statusCode).toBe(409);
    expect(lateApply.json().error).toMatchObject({ code: 'CHANGE.SHIPMENT_IN_PROGRESS' });
    expect(lateApply.json().error.message).toContain(restNumber);
    ok(
      await a.sales({ method: 'POST', url: `/api/change-requests/${late.id}/cancel`, payload: { reason: '已在拣货' } }),
    );

    const c = ok(
      await open(order.id, [
        { type: 'change_qty', lineNo: 1, qty: 8 },
        { type: 'remove_line', lineNo: 2 },
        { type: 'add_line', productId: p.B, qty: 1 },
      ]),
      201,
    );
    expect(c.preview.shipments).toEqual([
      expect.objectContaining({
        id: rest,
        status: 'picked',
        lineNos: [1, 2],
        reasons: ['quantity_below_shipment', 'line_removed'],
      }),
    ]);
    expect(c.preview.lines.map((l: { lineNo: number; change: string }) => [l.lineNo, l.change])).toEqual([
      [1, 'changed'],
      [2, 'removed'],
      [3, 'added'],
    ]);
    expect(c.preview.approvals).toContain('warehouse');
    await approveAll(c.id);
    ok(await apply(c.id));
    const s = ok(await a.warehouse({ method: 'GET', url: `/api/shipments/${rest}` }));
    const stopped = await t.database.db
      .selectFrom('state_history')
      .select(['event', 'reason'])
      .where('entity_type', '=', 'shipment')
      .where('entity_id', '=', rest)
      .where('event', '=', 'cancel')
      .executeTakeFirstOrThrow();
    expect(stopped.reason).toContain(c.number);
    // Stored as a code; named in the reader's language.
    expect(renderReason(stopped.reason, 'en')).toContain('line removed');
    expect(s.status).toBe('cancelled');
    const after = await orderOf(order.id);
    expect(
      after.lines.map((l: { lineNo: number; qty: number; shipped: number; reserved: number }) => [
        l.lineNo,
        l.qty,
        l.shipped,
        l.reserved,
      ]),
    ).toEqual([
      [1, 8, 6, 2],
      [3, 1, 0, 1],
    ]);
    expect(after.total).toBe('850.00');
  });

  it('two changes on one version: the second apply is refused with 409', async () => {
    const customer = await f.newCustomer('CHG6');
    const order = await f.confirmedOrder(customer, [{ productId: p.C, qty: 5 }]);
    const x = ok(await open(order.id, [{ type: 'change_qty', lineNo: 1, qty: 6 }]), 201);
    const y = ok(await open(order.id, [{ type: 'change_delivery_date', expectedDeliveryDate: '2027-01-15' }]), 201);
    expect([x.baseVersion, y.baseVersion]).toEqual([1, 1]);
    await approveAll(x.id);
    await approveAll(y.id);
    ok(await apply(x.id));
    const second = await apply(y.id);
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'CHANGE.VERSION_MOVED' });
    expect((await getChange(y.id)).preview.stale).toBe(true);
    expect(await orderOf(order.id)).toMatchObject({ version: 2, expectedDeliveryDate: '2026-12-20' });
  });

  it('a change racing the shipment of the same order never lets shipped exceed the new quantity', async () => {
    const customer = await f.newCustomer('CHG7');
    // 6 of 10 are packed to ship. Down to 4: whichever commits first, the other is refused (below shipped, or
    // the shipment no longer fits and was cancelled). Up to 12: both go through in either order.
    for (const qty of [4, 12]) {
      const order = await f.confirmedOrder(customer, [{ productId: p.C, qty: 10 }]);
      const s = await shipment(order.id, [{ lineNo: 1, qty: 6 }], ['pick', 'recheck', 'pack']);
      const c = ok(await open(order.id, [{ type: 'change_qty', lineNo: 1, qty }]), 201);
      await approveAll(c.id);
      const [applied, shipped] = await Promise.all([
        apply(c.id),
        a.warehouse({ method: 'POST', url: `/api/shipments/${s}/ship`, payload: {} }),
      ]);
      const line = (await orderOf(order.id)).lines[0];
      expect(line.shipped).toBeLessThanOrEqual(line.qty);
      expect(line.reserved + line.backordered + line.shipped).toBe(line.qty);
      expect([applied.statusCode, shipped.statusCode].sort()).toEqual(qty < 6 ? [200, 409] : [200, 200]);
      expect(line.qty).toBe(applied.statusCode === 200 ? qty : 10);
      expect(line.shipped).toBe(shipped.statusCode === 200 ? 6 : 0);
    }
  });

  it('approvals: one stage per department with a time limit; my queue; reject with a reason', async () => {
    const customer = await f.newCustomer('CHG8');
    const order = await f.confirmedOrder(customer, [{ productId: p.C, qty: 5 }]);
    const c = ok(
      await open(order.id, [
        { type: 'change_payment_terms', paymentMethod: 'credit', paymentDays: 30 },
        { type: 'change_delivery', delivery: { consignee: '乙', phone: '13800001111', address: '新地址 2 号' } },
      ]),
      201,
    );
    expect(c.preview.head.map((h: { field: string }) => h.field)).toEqual(['delivery', 'paymentDays']);
    expect(c.actions[1].delivery.phone).toBe('13800001111');
    // Finance sees the consignee's phone masked, in the actions and in the preview (个人信息).
    const seenByFinance = ok(await a.finance({ method: 'GET', url: `/api/change-requests/${c.id}` }));
    expect(seenByFinance.actions[1].delivery.phone).toBe('138****1111');
    expect(seenByFinance.preview.head[0].new.phone).toBe('138****1111');
    const at = new Date('2026-12-01T02:00:00Z');
    t.setNow(at);
    const submitted = ok(await a.sales({ method: 'POST', url: `/api/change-requests/${c.id}/submit` }));
    expect(submitted.approvals.map((s: { stage: string }) => s.stage)).toEqual(['sales', 'finance']);
    for (const s of submitted.approvals) {
      expect(new Date(s.dueAt).getTime()).toBeGreaterThan(at.getTime());
      expect(s.late).toBe(false);
    }
    const mine = ok(await a.finance({ method: 'GET', url: '/api/change-requests?stage=mine' }));
    expect(mine.items.map((x: { id: string }) => x.id)).toContain(c.id);
    const forFinance = mine.items.find((x: { id: string }) => x.id === c.id);
    expect(forFinance.availableActions).toEqual(['approve', 'reject']);
    const notMine = ok(await a.warehouse({ method: 'GET', url: '/api/change-requests?stage=mine' }));
    expect(notMine.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    // Six working hours later (sessions stay alive: their idle limit is eight).
    t.setNow(new Date('2026-12-01T08:00:00Z'));
    expect((await getChange(c.id)).approvals.every((s: { late: boolean }) => s.late)).toBe(true);
    t.setNow(undefined);

    // The time-limit job tells each late stage's supervisor once (sales → sales director, finance → general
    // manager), even when two runs race; before the due time it tells no one.
    const lateNotices = async (who: ReturnType<TestContext['as']>) =>
      (
        ok(await who({ method: 'GET', url: '/api/notifications?limit=200' })).items as {
          kind: string;
          params: { number?: string; stage?: string };
        }[]
      ).filter((n) => n.kind === 'change_stage_late' && n.params.number === c.number);
    await flagLateChangeStages(t.database.db, at);
    expect(await lateNotices(a.director)).toEqual([]);
    const later = new Date('2026-12-01T08:00:00Z');
    await Promise.all([flagLateChangeStages(t.database.db, later), flagLateChangeStages(t.database.db, later)]);
    await flagLateChangeStages(t.database.db, new Date('2026-12-02T08:00:00Z'));
    expect((await lateNotices(a.director)).map((n) => n.params.stage)).toEqual(['sales']);
    expect((await lateNotices(a.gm)).map((n) => n.params.stage)).toEqual(['finance']);

    const noReason = await a.finance({
      method: 'POST',
      url: `/api/change-requests/${c.id}/review`,
      payload: { decision: 'reject' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe('reason');
    const rejected = ok(
      await a.finance({
        method: 'POST',
        url: `/api/change-requests/${c.id}/review`,
        payload: { decision: 'reject', reason: '账期过长' },
      }),
    );
    expect(rejected).toMatchObject({ status: 'rejected', decisionReason: '账期过长' });
    expect(rejected.approvals.map((s: { stage: string; status: string }) => [s.stage, s.status])).toEqual([
      ['sales', 'cancelled'],
      ['finance', 'rejected'],
    ]);
    const listed = ok(await a.sales({ method: 'GET', url: `/api/change-requests?status=rejected&order=${order.id}` }));
    expect(listed.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
  });

  it('every illegal move is 409', async () => {
    const customer = await f.newCustomer('CHG9');
    const draftOrder = ok(
      await a.sales({ method: 'POST', url: '/api/orders', payload: orderBody(customer, [{ productId: p.C, qty: 1 }]) }),
      201,
    );
    const onDraft = await open(draftOrder.id, [{ type: 'change_qty', lineNo: 1, qty: 2 }]);
    expect(onDraft.statusCode).toBe(409);
    expect(onDraft.json().error.code).toBe('CHANGE.ORDER_NOT_CHANGEABLE');

    const order = await f.confirmedOrder(customer, [{ productId: p.C, qty: 2 }]);
    const c = ok(await open(order.id, [{ type: 'change_qty', lineNo: 1, qty: 3 }]), 201);
    const expect409 = async (res: Res, code = 'STATE.ILLEGAL_TRANSITION') => {
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe(code);
    };
    await expect409(await apply(c.id));
    await expect409(
      await a.sales({ method: 'POST', url: `/api/change-requests/${c.id}/confirm`, payload: { method: 'electronic' } }),
    );
    await expect409(
      await a.finance({ method: 'POST', url: `/api/change-requests/${c.id}/review`, payload: { decision: 'approve' } }),
    );
    ok(await a.sales({ method: 'POST', url: `/api/change-requests/${c.id}/submit` }));
    await expect409(await a.sales({ method: 'POST', url: `/api/change-requests/${c.id}/submit` }));
    await expect409(await apply(c.id));
    await expect409(
      await a.planner({ method: 'POST', url: `/api/change-requests/${c.id}/review`, payload: { decision: 'approve' } }),
      'CHANGE.NOT_YOUR_STAGE',
    );
    await approveAllStagesOnly(c.id);
    await expect409(
      await a.finance({ method: 'POST', url: `/api/change-requests/${c.id}/review`, payload: { decision: 'approve' } }),
    );
    ok(await apply(c.id));
    await expect409(await apply(c.id));
    await expect409(
      await a.sales({ method: 'POST', url: `/api/change-requests/${c.id}/cancel`, payload: { reason: '晚了' } }),
    );
    // Sales may not decide a stage or apply (403), whatever the state.
    expect((await a.sales({ method: 'POST', url: `/api/change-requests/${c.id}/apply` })).statusCode).toBe(403);
    // The stamped 变更确认书 comes back as a scan attached to the order.
    const scan = ok(
      await a.sales({
        method: 'POST',
        url: `/api/orders/${order.id}/attachments`,
        ...multipart(
          { name: 'change.pdf', data: Buffer.from('%PDF stamped'), type: 'application/pdf' },
          { kind: 'confirmation' },
        ),
      }),
      201,
    );
    const stamped = ok(
      await a.sales({
        method: 'POST',
        url: `/api/change-requests/${c.id}/confirm`,
        payload: { method: 'stamp', attachmentId: scan.id },
      }),
    );
    expect(stamped.confirmation).toEqual({ method: 'stamp', attachmentId: scan.id });
    await expect409(
      await a.sales({ method: 'POST', url: `/api/change-requests/${c.id}/confirm`, payload: { method: 'electronic' } }),
    );

    // A fully shipped order is not changeable any more.
    await shipment(order.id, [{ lineNo: 1, qty: 3 }], ['pick', 'recheck', 'pack', 'ship']);
    await expect409(await open(order.id, [{ type: 'change_qty', lineNo: 1, qty: 4 }]), 'CHANGE.ORDER_NOT_CHANGEABLE');
  });

  it('bad input is 400 naming the field', async () => {
    const customer = await f.newCustomer('CHG10');
    const order = await f.confirmedOrder(customer, [{ productId: p.C, qty: 2 }]);
    const cases: [unknown, string][] = [
      [
        { actions: [{ type: 'change_qty', lineNo: 1, qty: 0 }], reason: 'x', requestedBy: 'customer' },
        'actions[0].qty',
      ],
      [{ actions: [{ type: 'change_qty', lineNo: 1, qty: 3 }], reason: '', requestedBy: 'customer' }, 'reason'],
      [{ actions: [{ type: 'change_qty', lineNo: 1, qty: 3 }], reason: 'x', requestedBy: 'boss' }, 'requestedBy'],
      [
        { actions: [{ type: 'change_price', lineNo: 1, unitPrice: '1.234' }], reason: 'x', requestedBy: 'internal' },
        'actions[0].unitPrice',
      ],
      [{ actions: [], reason: 'x', requestedBy: 'internal' }, 'actions'],
      [
        { actions: [{ type: 'change_qty', lineNo: 9, qty: 3 }], reason: 'x', requestedBy: 'internal' },
        'actions[0].lineNo',
      ],
      [
        {
          actions: [{ type: 'add_line', productId: crypto.randomUUID(), qty: 1 }],
          reason: 'x',
          requestedBy: 'internal',
        },
        'actions[0].productId',
      ],
      [{ actions: [{ type: 'remove_line', lineNo: 1 }], reason: 'x', requestedBy: 'internal' }, 'actions'],
      [{ actions: [{ type: 'change_qty', lineNo: 1, qty: 2 }], reason: 'x', requestedBy: 'internal' }, 'actions'],
    ];
    for (const [payload, path] of cases) {
      const res = await a.sales({ method: 'POST', url: `/api/orders/${order.id}/changes`, payload: payload as object });
      expect(res.statusCode, JSON.stringify(payload)).toBe(path === 'actions[0].productId' ? 404 : 400);
      expect(res.json().error.fields?.map((x: { path: string }) => x.path) ?? [], res.body).toContain(path);
    }
    const c = ok(await open(order.id, [{ type: 'change_qty', lineNo: 1, qty: 3 }]), 201);
    const stamp = await a.sales({
      method: 'POST',
      url: `/api/change-requests/${c.id}/confirm`,
      payload: { method: 'stamp' },
    });
    expect(stamp.statusCode).toBe(400);
    expect(stamp.json().error.fields[0].path).toBe('attachmentId');
    const otherOrder = await f.confirmedOrder(customer, [{ productId: p.C, qty: 1 }]);
    const foreign = ok(
      await a.sales({
        method: 'POST',
        url: `/api/orders/${otherOrder.id}/attachments`,
        ...multipart({ name: 'x.pdf', data: Buffer.from('%PDF x'), type: 'application/pdf' }, { kind: 'confirmation' }),
      }),
      201,
    );
    const wrongScan = await a.sales({
      method: 'POST',
      url: `/api/change-requests/${c.id}/confirm`,
      payload: { method: 'stamp', attachmentId: foreign.id },
    });
    expect(wrongScan.statusCode).toBe(400);
    expect(wrongScan.json().error.fields[0].path).toBe('attachmentId');
    expect((await a.sales({ method: 'GET', url: '/api/change-requests/not-a-uuid' })).statusCode).toBe(400);
    expect((await a.sales({ method: 'GET', url: `/api/change-requests/${crypto.randomUUID()}` })).statusCode).toBe(404);
  });
});

/** Approves the stages of a submitted change without submitting it again. */
async function approveAllStagesOnly(id: string) {
  const byStage: Record<string, ReturnType<TestContext['as']>> = {
    sales: a.reviewer,
    finance: a.finance,
    warehouse: a.warehouse,
    production: a.planner,
    director: a.director,
    gm: a.gm,
  };
  for (const s of (await getChange(id)).approvals)
    ok(
      await byStage[s.stage]({
        method: 'POST',
        url: `/api/change-requests/${id}/review`,
        payload: { decision: 'approve' },
      }),
    );
}
