import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { orderAwaitingConfirmation, portalLogin, shippedShipment } from '../helpers/portal';
import { multipart } from '../helpers/xlsx';

// The customer portal: a customer's contacts log in and see only their own customer's business.

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let f: ReturnType<typeof fulfilmentFactories>;
let customerA: string;
let customerOther: string;
let portal: ReturnType<TestContext['as']>;

type Res = Awaited<ReturnType<TestContext['app']['inject']>>;
const ok = (res: Res, status = 200) => {
  if (res.statusCode !== status) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
};

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  f = fulfilmentFactories(t, a);
  customerA = await f.newCustomer('PTA');
  customerOther = await f.newCustomer('PTB');
  portal = t.as(await portalLogin(t, a.sales, customerA, 'pta.buyer'));
});
afterAll(() => t.close());

describe('portal users', () => {
  it('sales invites a contact, who must change the one-time password before anything else', async () => {
    const invited = ok(
      await a.sales({
        method: 'POST',
        url: `/api/customers/${customerA}/portal-users`,
        payload: { username: 'pta.second', displayName: '李采购', phone: '13800001111' },
      }),
      201,
    );
    expect(invited.initialPassword).toMatch(/.{12,}/);
    const login = ok(
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'pta.second', password: invited.initialPassword },
      }),
    );
    expect(login.passwordChangeRequired).toBe(true);
    const blocked = await t.as(login.token)({ method: 'GET', url: '/api/portal/orders' });
    expect(blocked.json().error.code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');
    const me = ok(await t.as(login.token)({ method: 'GET', url: '/api/auth/me' }));
    expect(me.roles).toEqual(['customer']);
    expect(me.customerId).toBe(customerA);

    const listed = ok(await a.sales({ method: 'GET', url: `/api/customers/${customerA}/portal-users` }));
    expect(listed.map((u: { username: string }) => u.username)).toEqual(['pta.buyer', 'pta.second']);
  });

  it('a username already taken is refused by name; a warehouse clerk may not invite', async () => {
    const taken = await a.sales({
      method: 'POST',
      url: `/api/customers/${customerA}/portal-users`,
      payload: { username: 'pta.buyer', displayName: '重复' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('USER.USERNAME_TAKEN');
    const clerk = await a.warehouse({
      method: 'POST',
      url: `/api/customers/${customerA}/portal-users`,
      payload: { username: 'pta.third', displayName: '仓库邀请' },
    });
    expect(clerk.statusCode).toBe(403);
  });

  it('a portal login cannot be given staff roles; its name and active flag still change', async () => {
    ok(
      await a.sales({
        method: 'POST',
        url: `/api/customers/${customerA}/portal-users`,
        payload: { username: 'pta.roles', displayName: '周采购' },
      }),
      201,
    );
    const id = ok(await a.admin({ method: 'GET', url: '/api/users?q=pta.roles' })).items[0].id;
    const promoted = await a.admin({ method: 'PATCH', url: `/api/users/${id}`, payload: { roles: ['finance'] } });
    expect(promoted.statusCode).toBe(409);
    expect(promoted.json().error.code).toBe('USER.PORTAL_LOGIN_ROLES');
    const renamed = ok(
      await a.admin({ method: 'PATCH', url: `/api/users/${id}`, payload: { displayName: '周经理', active: false } }),
    );
    expect(renamed).toMatchObject({ displayName: '周经理', active: false, roles: ['customer'] });
  });

  it('a customer login gets 403 from every staff route and reaches only the login routes and the portal', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const walked: string[] = [];
    for (const [path, methods] of Object.entries<Record<string, unknown>>(doc.paths)) {
      if (!path.startsWith('/api/') || path.startsWith('/api/auth/') || path.startsWith('/api/portal/')) continue;
      if (path === '/api/health') continue;
      for (const method of Object.keys(methods)) {
        const url = path.replace(/\{[^}]+\}/g, customerA);
        const res = await portal({
          method: method.toUpperCase() as 'GET',
          url,
          payload: method === 'get' ? undefined : {},
        });
        walked.push(`${method} ${path}`);
        expect(res.statusCode, `${method} ${path}: ${res.body}`).toBe(403);
        expect(res.json().error.code).toBe('AUTH.FORBIDDEN');
      }
    }
    expect(walked.length).toBeGreaterThan(100);
    expect(walked).toContain('get /api/customers');
    expect(walked).toContain(`post /api/customers/{id}/portal-users`);
    expect((await portal({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });
});

/** Names of internal facts no portal answer may carry. */
const INTERNAL = [
  'cost',
  'margin',
  'sellerRemark',
  'seller_remark',
  'registrar',
  'reviewRound',
  'decisionReason',
  'creditLimit',
];

describe('portal orders', () => {
  it('shows only its own orders, no internal field; confirming proceeds the order with who, when, where', async () => {
    const product = await productBySku(a.sales, 'A-01');
    const mine = await orderAwaitingConfirmation(t, a, customerA, [{ productId: product.id, qty: 1 }]);
    const theirs = await orderAwaitingConfirmation(t, a, customerOther, [{ productId: product.id, qty: 1 }]);

    const list = ok(await portal({ method: 'GET', url: '/api/portal/orders' }));
    expect(list.map((o: { id: string }) => o.id)).toEqual([mine.id]);
    expect(list[0]).toMatchObject({ number: mine.number, status: 'awaiting_confirmation', actions: ['confirm'] });
    expect((await portal({ method: 'GET', url: `/api/portal/orders/${theirs.id}` })).statusCode).toBe(404);

    const detail = ok(
      await portal({ method: 'GET', url: `/api/portal/orders/${mine.id}`, headers: { 'accept-language': 'en' } }),
    );
    expect(detail.lines).toHaveLength(1);
    expect(detail.timeline.map((h: { label: string }) => h.label)).toEqual(['In review', 'Awaiting confirmation']);
    for (const word of INTERNAL) expect(JSON.stringify(detail)).not.toContain(word);
    for (const word of INTERNAL) expect(JSON.stringify(list)).not.toContain(word);

    const at = new Date('2026-11-30T03:00:00Z');
    t.setNow(at);
    const confirmed = ok(await portal({ method: 'POST', url: `/api/portal/orders/${mine.id}/confirm`, payload: {} }));
    t.setNow(undefined);
    expect(confirmed.outcome).toBe('confirmed');
    expect(confirmed.order.status).toBe('confirmed');
    expect(confirmed.order.actions).toEqual([]);
    // The order proceeds as after any confirmation: stock reserved, the staff see it confirmed.
    const staffView = ok(await a.sales({ method: 'GET', url: `/api/orders/${mine.id}` }));
    expect(staffView.status).toBe('confirmed');
    expect(staffView.lines[0].reserved + staffView.lines[0].backordered).toBe(1);

    const me = ok(await portal({ method: 'GET', url: '/api/auth/me' }));
    const history = await t.database.db
      .selectFrom('state_history')
      .select(['actor_id', 'at', 'reason', 'to_state'])
      .where('entity_id', '=', mine.id)
      .where('event', '=', 'confirm')
      .execute();
    expect(history).toHaveLength(1);
    expect(history[0].actor_id).toBe(me.user.id);
    expect(history[0].at.toISOString()).toBe(at.toISOString());
    expect(history[0].reason).toBe('@confirmed_in_portal {"address":"127.0.0.1"}');

    const again = await portal({ method: 'POST', url: `/api/portal/orders/${mine.id}/confirm`, payload: {} });
    expect(again.statusCode).toBe(409);
  });

  it('follows its shipments, signs for a delivery with a photo, and opens a complaint and a return', async () => {
    const product = await productBySku(a.sales, 'A-01');
    const order = await f.confirmedOrder(customerA, [{ productId: product.id, qty: 2 }]);
    const shipmentId = await shippedShipment(a, f, order.id);

    const shipments = ok(await portal({ method: 'GET', url: '/api/portal/shipments' }));
    expect(shipments.map((s: { id: string }) => s.id)).toContain(shipmentId);
    const shipment = ok(await portal({ method: 'GET', url: `/api/portal/shipments/${shipmentId}` }));
    expect(shipment).toMatchObject({ status: 'shipped', carrier: '顺丰', canSign: true });

    const notImage = await portal({
      method: 'POST',
      url: `/api/portal/shipments/${shipmentId}/proof`,
      ...multipart({ name: 'x.pdf', data: Buffer.from('%PDF'), type: 'application/pdf' }, { signedBy: '张三' }),
    });
    expect(notImage.statusCode).toBe(400);
    const signed = await portal({
      method: 'POST',
      url: `/api/portal/shipments/${shipmentId}/proof`,
      ...multipart(
        { name: 'pod.jpg', data: Buffer.from([0xff, 0xd8, 0xff, 0xe0]), type: 'image/jpeg' },
        { signedBy: '张三' },
      ),
    });
    expect(signed.statusCode, signed.body).toBe(200);
    const detail = ok(await portal({ method: 'GET', url: `/api/portal/orders/${order.id}` }));
    expect(detail.status).toBe('delivered');
    const proof = detail.documents.find((d: { kind: string }) => d.kind === 'delivery_proof');
    expect(proof.filename).toBe('pod.jpg');
    const file = await portal({ method: 'GET', url: `/api/portal/documents/${proof.id}` });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));

    const complaint = ok(
      await portal({
        method: 'POST',
        url: '/api/portal/complaints',
        payload: { orderId: order.id, type: 'damage', description: '外箱破损' },
      }),
      201,
    );
    expect(complaint.status).toBe('open');
    const staffComplaints = ok(await a.admin({ method: 'GET', url: `/api/complaints` }));
    expect(JSON.stringify(staffComplaints)).toContain(complaint.id);

    const ret = ok(
      await portal({
        method: 'POST',
        url: '/api/portal/returns',
        payload: { orderId: order.id, lines: [{ lineNo: 1, qty: 1, reason: 'damage' }] },
      }),
      201,
    );
    expect(ret.status).toBe('requested');
    const staffReturn = ok(await a.admin({ method: 'GET', url: `/api/returns/${ret.id}` }));
    expect(staffReturn.status).toBe('requested');
  });

  it('confirms a change of its order that waits for the customer', async () => {
    const product = await productBySku(a.sales, 'A-01');
    const order = await f.confirmedOrder(customerA, [{ productId: product.id, qty: 1 }]);
    const change = ok(
      await a.sales({
        method: 'POST',
        url: `/api/orders/${order.id}/changes`,
        payload: {
          actions: [{ type: 'change_delivery_date', expectedDeliveryDate: '2026-12-31' }],
          reason: '客户要求改期',
          requestedBy: 'customer',
        },
      }),
      201,
    );
    ok(await a.sales({ method: 'POST', url: `/api/change-requests/${change.id}/submit` }));
    const byStage: Record<string, ReturnType<TestContext['as']>> = {
      sales: a.reviewer,
      finance: a.finance,
      warehouse: a.warehouse,
      production: a.planner,
      director: a.director,
      gm: a.gm,
    };
    const stages = ok(await a.sales({ method: 'GET', url: `/api/change-requests/${change.id}` })).approvals;
    for (const st of stages)
      ok(
        await byStage[st.stage]({
          method: 'POST',
          url: `/api/change-requests/${change.id}/review`,
          payload: { decision: 'approve' },
        }),
      );
    ok(await a.orderadmin({ method: 'POST', url: `/api/change-requests/${change.id}/apply` }));

    const detail = ok(await portal({ method: 'GET', url: `/api/portal/orders/${order.id}` }));
    expect(detail.changesAwaitingConfirmation.map((c: { id: string }) => c.id)).toEqual([change.id]);
    expect(JSON.stringify(detail)).not.toContain('客户要求改期');
    ok(await portal({ method: 'POST', url: `/api/portal/changes/${change.id}/confirm`, payload: {} }));
    const staff = ok(await a.sales({ method: 'GET', url: `/api/change-requests/${change.id}` }));
    expect(staff.status).toBe('customer_confirmed');
    const after = ok(await portal({ method: 'GET', url: `/api/portal/orders/${order.id}` }));
    expect(after.changesAwaitingConfirmation).toEqual([]);
  });

  it('shows its receivables and payments and downloads them; a non-franchisee has no allocations', async () => {
    const money = ok(await portal({ method: 'GET', url: '/api/portal/receivables' }));
    expect(money.receivables.length).toBeGreaterThan(0);
    expect(money.receivables[0].kindLabel).toBe('发货应收');
    const xlsx = await portal({ method: 'GET', url: '/api/portal/receivables/export.xlsx' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const statement = await t.database.db
      .insertInto('customer_statements')
      .values({
        company_id: t.companyA,
        customer_id: customerA,
        period: '2026-11',
        from_date: '2026-10-26',
        to_date: '2026-11-25',
        amount: '120.00',
        due_date: '2026-12-25',
        closing_balance: '120.00',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const listed = ok(await portal({ method: 'GET', url: '/api/portal/receivables' }));
    expect(listed.statements.map((s: { id: string }) => s.id)).toEqual([statement.id]);
    const printable = await portal({ method: 'GET', url: `/api/portal/statements/${statement.id}?format=html` });
    expect(printable.statusCode).toBe(200);
    expect(printable.body).toContain('PTA');
    const sheet = await portal({ method: 'GET', url: `/api/portal/statements/${statement.id}?format=xlsx` });
    expect(sheet.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const allocations = ok(await portal({ method: 'GET', url: '/api/portal/allocations' }));
    expect(allocations).toMatchObject({ franchisee: false, allocations: [] });
  });
});
