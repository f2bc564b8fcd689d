import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { approveAllStages, orderActors, orderBody, productBySku, uploadQualification } from '../helpers/orders';
import { defaultWorkingHours } from '../../src/lib/calendar/calendar';
import type { Env } from '../../src/lib/env';
import type { Actor } from '../../src/modules/auth/auth.service';
import { deliverShipment } from '../../src/modules/shipping/deliver-shipment';
import { recordCallback } from '../../src/modules/feedback/callbacks';
import { openComplaint } from '../../src/modules/feedback/complaints';

// Delivery, call-backs and complaints with a fixed clock: their due times are asserted to the minute.

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let service: ReturnType<TestContext['as']>;
let productId: string;

const at = (iso: string): Env => ({ now: new Date(iso), workingHours: defaultWorkingHours });

async function actorOf(as: ReturnType<TestContext['as']>, roles: string[]): Promise<Actor> {
  const me = (await as({ method: 'GET', url: '/api/auth/me' })).json();
  return { userId: me.user.id, companyId: t.companyA, roles } as unknown as Actor;
}

/** An order shipped in full on one shipment, not yet delivered. */
async function shippedOrder(code: string) {
  const c = (
    await a.finance({
      method: 'POST',
      url: '/api/customers',
      payload: {
        code,
        shortCode: code,
        name: `${code} 公司`,
        kind: 'ordinary',
        paymentMethod: 'credit',
        paymentDays: 30,
        creditLimit: '1000000.00',
        contacts: [{ name: '甲' }],
        addresses: [{ consignee: '甲', address: `${code} 路 1 号`, region: '上海' }],
      },
    })
  ).json();
  await uploadQualification(a.sales, c.id);
  const o = (
    await a.sales({ method: 'POST', url: '/api/orders', payload: orderBody(c.id, [{ productId, qty: 1 }]) })
  ).json();
  await a.sales({ method: 'POST', url: `/api/orders/${o.id}/submit` });
  await approveAllStages(t, a, o.id);
  await a.sales({ method: 'POST', url: `/api/orders/${o.id}/confirm`, payload: { method: 'electronic' } });
  const s = await a.warehouse({ method: 'POST', url: '/api/shipments', payload: { orderIds: [o.id] } });
  if (s.statusCode !== 201) throw new Error(s.body);
  const shipmentId = s.json().id as string;
  for (const step of ['pick', 'recheck', 'pack', 'ship'])
    await a.warehouse({ method: 'POST', url: `/api/shipments/${shipmentId}/${step}` });
  return { orderId: o.id as string, shipmentId, total: o.total as string };
}

const deliver = async (shipmentId: string, env: Env, signedAt?: string) => {
  const actor = await actorOf(t.as(await t.token('logistics')), ['logistics']);
  return t.database.db
    .transaction()
    .execute((trx) => deliverShipment(trx, actor, env, shipmentId, { signedBy: '张三', at: signedAt }));
};

const callbackOf = async (orderId: string) =>
  (await service({ method: 'GET', url: '/api/callbacks' }))
    .json()
    .find((c: { orderId: string }) => c.orderId === orderId);

const invoice = (number: string, amount: string) => ({
  number,
  issuedOn: '2026-11-30',
  amount,
  taxRate: '13',
  type: 'normal',
});

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  service = t.as(await t.token('service'));
  productId = (await productBySku(a.sales, 'A-01')).id;
});
afterAll(() => t.close());

