import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { approveAllStages, orderActors, orderBody, productBySku, uploadQualification } from '../helpers/orders';
import { createReceivable } from '../../src/modules/receivables/receivable.service';
import { orderSettlement } from '../../src/modules/payments/payment.repository';

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let product: { id: string };

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  product = await productBySku(a.sales, 'B-02');
});
afterAll(() => t.close());

async function newCustomer(code: string, paymentMethod: string) {
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
        paymentDays: 30,
        creditLimit: '1000000.00',
        contacts: [{ name: '甲' }],
        addresses: [{ consignee: '甲', address: `${code} 路 1 号`, region: '上海' }],
      },
    })
  ).json();
  await uploadQualification(a.sales, c.id);
  return c.id as string;
}

const receipt = (customerId: string, amount: string, orderId: string, applied = amount) =>
  a.finance({
    method: 'POST',
    url: '/api/receipts',
    payload: {
      customerId,
      amount,
      receivedOn: '2026-11-20',
      method: 'bank_transfer',
      reference: 'BANK-P',
      applications: [{ orderId, amount: applied }],
    },
  });

async function confirmedOrder(customerId: string, qty: number) {
  const o = (
    await a.sales({
      method: 'POST',
      url: '/api/orders',
      payload: orderBody(customerId, [{ productId: product.id, qty }]),
    })
  ).json();
  const submitted = await a.sales({ method: 'POST', url: `/api/orders/${o.id}/submit` });
  if (submitted.statusCode !== 200) throw new Error(submitted.body);
  await approveAllStages(t, a, o.id);
  const confirmed = await a.sales({
    method: 'POST',
    url: `/api/orders/${o.id}/confirm`,
    payload: { method: 'electronic' },
  });
  if (confirmed.statusCode !== 200) throw new Error(confirmed.body);
  return confirmed.json().order as { id: string; total: string; customerId: string };
}

describe('prepaid orders', () => {
  it('start production only after the prepayment covers the order, like the T/T deposit', async () => {
    const customer = await newCustomer('PPD1', 'prepaid');
    const stock = (await a.sales({ method: 'GET', url: `/api/stock?product=${product.id}` })).json().items[0];
    const order = await confirmedOrder(customer, stock.available + 4);
    const request = (await a.planner({ method: 'GET', url: `/api/production-requests?order=${order.id}` })).json()[0];
    expect(request.status).toBe('answered');
    expect(request.actions).toEqual(['start']);
    const gates = (await a.sales({ method: 'GET', url: `/api/orders/${order.id}/payment` })).json().gates;
    expect(gates).toMatchObject([
      { gate: 'production', ok: false },
      { gate: 'ship', ok: false },
    ]);
    const start = () =>
      a.planner({
        method: 'POST',
        url: `/api/production-requests/${request.id}/progress`,
        payload: { event: 'start' },
      });
    const blocked = await start();
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('GATE.BLOCKED');
    expect(blocked.json().error.message).toContain('预付款');
    // Part of the prepayment is not enough.
    await receipt(customer, '100.00', order.id);
    expect((await start()).statusCode).toBe(409);
    const rest = (Number(order.total) - 100).toFixed(2);
    await receipt(customer, rest, order.id);
    const started = await start();
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({ status: 'in_production', actions: ['finish'] });
    const history = (
      await t.database.db
        .selectFrom('state_history')
        .select(['from_state', 'to_state', 'event'])
        .where('entity_type', '=', 'production_request')
        .where('entity_id', '=', request.id)
        .orderBy('id')
        .execute()
    ).map((h) => h.event);
    expect(history).toEqual(['answer', 'start']);
  });
});

describe('what has been paid on an order', () => {
  it('counts receipts applied as paid; an allowance lowers what is owed and counts toward the gates', async () => {
    const customer = await newCustomer('ALW1', 'prepaid');
    const order = await confirmedOrder(customer, 1);
    const total = Number(order.total);
    await createReceivable(t.database.db, t.companyA, {
      customerId: customer,
      orderId: order.id,
      kind: 'allowance',
      amount: '-20.00',
      dueDate: '2026-11-20',
    });
    const owed = (total - 20).toFixed(2);
    const before = (await a.finance({ method: 'GET', url: `/api/orders/${order.id}/payment` })).json();
    expect(before).toMatchObject({ paid: '0.00', allowances: '20.00', owed });
    // Applying the full total would pay the order beyond what it owes after the allowance.
    const over = await receipt(customer, order.total, order.id);
    expect(over.json().error).toMatchObject({ code: 'RECEIPT.OVER_ORDER' });
    expect(over.json().error.message).toContain(owed);
    const paid = await receipt(customer, order.total, order.id, owed);
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json().unapplied).toBe('20.00');
    const after = (await a.finance({ method: 'GET', url: `/api/orders/${order.id}/payment` })).json();
    expect(after).toMatchObject({ paid: owed, allowances: '20.00', owed: '0.00' });
    expect(after.gates.every((g: { ok: boolean }) => g.ok)).toBe(true);
    const s = await orderSettlement(t.database.db, t.companyA, [order.id]);
    expect(s.get(order.id)).toEqual({ paid: BigInt(Math.round((total - 20) * 100)), allowances: 2000n });
    // A reversal takes the payment back off the order.
    const reversed = await a.finance({
      method: 'POST',
      url: `/api/receipts/${paid.json().id}/reverse`,
      payload: { reason: '重复录入' },
    });
    expect(reversed.statusCode).toBe(201);
    expect((await a.finance({ method: 'GET', url: `/api/orders/${order.id}/payment` })).json()).toMatchObject({
      paid: '0.00',
      owed,
    });
  });
});
