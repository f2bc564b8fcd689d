import type { TestContext } from './test-app';
import { approveAllStages, orderBody, type orderActors } from './orders';

type As = ReturnType<TestContext['as']>;

/** Invites a portal login for the customer, logs it in and changes its one-time password: a bearer token. */
export async function portalLogin(t: TestContext, inviter: As, customerId: string, username: string) {
  const invited = await inviter({
    method: 'POST',
    url: `/api/customers/${customerId}/portal-users`,
    payload: { username, displayName: `${username} 联系人`, email: `${username}@example.com` },
  });
  if (invited.statusCode !== 201) throw new Error(invited.body);
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: invited.json().initialPassword },
  });
  const token = login.json().token as string;
  const changed = await t.as(token)({
    method: 'POST',
    url: '/api/auth/password',
    payload: { currentPassword: invited.json().initialPassword, newPassword: 'portal-secret-1' },
  });
  if (changed.statusCode !== 200) throw new Error(changed.body);
  return token;
}

/** An order of the customer taken through review: waiting for the customer's confirmation. */
export async function orderAwaitingConfirmation(
  t: TestContext,
  a: Awaited<ReturnType<typeof orderActors>>,
  customerId: string,
  lines: { productId: string; qty: number }[],
) {
  const o = await a.sales({ method: 'POST', url: '/api/orders', payload: orderBody(customerId, lines) });
  if (o.statusCode !== 201) throw new Error(o.body);
  const submitted = await a.sales({ method: 'POST', url: `/api/orders/${o.json().id}/submit` });
  if (submitted.statusCode !== 200) throw new Error(submitted.body);
  const order = await approveAllStages(t, a, o.json().id);
  if (order.status !== 'awaiting_confirmation') throw new Error(`order is ${order.status}`);
  return order as { id: string; number: string; status: string };
}

/** A shipment of the confirmed order, packed and shipped with a tracking number. */
export async function shippedShipment(
  a: Awaited<ReturnType<typeof orderActors>>,
  f: { packedShipment: (orderIds: string[]) => Promise<string> },
  orderId: string,
) {
  const id = await f.packedShipment([orderId]);
  const shipped = await a.warehouse({
    method: 'POST',
    url: `/api/shipments/${id}/ship`,
    payload: { carrier: '顺丰', trackingNo: `SF${orderId.slice(0, 8)}` },
  });
  if (shipped.statusCode !== 200) throw new Error(shipped.body);
  return id;
}
