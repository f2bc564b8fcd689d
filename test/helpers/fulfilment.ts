import { defaultWorkingHours } from '../../src/lib/calendar/calendar';
import type { Actor } from '../../src/modules/auth/auth.service';
import { confirmOrder } from '../../src/modules/orders/confirm-order';
import type { TestContext } from './test-app';
import { approveAllStages, orderActors, orderBody, uploadQualification } from './orders';

type Actors = Awaited<ReturnType<typeof orderActors>>;

/** Factories for fulfilment tests: customers that may order, confirmed orders, shipments walked to the dock. */
export function fulfilmentFactories(t: TestContext, a: Actors) {
  async function newCustomer(code: string, paymentMethod = 'credit', extra: Record<string, unknown> = {}) {
    const res = await a.finance({
      method: 'POST',
      url: '/api/customers',
      payload: {
        code,
        shortCode: code,
        name: `${code} 公司`,
        kind: 'ordinary',
        paymentMethod,
        paymentDays: paymentMethod === 'credit' ? 10 : 0,
        creditLimit: '1000000.00',
        contacts: [{ name: '甲' }],
        addresses: [{ consignee: '甲', address: `${code} 路 1 号`, region: '上海' }],
        ...extra,
      },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    await uploadQualification(a.sales, res.json().id);
    return res.json().id as string;
  }

  /** An order taken through review and the customer's confirmation (stock reserved, the rest backordered). */
  async function confirmedOrder(
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
    const res = await a.sales({
      method: 'POST',
      url: `/api/orders/${o.id}/confirm`,
      payload: { method: 'electronic' },
    });
    if (res.statusCode !== 200) throw new Error(res.body);
    return res.json().order as { id: string; number: string; status: string };
  }

  /** Like confirmedOrder, but the customer's confirmation is recorded at the given time (a fixed clock). */
  async function orderConfirmedAt(
    at: Date,
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
    const sales = await actorOf('sales');
    await t.database.db
      .transaction()
      .execute((trx) =>
        confirmOrder(trx, sales, { now: at, workingHours: defaultWorkingHours }, o.id, { method: 'electronic' }),
      );
    return o as { id: string; number: string };
  }

  /** A shipment of everything reserved, picked, rechecked and packed. */
  async function packedShipment(orderIds: string[]) {
    const s = await a.warehouse({ method: 'POST', url: '/api/shipments', payload: { orderIds } });
    if (s.statusCode !== 201) throw new Error(s.body);
    const id = s.json().id as string;
    for (const step of ['pick', 'recheck', 'pack']) {
      const r = await a.warehouse({ method: 'POST', url: `/api/shipments/${id}/${step}` });
      if (r.statusCode !== 200) throw new Error(r.body);
    }
    return id;
  }

  /** The service-level actor of a demo user (for use cases called with a fixed clock). */
  async function actorOf(username: keyof Actors, roles?: string[]): Promise<Actor> {
    const whoami = (await a[username]({ method: 'GET', url: '/api/auth/me' })).json();
    const me = whoami.user;
    return {
      userId: me.id,
      username,
      displayName: '',
      companyId: t.companyA,
      roles: roles ?? whoami.roles,
      sessionId: '',
      sessionKind: 'token',
      csrfToken: '',
    } as Actor;
  }

  return { newCustomer, confirmedOrder, orderConfirmedAt, packedShipment, actorOf };
}
