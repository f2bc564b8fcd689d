import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import {
  approveAllStages,
  customerByShortCode,
  orderActors,
  orderBody,
  productBySku,
  uploadQualification,
} from '../helpers/orders';
import { ledgerMismatches } from '../../src/modules/stock/stock.repository';
import { createShipment } from '../../src/modules/shipping/create-shipment';
import { setTracking, shipShipment } from '../../src/modules/shipping/ship-shipment';
import { createReceivable, statementDue } from '../../src/modules/receivables/receivable.service';
import { defaultWorkingHours } from '../../src/lib/calendar/calendar';
import { remindReceivables, dailyCashReport, dailyFinanceChecks } from '../../src/jobs/cash-reminders';
import { closedPeriod } from '../../src/modules/receivables/monthly-statements';
import { flagLateProgress } from '../../src/modules/production/production.service';
import { addDays } from '../../src/lib/calendar/calendar';
import type { Actor } from '../../src/modules/auth/auth.service';
import { buildXlsx, multipart } from '../helpers/xlsx';
import { fulfilmentFactories } from '../helpers/fulfilment';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let service: ReturnType<TestContext['as']>;
let logistics: ReturnType<TestContext['as']>;
const p: Record<string, { id: string }> = {};

async function newCustomer(code: string, paymentMethod: string, extra: Record<string, unknown> = {}) {
  const c = (
    await a.finance({
      method: 'POST',
      url: '/api/customers',
      payload: {
        code,
        shortCode: code,
        name: `${code} 公司`,
        kind: 'ordinary',
        paymentMethod,
        creditLimit: '1000000.00',
        contacts: [{ name: '甲' }],
        addresses: [{ consignee: '甲', address: `${code} 路 1 号`, region: '上海' }],
        ...extra,
      },
    })
  ).json();
  await uploadQualification(a.sales, c.id);
  return c.id as string;
}

async function confirmed(
  customerId: string,
  lines: { productId: string; qty: number }[],
  extra: Record<string, unknown> = {},
) {
  const o = (
    await a.sales({ method: 'POST', url: '/api/orders', payload: orderBody(customerId, lines, extra) })
  ).json();
  const submitted = await a.sales({ method: 'POST', url: `/api/orders/${o.id}/submit` });
  if (submitted.statusCode !== 200) throw new Error(submitted.body);
  await approveAllStages(t, a, o.id);
  return (
    await a.sales({ method: 'POST', url: `/api/orders/${o.id}/confirm`, payload: { method: 'electronic' } })
  ).json().order;
}

async function shipAll(orderIds: string[], body: Record<string, unknown> = {}) {
  const s = await a.warehouse({ method: 'POST', url: '/api/shipments', payload: { orderIds } });
  if (s.statusCode !== 201) throw new Error(s.body);
  const id = s.json().id;
  for (const step of ['pick', 'recheck', 'pack'])
    await a.warehouse({ method: 'POST', url: `/api/shipments/${id}/${step}` });
  return { id, ship: () => a.warehouse({ method: 'POST', url: `/api/shipments/${id}/ship`, payload: body }) };
}

const receipt = (customerId: string, amount: string, applications: { orderId: string; amount: string }[] = []) =>
  a.finance({
    method: 'POST',
    url: '/api/receipts',
    payload: {
      customerId,
      amount,
      receivedOn: '2026-11-20',
      method: 'bank_transfer',
      reference: 'BANK-1',
      applications,
    },
  });

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  service = t.as(await t.token('service'));
  logistics = t.as(await t.token('logistics'));
  p.A = await productBySku(a.sales, 'A-01');
  p.B = await productBySku(a.sales, 'B-02');
  p.C = await productBySku(a.sales, 'C-01');
});
afterAll(() => t.close());