describe('call-back and complaint time limits (fixed clock)', () => {
  it('a call-back is due exactly 24 h after receipt, counted from the signed time when one is given', async () => {
    const first = await shippedOrder('FB1');
    await deliver(first.shipmentId, at('2026-11-27T08:00:00Z'));
    expect(new Date((await callbackOf(first.orderId)).dueAt).toISOString()).toBe('2026-11-28T08:00:00.000Z');

    const second = await shippedOrder('FB2');
    await deliver(second.shipmentId, at('2026-11-27T08:00:00Z'), '2026-11-26T13:30:00Z');
    expect(new Date((await callbackOf(second.orderId)).dueAt).toISOString()).toBe('2026-11-27T13:30:00.000Z');
  });

  it('a complaint opened Friday 16:00 is due Tuesday 16:00 (2 working days of 09:00–18:00)', async () => {
    const { orderId, shipmentId } = await shippedOrder('FB3');
    await deliver(shipmentId, at('2026-11-26T08:00:00Z'));
    const cb = await callbackOf(orderId);
    const actor = await actorOf(service, ['customer_service']);
    const friday = at('2026-11-27T08:00:00Z'); // Friday 16:00 in Shanghai
    const { complaint } = await t.database.db.transaction().execute((trx) =>
      recordCallback(trx, actor, friday, cb.id, {
        outcome: 'problem',
        complaint: { type: 'damage', description: '外箱破损' },
      }),
    );
    expect(new Date(complaint!.dueAt).toISOString()).toBe('2026-12-01T08:00:00.000Z'); // Tuesday 16:00
    expect(complaint!.late).toBe(false);
    const done = (await service({ method: 'GET', url: '/api/callbacks?status=done' }))
      .json()
      .find((c: { id: string }) => c.id === cb.id);
    expect(done).toMatchObject({ status: 'done', outcome: 'problem', actions: [] });
    expect(new Date(done.doneAt).toISOString()).toBe('2026-11-27T08:00:00.000Z');
  });

  it('counts over National Day and its make-up working days', async () => {
    const { orderId } = await shippedOrder('FB4');
    const actor = await actorOf(service, ['customer_service']);
    const open = (iso: string) =>
      t.database.db
        .transaction()
        .execute((trx) => openComplaint(trx, actor, at(iso), orderId, null, { type: 'late', description: '迟到' }));
    const due = async (iso: string) => new Date((await open(iso)).dueAt).toISOString();
    // Tuesday 09-30 16:00: 2 h that day, 10-01…10-08 off, 9 h on Thursday 10-09, 7 h on Friday 10-10.
    expect(await due('2025-09-30T08:00:00Z')).toBe('2025-10-10T08:00:00.000Z');
    // Friday 10-10 16:00: 2 h, Saturday 10-11 is a make-up working day (9 h), Sunday off, 7 h on Monday.
    expect(await due('2025-10-10T08:00:00Z')).toBe('2025-10-13T08:00:00.000Z');
    // Thursday 09-25 16:00: 2 h, Friday 9 h, Saturday off, Sunday 09-28 a make-up working day until 16:00.
    expect(await due('2025-09-25T08:00:00Z')).toBe('2025-09-28T08:00:00.000Z');
  });
});

