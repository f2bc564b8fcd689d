import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { portalLogin, shippedShipment } from '../helpers/portal';
import { multipart } from '../helpers/xlsx';

// A portal login sees its own customer's records only: every /api/portal route with an id answers 404 for another
// customer's record of the same company and for company B's records, never 403, never data.

let t: TestContext;
let portal: ReturnType<TestContext['as']>;
/** Records of another customer of company A, and of company B, by the portal path's kind. */
const other: Record<string, string> = {};
const companyB: Record<string, string> = {};
const secrets: string[] = [];
/** A valid body, so the answer is about the record, not the input. */
const bodyOf = (path: string) => (path.endsWith('/feedback') ? { feedback: '可以', decision: 'approved' } : {});

beforeAll(async () => {
  t = await createTestContext();
  const a = await orderActors(t);
  const f = fulfilmentFactories(t, a);
  const mine = await f.newCustomer('PIA');
  const theirs = await f.newCustomer('PIB');
  portal = t.as(await portalLogin(t, a.sales, mine, 'pia.buyer'));

  const product = await productBySku(a.sales, 'A-01');
  const order = await f.confirmedOrder(theirs, [{ productId: product.id, qty: 1 }]);
  other.orders = order.id;
  other.changes = order.id;
  other.shipments = await shippedShipment(a, f, order.id);
  const doc = await a.sales({
    method: 'POST',
    url: `/api/orders/${order.id}/attachments`,
    ...multipart(
      { name: 'theirs.pdf', data: Buffer.from('PIB secret'), type: 'application/pdf' },
      {
        kind: 'confirmation',
      },
    ),
  });
  if (doc.statusCode !== 201) throw new Error(doc.body);
  other.documents = doc.json().id;
  other.statements = (
    await t.database.db
      .insertInto('customer_statements')
      .values({
        company_id: t.companyA,
        customer_id: theirs,
        period: '2026-10',
        from_date: '2026-09-26',
        to_date: '2026-10-25',
        amount: '987.65',
        due_date: '2026-11-25',
        closing_balance: '987.65',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const approval = (await a.sales({ method: 'POST', url: `/api/orders/${order.id}/sample-approval` })).json();
  other['sample-rounds'] = (
    await a.sales({
      method: 'POST',
      url: `/api/sample-approvals/${approval.id}/rounds`,
      payload: { sentAt: '2026-11-01', description: 'PIB secret sample', quantity: 1 },
    })
  ).json().rounds[0].id;
  secrets.push(order.number, 'PIB', '987.65', 'theirs.pdf', 'PIB secret');
  const author = (await t.database.db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
  const contract = (customerId: string, companyId: string, number: string) =>
    t.database.db
      .insertInto('contracts')
      .values({
        company_id: companyId,
        number,
        customer_id: customerId,
        status: 'approved',
        source: 'email',
        total: '1.00',
        payment_days: 0,
        customer_po: '',
        remarks: '',
        clauses: '[]',
        created_at: new Date(),
        created_by: author,
        updated_at: new Date(),
        updated_by: author,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  other.contracts = (await contract(theirs, t.companyA, 'HT-PIB-SECRET')).id;

  const inB = t.as(await t.token('admin', t.companyB));
  const customerB = (await inB({ method: 'GET', url: '/api/customers?q=EC001' })).json().items[0];
  const docB = await inB({
    method: 'POST',
    url: `/api/customers/${customerB.id}/documents`,
    ...multipart({ name: 'b.pdf', data: Buffer.from('B secret'), type: 'application/pdf' }),
  });
  const productB = (await inB({ method: 'GET', url: '/api/products?q=A-01' })).json().items[0];
  const orderB = await inB({
    method: 'POST',
    url: '/api/orders',
    payload: { customerId: customerB.id, source: 'email', lines: [{ productId: productB.id, qty: 1 }] },
  });
  if (orderB.statusCode !== 201) throw new Error(orderB.body);
  for (const kind of ['orders', 'changes', 'shipments', 'statements', 'sample-rounds'])
    companyB[kind] = orderB.json().id;
  companyB.contracts = (await contract(customerB.id, t.companyB, 'HT-B-SECRET')).id;
  secrets.push('HT-PIB-SECRET', 'HT-B-SECRET');
  companyB.documents = docB.json().id;
  secrets.push(orderB.json().number, 'B secret');
});
afterAll(() => t.close());

describe('portal isolation', () => {
  it("every portal route with an id answers 404 for another customer's and another company's records", async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const walked: string[] = [];
    for (const [path, methods] of Object.entries<Record<string, unknown>>(doc.paths)) {
      if (!path.startsWith('/api/portal/') || !path.includes('{id}')) continue;
      const kind = path.split('/')[3];
      for (const ids of [other, companyB]) {
        expect(ids[kind], `no record for ${path}`).toBeDefined();
        for (const method of Object.keys(methods)) {
          const url = path.replace('{id}', ids[kind]);
          const res = path.endsWith('/proof')
            ? await portal({
                method: 'POST',
                url,
                ...multipart(
                  { name: 'p.jpg', data: Buffer.from([0xff, 0xd8]), type: 'image/jpeg' },
                  { signedBy: '某' },
                ),
              })
            : await portal({
                method: method.toUpperCase() as 'GET',
                url,
                payload: method === 'post' ? bodyOf(path) : undefined,
              });
          walked.push(`${method} ${path}`);
          expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(404);
          for (const s of secrets) expect(res.body).not.toContain(s);
        }
      }
    }
    expect(walked.length).toBeGreaterThanOrEqual(12);
  });

  it("lists never carry another customer's records; complaints or returns on them are 404", async () => {
    for (const url of ['/api/portal/orders', '/api/portal/shipments', '/api/portal/receivables']) {
      const res = await portal({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      for (const s of secrets) expect(res.body).not.toContain(s);
    }
    const complaint = await portal({
      method: 'POST',
      url: '/api/portal/complaints',
      payload: { orderId: other.orders, type: 'damage', description: '别人的订单' },
    });
    expect(complaint.statusCode).toBe(404);
    const ret = await portal({
      method: 'POST',
      url: '/api/portal/returns',
      payload: { orderId: other.orders, lines: [{ lineNo: 1, qty: 1, reason: 'damage' }] },
    });
    expect(ret.statusCode).toBe(404);
  });
});