describe('payment gates', () => {
  it('prepaid: nothing ships before the receipt covers the order', async () => {
    const customer = await newCustomer('PRE1', 'prepaid');
    const order = await confirmed(customer, [{ productId: p.A.id, qty: 2 }]);
    const gates = (await a.sales({ method: 'GET', url: `/api/orders/${order.id}/payment` })).json();
    expect(gates.gates).toMatchObject([
      { gate: 'production', ok: false },
      { gate: 'ship', ok: false },
    ]);
    const warehouseQueue = (
      await a.warehouse({ method: 'GET', url: '/api/fulfilment/queue?queue=warehouse&pageSize=500' })
    ).json().items;
    expect(warehouseQueue.find((q: { id: string }) => q.id === order.id)).toMatchObject({ toShip: 2 });
    const financeQueue = (
      await a.finance({ method: 'GET', url: '/api/fulfilment/queue?queue=finance&pageSize=500' })
    ).json().items;
    expect(financeQueue.find((q: { id: string }) => q.id === order.id)).toMatchObject({
      paid: '0.00',
      total: '240.00',
    });
    const s = await shipAll([order.id]);
    expect(
      (await a.warehouse({ method: 'GET', url: '/api/fulfilment/queue?queue=warehouse&pageSize=500' }))
        .json()
        .items.some((q: { id: string }) => q.id === order.id),
    ).toBe(false);
    const blocked = await s.ship();
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('GATE.BLOCKED');
    await receipt(customer, '240.00', [{ orderId: order.id, amount: '240.00' }]);
    const shipped = await s.ship();
    expect(shipped.statusCode, shipped.body).toBe(200);
    expect((await a.sales({ method: 'GET', url: `/api/orders/${order.id}` })).json().status).toBe('shipped');
    expect((await a.finance({ method: 'GET', url: `/api/receivables?customer=${customer}` })).json().items).toEqual([]);
  });

  it('T/T: production starts only after the deposit', async () => {
    const customer = await newCustomer('TT1', 'tt');
    const stock = (await a.sales({ method: 'GET', url: `/api/stock?product=${p.B.id}` })).json().items[0];
    const order = await (async () => {
      const o = (
        await a.sales({
          method: 'POST',
          url: '/api/orders',
          payload: orderBody(customer, [{ productId: p.B.id, qty: stock.available + 10 }], { depositPercent: '30' }),
        })
      ).json();
      await a.sales({ method: 'POST', url: `/api/orders/${o.id}/submit` });
      return o;
    })();
    const request = (await a.planner({ method: 'GET', url: `/api/production-requests?order=${order.id}` })).json()[0];
    // Feasibility is answered in review without waiting for money; starting production waits for the deposit.
    expect(
      (
        await a.planner({
          method: 'POST',
          url: `/api/production-requests/${request.id}/answer`,
          payload: { decision: 'answer', completionDate: '2026-12-20' },
        })
      ).statusCode,
    ).toBe(200);
    const blocked = await a.planner({
      method: 'POST',
      url: `/api/production-requests/${request.id}/progress`,
      payload: { event: 'start' },
    });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.message).toContain('定金');
    expect(
      (await a.planner({ method: 'GET', url: `/api/production-requests?order=${order.id}` })).json()[0].status,
    ).toBe('answered');
    const deposit = (Number(order.total) * 0.3).toFixed(2);
    await receipt(customer, deposit, [{ orderId: order.id, amount: deposit }]);
    expect(
      (
        await a.planner({
          method: 'POST',
          url: `/api/production-requests/${request.id}/progress`,
          payload: { event: 'start' },
        })
      ).json().status,
    ).toBe('in_production');
  });

  it('L/C: ships only against a recorded, valid letter of credit; COD ships and collects on delivery', async () => {
    const lcCustomer = await newCustomer('LC1', 'lc', { paymentDays: 0 });
    const order = await confirmed(lcCustomer, [{ productId: p.A.id, qty: 1 }]);
    const s = await shipAll([order.id]);
    expect((await s.ship()).json().error.message).toContain('信用证');
    const expired = await a.finance({
      method: 'POST',
      url: `/api/orders/${order.id}/letters-of-credit`,
      payload: { number: 'LC-OLD', amount: '120.00', expiryDate: '2026-01-31', latestShipmentDate: '2026-01-15' },
    });
    expect(expired.statusCode).toBe(201);
    expect((await s.ship()).statusCode).toBe(409);
    await a.finance({
      method: 'POST',
      url: `/api/orders/${order.id}/letters-of-credit`,
      payload: { number: 'LC-2026-001', amount: '120.00', expiryDate: '2099-12-31', latestShipmentDate: '2099-12-01' },
    });
    expect((await s.ship()).statusCode).toBe(200);
    const lcs = (await a.finance({ method: 'GET', url: '/api/letters-of-credit' }))
      .json()
      .filter((l: { orderId: string }) => l.orderId === order.id);
    expect(lcs.map((l: { number: string; valid: boolean }) => [l.number, l.valid]).sort()).toEqual([
      ['LC-2026-001', true],
      ['LC-OLD', false],
    ]);

    const codCustomer = await newCustomer('COD1', 'cod');
    const cod = await confirmed(codCustomer, [{ productId: p.A.id, qty: 1 }]);
    expect((await (await shipAll([cod.id])).ship()).statusCode).toBe(200);
    const [r] = (await a.finance({ method: 'GET', url: `/api/receivables?customer=${codCustomer}` })).json().items;
    expect(r).toMatchObject({ amount: '120.00', outstanding: '120.00' });
  });

  it('T/T ships only once the balance has arrived', async () => {
    const customer = await newCustomer('TT2', 'tt');
    const order = await confirmed(customer, [{ productId: p.A.id, qty: 1 }], { depositPercent: '30' });
    await receipt(customer, '36.00', [{ orderId: order.id, amount: '36.00' }]);
    const s = await shipAll([order.id]);
    expect((await s.ship()).json().error.message).toContain('尾款');
    await receipt(customer, '84.00', [{ orderId: order.id, amount: '84.00' }]);
    expect((await s.ship()).statusCode).toBe(200);
  });

  it('credit terms ship at once and create a receivable due after the term days', async () => {
    const abc = await customerByShortCode(a.sales, 'ABC');
    await uploadQualification(a.sales, abc.id);
    const order = await confirmed(abc.id, [{ productId: p.C.id, qty: 3 }]);
    expect((await (await shipAll([order.id])).ship()).statusCode).toBe(200);
    const receivables = (await a.finance({ method: 'GET', url: `/api/receivables?customer=${abc.id}` })).json().items;
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const due = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(receivables).toMatchObject([
      { orderId: order.id, amount: '264.00', outstanding: '264.00', dueDate: due, bucket: 'not_due' },
    ]);
    const aging = (await a.finance({ method: 'GET', url: '/api/receivables/aging' })).json().items;
    expect(aging.find((x: { customerId: string }) => x.customerId === abc.id)).toMatchObject({
      total: '264.00',
      not_due: '264.00',
    });
  });

  it('月结: the receivable waits for the statement closing on the 25th, then the terms', async () => {
    expect(statementDue('2026-11-23', 25, 30)).toEqual({ period: '2026-11', due: '2026-12-25' });
    expect(statementDue('2026-11-26', 25, 30)).toEqual({ period: '2026-12', due: '2027-01-24' });
    const customer = await newCustomer('MON1', 'monthly', { paymentDays: 30 });
    const order = await confirmed(customer, [{ productId: p.A.id, qty: 1 }]);
    expect((await (await shipAll([order.id])).ship()).statusCode).toBe(200);
    const [r] = (await a.finance({ method: 'GET', url: `/api/receivables?customer=${customer}` })).json().items;
    expect(r.period).toMatch(/^\d{4}-\d{2}$/);
    const statement = (
      await a.finance({ method: 'GET', url: `/api/customers/${customer}/statement?from=2026-01-01&to=2027-12-31` })
    ).json();
    expect(statement).toMatchObject({ opening: '0.00', closing: '120.00' });
    expect(statement.lines[0]).toMatchObject({ kind: 'shipment', debit: '120.00' });
    const xlsx = await a.finance({
      method: 'GET',
      url: `/api/customers/${customer}/statement?from=2026-01-01&to=2027-12-31&format=xlsx`,
    });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const printable = await a.finance({
      method: 'GET',
      url: `/api/customers/${customer}/statement?from=2026-01-01&to=2027-12-31&format=html`,
    });
    expect(printable.body).toContain('对账单');
    expect(printable.body).toContain('壹佰贰拾元整');

    // The day after the period closes, the customer is sent its statement, once.
    expect(closedPeriod('2026-11-25', 25)).toEqual({ period: '2026-10', from: '2026-09-26', to: '2026-10-25' });
    expect(closedPeriod('2026-11-26', 25)).toEqual({ period: '2026-11', from: '2026-10-26', to: '2026-11-25' });
    expect(closedPeriod('2027-01-10', 25)).toEqual({ period: '2026-12', from: '2026-11-26', to: '2026-12-25' });
    const dayAfter = addDays(`${r.period}-25`, 1);
    await dailyFinanceChecks(t.database.db, dayAfter);
    await dailyFinanceChecks(t.database.db, dayAfter);
    const issued = (await a.finance({ method: 'GET', url: `/api/statements?customer=${customer}` })).json();
    expect(issued).toMatchObject([
      { period: r.period, amount: '120.00', dueDate: r.dueDate, closingBalance: '120.00' },
    ]);
    const sent = await t.database.db
      .selectFrom('outbox_messages')
      .select(['kind', 'params'])
      .where('customer_id', '=', customer)
      .where('kind', '=', 'monthly_statement')
      .execute();
    expect(sent).toHaveLength(1);
    expect(sent[0].params).toMatchObject({ period: r.period, amount: '120.00', due: r.dueDate });
    const doc = await a.finance({ method: 'GET', url: (sent[0].params as { document: string }).document });
    expect(doc.body).toContain('对账单');
  });

  it('L/C: an order past its check-by date without a valid credit is flagged once to finance', async () => {
    const customer = await newCustomer('LC2', 'lc', { paymentDays: 0 });
    const order = await confirmed(customer, [{ productId: p.A.id, qty: 1 }], { expectedDeliveryDate: '2026-12-01' });
    const [gate] = (await a.finance({ method: 'GET', url: `/api/orders/${order.id}/payment` })).json().gates;
    expect(gate).toMatchObject({ gate: 'ship', ok: false, checkBy: '2026-11-01', late: true });
    await dailyFinanceChecks(t.database.db, '2026-11-23');
    await dailyFinanceChecks(t.database.db, '2026-11-24');
    const flagged = await t.database.db
      .selectFrom('notifications')
      .select(['kind', 'params'])
      .where('order_id', '=', order.id)
      .where('kind', '=', 'lc_late')
      .execute();
    expect(flagged.length).toBe(2); // finance and the sales director, once each
    expect(flagged[0].params).toMatchObject({ number: order.number, checkBy: '2026-11-01' });
  });
});