describe('closing complaints and completing orders', () => {
  it('no completion while a complaint is open; closed with result and satisfaction, it completes', async () => {
    const { orderId, shipmentId, total } = await shippedOrder('FB5');
    await deliver(shipmentId, at('2026-11-27T08:00:00Z'));
    const cb = await callbackOf(orderId);
    expect(cb.actions).toEqual(['record']);
    expect((await a.sales({ method: 'GET', url: '/api/callbacks' })).json()[0].actions).toEqual([]);
    const { complaint } = (
      await service({
        method: 'POST',
        url: `/api/callbacks/${cb.id}`,
        payload: { outcome: 'problem', complaint: { type: 'short', description: '少一件' } },
      })
    ).json();
    expect(complaint.actions).toEqual(['resolve', 'close']);

    const order = (await a.finance({ method: 'GET', url: `/api/orders/${orderId}` })).json();
    expect(order.status).toBe('delivered');
    expect(order.actions).not.toContain('complete');
    const refused = await a.finance({
      method: 'POST',
      url: `/api/orders/${orderId}/complete`,
      payload: invoice('INV-FB5', total),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'ORDER.OPEN_COMPLAINT',
      message: expect.stringContaining('1 个未结投诉'),
    });

    const resolved = (
      await service({
        method: 'POST',
        url: `/api/complaints/${complaint.id}/resolve`,
        payload: { resolution: 'allowance', amount: '10.00' },
      })
    ).json();
    expect(resolved).toMatchObject({ status: 'resolved', actions: ['close'] });
    // Resolved is not closed: the customer has not agreed yet.
    expect(
      (
        await a.finance({ method: 'POST', url: `/api/orders/${orderId}/complete`, payload: invoice('INV-FB5', total) })
      ).json().error.code,
    ).toBe('ORDER.OPEN_COMPLAINT');

    const bad = await service({
      method: 'POST',
      url: `/api/complaints/${complaint.id}/close`,
      payload: { result: '已折让 10 元', satisfaction: 6 },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error)).toContain('satisfaction');
    expect(
      (
        await a.sales({
          method: 'POST',
          url: `/api/complaints/${complaint.id}/close`,
          payload: { result: '已折让', satisfaction: 4 },
        })
      ).statusCode,
    ).toBe(403);
    const closed = await service({
      method: 'POST',
      url: `/api/complaints/${complaint.id}/close`,
      payload: { result: '已折让 10 元，客户认可', satisfaction: 'happy' },
    });
    expect(closed.json()).toMatchObject({
      status: 'closed',
      closeResult: '已折让 10 元，客户认可',
      satisfaction: 4,
      actions: [],
    });
    const again = await service({
      method: 'POST',
      url: `/api/complaints/${complaint.id}/close`,
      payload: { result: 'x', satisfaction: 5 },
    });
    expect(again.statusCode).toBe(409);
    const history = await t.database.db
      .selectFrom('state_history')
      .select(['from_state', 'to_state', 'event', 'reason'])
      .where('entity_type', '=', 'complaint')
      .where('entity_id', '=', complaint.id)
      .orderBy('at')
      .execute();
    expect(history).toEqual([
      { from_state: 'open', to_state: 'resolved', event: 'resolve', reason: 'allowance' },
      { from_state: 'resolved', to_state: 'closed', event: 'close', reason: '已折让 10 元，客户认可' },
    ]);

    expect((await a.finance({ method: 'GET', url: `/api/orders/${orderId}` })).json().actions).toEqual(['complete']);
    const done = await a.finance({
      method: 'POST',
      url: `/api/orders/${orderId}/complete`,
      payload: invoice('INV-FB5', total),
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', actions: [] });
  });

  it('a complaint found to be no fault is closed without a resolution; the call-back history is kept', async () => {
    const { orderId, shipmentId } = await shippedOrder('FB6');
    await deliver(shipmentId, at('2026-11-27T08:00:00Z'));
    const cb = await callbackOf(orderId);
    const { complaint } = (
      await service({
        method: 'POST',
        url: `/api/callbacks/${cb.id}`,
        payload: { outcome: 'problem', complaint: { type: 'quality', description: '颜色不符' } },
      })
    ).json();
    const closed = await service({
      method: 'POST',
      url: `/api/complaints/${complaint.id}/close`,
      payload: { result: '客户确认为正常色差', satisfaction: 3 },
    });
    expect(closed.json()).toMatchObject({ status: 'closed', resolution: null, satisfaction: 3 });
    expect(
      (await service({ method: 'POST', url: `/api/callbacks/${cb.id}`, payload: { outcome: 'ok' } })).statusCode,
    ).toBe(409);
    const history = await t.database.db
      .selectFrom('state_history')
      .select(['from_state', 'to_state', 'event'])
      .where('entity_type', '=', 'callback')
      .where('entity_id', '=', cb.id)
      .execute();
    expect(history).toEqual([{ from_state: 'open', to_state: 'done', event: 'record' }]);
  });
});