describe('shipping', () => {
  it('ships an order in two parts; stock and status are right after each', async () => {
    const customer = await newCustomer('PART1', 'credit', { paymentDays: 10 });
    const order = await confirmed(customer, [{ productId: p.A.id, qty: 5 }]);
    const before = (await a.sales({ method: 'GET', url: `/api/stock?product=${p.A.id}` })).json().items[0];
    const first = await a.warehouse({
      method: 'POST',
      url: '/api/shipments',
      payload: { orderIds: [order.id], lines: [{ orderId: order.id, lineNo: 1, qty: 2 }] },
    });
    expect(first.statusCode).toBe(201);
    expect(
      (
        await a.warehouse({
          method: 'POST',
          url: '/api/shipments',
          payload: { orderIds: [order.id], lines: [{ orderId: order.id, lineNo: 1, qty: 4 }] },
        })
      ).json().error.code,
    ).toBe('SHIPMENT.EXCEEDS_RESERVED');
    for (const step of ['pick', 'recheck', 'pack', 'ship'])
      expect((await a.warehouse({ method: 'POST', url: `/api/shipments/${first.json().id}/${step}` })).statusCode).toBe(
        200,
      );
    const mid = (await a.sales({ method: 'GET', url: `/api/stock?product=${p.A.id}` })).json().items[0];
    expect(mid).toMatchObject({ onHand: before.onHand - 2, reserved: before.reserved - 2 });
    expect((await a.sales({ method: 'GET', url: `/api/orders/${order.id}` })).json()).toMatchObject({
      status: 'partially_shipped',
      lines: [{ shipped: 2, reserved: 3 }],
    });
    expect((await (await shipAll([order.id])).ship()).statusCode).toBe(200);
    const after = (await a.sales({ method: 'GET', url: `/api/stock?product=${p.A.id}` })).json().items[0];
    expect(after).toMatchObject({ onHand: before.onHand - 5, reserved: before.reserved - 5 });
    expect((await a.sales({ method: 'GET', url: `/api/orders/${order.id}` })).json()).toMatchObject({
      status: 'shipped',
      lines: [{ shipped: 5, reserved: 0 }],
    });
    expect(
      (await a.warehouse({ method: 'POST', url: '/api/shipments', payload: { orderIds: [order.id] } })).json().error
        .code,
    ).toBe('STATE.ILLEGAL_TRANSITION');
  });

  it('two clerks at once never ship more than reserved', async () => {
    const customer = await newCustomer('RACE2', 'credit', { paymentDays: 10 });
    const order = await confirmed(customer, [{ productId: p.C.id, qty: 4 }]);
    const created = await Promise.all(
      [0, 1].map(() => a.warehouse({ method: 'POST', url: '/api/shipments', payload: { orderIds: [order.id] } })),
    );
    expect(created.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const id = created.find((r) => r.statusCode === 201)!.json().id;
    for (const step of ['pick', 'recheck', 'pack'])
      await a.warehouse({ method: 'POST', url: `/api/shipments/${id}/${step}` });
    const shipped = await Promise.all(
      [0, 1].map(() => a.warehouse({ method: 'POST', url: `/api/shipments/${id}/ship` })),
    );
    expect(shipped.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await a.sales({ method: 'GET', url: `/api/orders/${order.id}` })).json().lines[0]).toMatchObject({
      shipped: 4,
      reserved: 0,
    });
    expect(await ledgerMismatches(t.database.db, t.companyA)).toEqual([]);
  });

  it('merges orders to the same consignee and address into one shipment, and refuses others', async () => {
    const customer = await newCustomer('MERGE1', 'credit', { paymentDays: 10 });
    const o1 = await confirmed(customer, [{ productId: p.A.id, qty: 1 }]);
    const o2 = await confirmed(customer, [{ productId: p.C.id, qty: 1 }]);
    const merged = await a.warehouse({ method: 'POST', url: '/api/shipments', payload: { orderIds: [o1.id, o2.id] } });
    expect(
      merged
        .json()
        .lines.map((l: { orderNumber: string }) => l.orderNumber)
        .sort(),
    ).toEqual([o1.number, o2.number].sort());
    const other = await newCustomer('MERGE2', 'credit', { paymentDays: 10 });
    const o3 = await confirmed(other, [{ productId: p.A.id, qty: 1 }]);
    const o4 = await confirmed(customer, [{ productId: p.A.id, qty: 1 }]);
    expect(
      (await a.warehouse({ method: 'POST', url: '/api/shipments', payload: { orderIds: [o3.id, o4.id] } })).json().error
        .code,
    ).toBe('SHIPMENT.DIFFERENT_CONSIGNEE');
    const note = await a.warehouse({ method: 'GET', url: `/api/shipments/${merged.json().id}/delivery-note` });
    expect(note.body).toContain('送货单');
    expect(note.body).toContain('贰佰零捌元整');
    const outbound = await a.warehouse({ method: 'GET', url: `/api/shipments/${merged.json().id}/outbound-order` });
    expect(outbound.body).toContain('出库单');
    expect(outbound.body).toContain('ZC');
    expect(outbound.body).toContain(o1.number);
    expect(outbound.body).toContain('贰佰零捌元整');
    const sheet = await a.warehouse({
      method: 'GET',
      url: `/api/shipments/${merged.json().id}/outbound-order?format=xlsx`,
    });
    expect(sheet.headers['content-type']).toContain('spreadsheetml');
    expect(sheet.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('the 24 h pick limit counts working hours over a holiday; a late tracking number is flagged', async () => {
    const customer = await newCustomer('CLOCK1', 'credit', { paymentDays: 10 });
    // Confirmed on Tuesday 30 September 2025 at 17:00 in Shanghai, before National Day.
    const order = await fulfilmentFactories(t, a).orderConfirmedAt(new Date('2025-09-30T09:00:00Z'), customer, [
      { productId: p.A.id, qty: 1 },
    ]);
    const actor = {
      userId: (await a.warehouse({ method: 'GET', url: '/api/auth/me' })).json().user.id,
      username: 'warehouse',
      displayName: '',
      companyId: t.companyA,
      roles: ['warehouse'],
      sessionId: '',
      sessionKind: 'token',
      csrfToken: '',
    } as Actor;
    // The outbound order is written on 9 October: the limit still runs from the confirmation.
    const env = { now: new Date('2025-10-09T03:00:00Z'), workingHours: defaultWorkingHours };
    const s = await t.database.db
      .transaction()
      .execute((trx) => createShipment(trx, actor, env, { orderIds: [order.id] }));
    // 1 h on 09-30, 9 h on 10-09, 9 h on 10-10, 5 h on Saturday 10-11 (a make-up working day).
    expect(new Date(s.pickDueAt).toISOString()).toBe('2025-10-11T06:00:00.000Z');
    for (const step of ['pick', 'recheck', 'pack'])
      await a.warehouse({ method: 'POST', url: `/api/shipments/${s.id}/${step}` });
    const shippedAt = new Date('2026-11-20T02:00:00Z');
    await t.database.db
      .transaction()
      .execute((trx) => shipShipment(trx, actor, { now: shippedAt, workingHours: defaultWorkingHours }, s.id, {}));
    const late = await t.database.db
      .transaction()
      .execute((trx) =>
        setTracking(
          trx,
          { ...actor, roles: ['logistics'] },
          { now: new Date(shippedAt.getTime() + 3 * 3_600_000), workingHours: defaultWorkingHours },
          s.id,
          { carrier: '顺丰速运', trackingNo: 'SF123' },
        ),
      );
    expect(late.trackingLate).toBe(true);
    const messages = await t.database.db
      .selectFrom('outbox_messages')
      .select(['kind', 'params'])
      .where('customer_id', '=', customer)
      .execute();
    expect(messages).toMatchObject([{ kind: 'shipped', params: { trackingNo: 'SF123', carrier: '顺丰速运' } }]);
    await logistics({
      method: 'POST',
      url: `/api/shipments/${s.id}/exceptions`,
      payload: { type: 'delay', action: '联系承运商催件', customerInformed: true },
    });
    expect((await logistics({ method: 'GET', url: '/api/logistics-exceptions?status=open' })).json()[0]).toMatchObject({
      type: 'delay',
      customerInformed: true,
    });
    // An open exception shows on its order until it is closed.
    const onOrder = (
      await a.sales({ method: 'GET', url: `/api/logistics-exceptions?status=open&order=${order.id}` })
    ).json();
    expect(onOrder).toMatchObject([{ shipmentId: s.id, type: 'delay', status: 'open' }]);
    expect(
      (
        await logistics({
          method: 'POST',
          url: `/api/logistics-exceptions/${onOrder[0].id}/close`,
          payload: { result: '已送达', customerInformed: true },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await a.sales({ method: 'GET', url: `/api/logistics-exceptions?status=open&order=${order.id}` })).json(),
    ).toEqual([]);
    expect(
      (await logistics({ method: 'GET', url: '/api/shipments/stale?days=1' }))
        .json()
        .some((x: { id: string }) => x.id === s.id),
    ).toBe(true);

    // Tracking events imported from a carrier's sheet: all rows or none; times are local (UTC+8).
    const header = ['运单号 Tracking no.', '时间 Time', '地点 Location', '描述 Description'];
    const bad = await logistics({
      method: 'POST',
      url: '/api/tracking-events/import',
      ...multipart({
        name: 't.xlsx',
        data: await buildXlsx(header, [
          ['SF123', '2026-11-20 18:00', '上海', '已揽收'],
          ['NOPE', 'yesterday', '', ''],
        ]),
        type: XLSX,
      }),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(
      ['3:运单号', '3:时间', '3:描述'],
    );
    expect((await logistics({ method: 'GET', url: `/api/shipments/${s.id}/tracking` })).json().events).toEqual([]);
    const nowMinute = Math.floor(Date.now() / 60_000) * 60_000;
    const wallClock = new Date(nowMinute + 8 * 3_600_000); // a time cell as Excel keeps it: Shanghai wall-clock time
    const rows = [
      ['SF123', '2026-11-20 18:00', '上海转运中心', '已揽收'],
      ['SF123', wallClock, '杭州', '派送中'],
    ];
    const ok = await logistics({
      method: 'POST',
      url: '/api/tracking-events/import',
      ...multipart({ name: 't.xlsx', data: await buildXlsx(header, rows), type: XLSX }),
    });
    expect(ok.json()).toEqual({ imported: 2 });
    const tracked = (await logistics({ method: 'GET', url: `/api/shipments/${s.id}/tracking` })).json();
    expect(tracked).toMatchObject({ trackingNo: 'SF123', adapter: 'manual' });
    expect(
      tracked.events.map((e: { at: string; description: string }) => [new Date(e.at).toISOString(), e.description]),
    ).toEqual([
      ['2026-11-20T10:00:00.000Z', '已揽收'],
      [new Date(nowMinute).toISOString(), '派送中'],
    ]);
    expect(
      (await logistics({ method: 'GET', url: '/api/shipments/stale?days=1' }))
        .json()
        .some((x: { id: string }) => x.id === s.id),
    ).toBe(false);
  });
});

describe('delivery, feedback and cash', () => {
  async function deliveredOrder(code: string, qty = 2) {
    const customer = await newCustomer(code, 'credit', { paymentDays: 30 });
    const order = await confirmed(customer, [{ productId: p.A.id, qty }]);
    const s = await shipAll([order.id]);
    await s.ship();
    const delivered = await logistics({
      method: 'POST',
      url: `/api/shipments/${s.id}/deliver`,
      payload: { signedBy: '张三' },
    });
    expect(delivered.json()).toMatchObject({ status: 'delivered', signedBy: '张三' });
    const proof = await logistics({
      method: 'POST',
      url: `/api/shipments/${s.id}/proof`,
      ...multipart({ name: '签收单.jpg', data: Buffer.from('jpeg-bytes'), type: 'image/jpeg' }),
    });
    expect(proof.statusCode).toBe(201);
    expect((await logistics({ method: 'GET', url: `/api/shipments/${s.id}` })).json().proofs).toMatchObject([
      { id: proof.json().id, filename: '签收单.jpg' },
    ]);
    expect((await logistics({ method: 'GET', url: `/api/attachments/${proof.json().id}` })).body).toBe('jpeg-bytes');
    const callback = (await service({ method: 'GET', url: '/api/callbacks?status=open' }))
      .json()
      .find((c: { orderId: string }) => c.orderId === order.id);
    return { customer, order, callback };
  }

  it(
    'delivery opens a call-back due in 24 h; a confirmation lets finance complete the order ' + 'with its invoice',
    async () => {
      const { order, callback } = await deliveredOrder('DLV1');
      expect((await a.sales({ method: 'GET', url: `/api/orders/${order.id}` })).json().status).toBe('delivered');
      expect(new Date(callback.dueAt).getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
      await service({
        method: 'POST',
        url: `/api/callbacks/${callback.id}`,
        payload: { outcome: 'ok', notes: '数量质量无误' },
      });
      const done = await a.finance({
        method: 'POST',
        url: `/api/orders/${order.id}/complete`,
        payload: {
          number: 'INV-0001',
          issuedOn: '2026-11-23',
          amount: order.total,
          taxRate: '13',
          type: 'digital',
          outboundVoucher: 'OUT-1',
        },
      });
      expect(done.json().status).toBe('completed');
      expect(
        (await a.finance({ method: 'GET', url: '/api/invoices' }))
          .json()
          .items.find((i: { orderId: string }) => i.orderId === order.id),
      ).toMatchObject({
        number: 'INV-0001',
        amount: order.total,
        taxRate: '13.00',
        type: 'digital',
        outboundVoucher: 'OUT-1',
      });
      expect(
        (
          await a.finance({
            method: 'POST',
            url: `/api/orders/${order.id}/complete`,
            payload: {
              number: 'INV-0001',
              issuedOn: '2026-11-23',
              amount: order.total,
              taxRate: '13',
              type: 'digital',
            },
          })
        ).statusCode,
      ).toBe(409);
    },
  );

  it('a problem opens a complaint due in 2 working days, resolved by reship, allowance or return', async () => {
    const { customer, order, callback } = await deliveredOrder('CMP1');
    const problem = (
      await service({
        method: 'POST',
        url: `/api/callbacks/${callback.id}`,
        payload: { outcome: 'problem', complaint: { type: 'damage', description: '外箱破损' } },
      })
    ).json();
    expect(problem.complaint).toMatchObject({ type: 'damage', status: 'open' });
    const reship = (
      await service({
        method: 'POST',
        url: `/api/complaints/${problem.complaint.id}/resolve`,
        payload: { resolution: 'reship' },
      })
    ).json();
    const replacement = (await a.sales({ method: 'GET', url: `/api/orders/${reship.replacementOrderId}` })).json();
    expect(replacement).toMatchObject({ orderType: 'replacement', total: '0.00', status: 'draft' });

    const second = (
      await service({
        method: 'POST',
        url: `/api/callbacks/${(await deliveredOrder('CMP2')).callback.id}`,
        payload: { outcome: 'problem', complaint: { type: 'short', description: '少一件' } },
      })
    ).json();
    void customer;
    const allowance = await service({
      method: 'POST',
      url: `/api/complaints/${second.complaint.id}/resolve`,
      payload: { resolution: 'allowance', amount: '50.00' },
    });
    expect(allowance.json()).toMatchObject({ resolution: 'allowance', amount: '50.00' });
    const allowanceOrder = allowance.json().orderId;
    const customerOf = allowanceOrder
      ? (await a.sales({ method: 'GET', url: `/api/orders/${allowanceOrder}` })).json().customer.id
      : '';
    const receivables = (await a.finance({ method: 'GET', url: `/api/receivables?customer=${customerOf}` })).json()
      .items;
    expect(receivables[0]).toMatchObject({ amount: '240.00', outstanding: '190.00' });

    const third = (
      await service({
        method: 'POST',
        url: `/api/callbacks/${(await deliveredOrder('CMP3')).callback.id}`,
        payload: { outcome: 'problem', complaint: { type: 'wrong_item', description: '发错型号' } },
      })
    ).json();
    const ret = (
      await service({
        method: 'POST',
        url: `/api/complaints/${third.complaint.id}/resolve`,
        payload: { resolution: 'return' },
      })
    ).json();
    expect(ret.returnRequestId).toBeTruthy();
    const request = await t.database.db
      .selectFrom('return_requests')
      .select(['order_id', 'status'])
      .where('id', '=', ret.returnRequestId)
      .executeTakeFirstOrThrow();
    expect(request).toMatchObject({ order_id: third.complaint.orderId, status: 'requested' });
    void order;
  });

  it(
    'receipts and reversals keep balances equal to the sum of their rows; ' + 'overpayment is the customer balance',
    async () => {
      const { customer, order } = await deliveredOrder('CASH1');
      const r = (await receipt(customer, '1000.00', [{ orderId: order.id, amount: '240.00' }])).json();
      expect(r).toMatchObject({ unapplied: '760.00' });
      expect((await a.finance({ method: 'GET', url: `/api/customers/${customer}/balance` })).json().balance).toBe(
        '760.00',
      );
      expect(
        (await a.finance({ method: 'GET', url: `/api/receivables?customer=${customer}` })).json().items[0],
      ).toMatchObject({
        outstanding: '0.00',
        bucket: 'paid',
      });
      const over = await a.finance({
        method: 'POST',
        url: `/api/receipts/${r.id}/apply`,
        payload: { orderId: order.id, amount: '800.00' },
      });
      expect(over.json().error.code).toBe('RECEIPT.OVER_APPLIED');
      // The order is paid in full: more on it is refused; the money stays on the customer's account.
      const beyond = await a.finance({
        method: 'POST',
        url: `/api/receipts/${r.id}/apply`,
        payload: { orderId: order.id, amount: '10.00' },
      });
      expect(beyond.json().error).toMatchObject({
        code: 'RECEIPT.OVER_ORDER',
        message: expect.stringContaining('¥0.00'),
      });
      const before = (await a.finance({ method: 'GET', url: `/api/receipts?customer=${customer}` })).json().items
        .length;
      expect((await receipt(customer, '50.00', [{ orderId: order.id, amount: '50.00' }])).statusCode).toBe(409);
      // Nothing half-saved.
      expect((await a.finance({ method: 'GET', url: `/api/receipts?customer=${customer}` })).json().items).toHaveLength(
        before,
      );
      const reversal = await a.finance({
        method: 'POST',
        url: `/api/receipts/${r.id}/reverse`,
        payload: { reason: '录错金额' },
      });
      expect(reversal.json()).toMatchObject({ amount: '-1000.00', reversesId: r.id });
      expect((await a.finance({ method: 'GET', url: `/api/customers/${customer}/balance` })).json().balance).toBe(
        '0.00',
      );
      expect((await a.finance({ method: 'GET', url: `/api/orders/${order.id}/payment` })).json().paid).toBe('0.00');
      expect(
        (await a.finance({ method: 'GET', url: `/api/receivables?customer=${customer}` })).json().items[0].outstanding,
      ).toBe('240.00');
      expect(
        (await a.finance({ method: 'POST', url: `/api/receipts/${r.id}/reverse`, payload: { reason: 'again' } })).json()
          .error.code,
      ).toBe('RECEIPT.ALREADY_REVERSED');
    },
  );

  it('an overdue receivable beyond the tolerance puts new orders on credit hold', async () => {
    const customer = await newCustomer('HOLD1', 'credit', { paymentDays: 30 });
    const order = await confirmed(customer, [{ productId: p.A.id, qty: 1 }]);
    await createReceivable(t.database.db, t.companyA, {
      customerId: customer,
      orderId: order.id,
      kind: 'shipment',
      amount: '120.00',
      dueDate: '2026-01-01',
    });
    const next = (
      await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(customer, [{ productId: p.A.id, qty: 1 }]),
      })
    ).json();
    const held = await a.sales({ method: 'POST', url: `/api/orders/${next.id}/submit` });
    expect(held.statusCode).toBe(409);
    expect(held.json().error).toMatchObject({ code: 'CUSTOMER.CREDIT_HOLD' });
  });

  it('reminds the customer once, 3 days before the due date, and lists overdue receivables to finance', async () => {
    const customer = await newCustomer('REM1', 'credit', { paymentDays: 30 });
    const order = await confirmed(customer, [{ productId: p.A.id, qty: 1 }]);
    await createReceivable(t.database.db, t.companyA, {
      customerId: customer,
      orderId: order.id,
      kind: 'shipment',
      amount: '120.00',
      dueDate: '2026-12-03',
    });
    const mine = () =>
      t.database.db
        .selectFrom('outbox_messages')
        .select('id')
        .where('customer_id', '=', customer)
        .where('kind', '=', 'payment_reminder')
        .execute();
    await remindReceivables(t.database.db, '2026-11-29');
    expect(await mine()).toHaveLength(0);
    await Promise.all([remindReceivables(t.database.db, '2026-11-30'), remindReceivables(t.database.db, '2026-11-30')]);
    await remindReceivables(t.database.db, '2026-12-01');
    expect(await mine()).toHaveLength(1);
    const messages = await t.database.db
      .selectFrom('outbox_messages')
      .select(['kind', 'params'])
      .where('customer_id', '=', customer)
      .execute();
    expect(messages).toMatchObject([{ kind: 'payment_reminder', params: { amount: '120.00', due: '2026-12-03' } }]);
    await dailyCashReport(t.database.db, '2026-12-20');
    const notes = (await a.finance({ method: 'GET', url: '/api/notifications' })).json().items;
    expect(notes.some((n: { kind: string }) => n.kind === 'overdue_receivables')).toBe(true);
  });
});

describe('production progress', () => {
  it('the planner moves a schedule to in production and in stock; the receipt fills the backorder', async () => {
    const customer = await newCustomer('PROD1', 'credit', { paymentDays: 30 });
    const stock = (await a.sales({ method: 'GET', url: `/api/stock?product=${p.B.id}` })).json().items[0];
    const order = await confirmed(customer, [{ productId: p.B.id, qty: stock.available + 2 }]);
    expect(order.lines[0].backordered).toBe(2);
    const request = (await a.planner({ method: 'GET', url: `/api/production-requests?order=${order.id}` })).json()[0];
    expect(request.status).toBe('answered');
    expect(
      (
        await a.planner({
          method: 'POST',
          url: `/api/production-requests/${request.id}/progress`,
          payload: { event: 'finish' },
        })
      ).json().error.code,
    ).toBe('STATE.ILLEGAL_TRANSITION');
    expect(
      (
        await a.planner({
          method: 'POST',
          url: `/api/production-requests/${request.id}/progress`,
          payload: { event: 'start', note: '已排产' },
        })
      ).json(),
    ).toMatchObject({ status: 'in_production', progressLate: false });
    expect(
      (
        await a.planner({
          method: 'POST',
          url: `/api/production-requests/${request.id}/progress`,
          payload: { event: 'finish' },
        })
      ).json().status,
    ).toBe('in_stock');
    await a.warehouse({
      method: 'POST',
      url: '/api/stock/receipts',
      payload: { warehouseId: stock.warehouseId, reference: '生产入库', lines: [{ productId: p.B.id, qty: 2 }] },
    });
    expect((await a.sales({ method: 'GET', url: `/api/orders/${order.id}` })).json().lines[0]).toMatchObject({
      backordered: 0,
    });
  });

  it('a schedule not updated for a week is flagged to the planners once, and again after a later lapse', async () => {
    const customer = await newCustomer('PROD2', 'credit', { paymentDays: 30 });
    const stock = (await a.sales({ method: 'GET', url: `/api/stock?product=${p.B.id}` })).json().items[0];
    const order = await confirmed(customer, [{ productId: p.B.id, qty: stock.available + 3 }]);
    const request = (await a.planner({ method: 'GET', url: `/api/production-requests?order=${order.id}` })).json()[0];
    await a.planner({
      method: 'POST',
      url: `/api/production-requests/${request.id}/progress`,
      payload: { event: 'start' },
    });
    const flagged = async (at: Date) =>
      (await flagLateProgress(t.database.db, t.companyA, at)).filter((r) => r.order_id === order.id).length;
    const day = 86_400_000;
    expect(await flagged(new Date(Date.now() + 6 * day))).toBe(0);
    expect(await flagged(new Date(Date.now() + 8 * day))).toBe(1);
    expect(await flagged(new Date(Date.now() + 9 * day))).toBe(0);
    // A progress report re-arms the flag; the next lapse is flagged again.
    await t.database.db
      .updateTable('production_requests')
      .set({ last_progress_at: new Date(Date.now() + 10 * day) })
      .where('id', '=', request.id)
      .execute();
    expect(await flagged(new Date(Date.now() + 12 * day))).toBe(0);
    expect(await flagged(new Date(Date.now() + 18 * day))).toBe(1);
    // The daily job tells the planners.
    await t.database.db
      .updateTable('production_requests')
      .set({ last_progress_at: new Date(Date.now() - 8 * day), progress_flagged_at: null })
      .where('id', '=', request.id)
      .execute();
    await dailyCashReport(t.database.db, '2026-11-23');
    await dailyCashReport(t.database.db, '2026-11-23');
    const told = await t.database.db
      .selectFrom('notifications')
      .select(['kind', 'params'])
      .where('order_id', '=', order.id)
      .where('kind', '=', 'production_progress_late')
      .execute();
    expect(told).toHaveLength(1);
    expect(told[0].params).toMatchObject({ number: order.number });
    expect(
      (await a.planner({ method: 'GET', url: `/api/production-requests?order=${order.id}` })).json()[0].progressLate,
    ).toBe(true);
  });
});
