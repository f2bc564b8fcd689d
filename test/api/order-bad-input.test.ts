import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { customerByShortCode, orderActors, orderBody, productBySku } from '../helpers/orders';

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let customerId: string;
let productId: string;
let draftId: string;

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  customerId = (await customerByShortCode(a.sales, 'ABC')).id;
  productId = (await productBySku(a.sales, 'A-01')).id;
  draftId = (
    await a.sales({ method: 'POST', url: '/api/orders', payload: orderBody(customerId, [{ productId, qty: 1 }]) })
  ).json().id;
});
afterAll(() => t.close());

const badValue = fc.oneof(
  fc.constantFrom(
    null,
    -1,
    0,
    1.5,
    1e12,
    '',
    'x'.repeat(3000),
    '12.345',
    '-1.00',
    '2026-02-30',
    '2026-13-01',
    'not-a-uuid',
    '00000000-0000-4000-8000-000000000000',
    true,
    {},
    [],
    [{}],
    '\u0000',
  ),
  fc.string(),
  fc.integer(),
  fc.anything(),
);
const lineBad = fc.record({
  productId: fc.oneof(fc.constant(undefined), badValue),
  qty: fc.oneof(fc.constant(1), badValue),
  unitPrice: fc.oneof(fc.constant(undefined), badValue),
});

const totals = async () => {
  const orders = (await a.sales({ method: 'GET', url: '/api/orders?pageSize=1' })).json().total;
  const draft = (await a.sales({ method: 'GET', url: `/api/orders/${draftId}` })).json();
  return `${orders}/${draft.version}/${draft.status}`;
};

describe('bad order input never answers 500 and writes nothing', () => {
  const cases = {
    'POST /api/orders': () => ({
      method: 'POST' as const,
      url: '/api/orders',
      valid: orderBody(customerId, [{ productId, qty: 1 }]),
    }),
    'PATCH /api/orders/:id': () => ({
      method: 'PATCH' as const,
      url: `/api/orders/${draftId}`,
      valid: { buyerRemark: 'ok', urgency: 'urgent' },
    }),
    'POST /api/orders/:id/review': () => ({
      method: 'POST' as const,
      url: `/api/orders/${draftId}/review`,
      valid: { decision: 'approve' },
    }),
    'POST /api/orders/:id/confirm': () => ({
      method: 'POST' as const,
      url: `/api/orders/${draftId}/confirm`,
      valid: { method: 'electronic' },
    }),
    'POST /api/orders/:id/cancel': () => ({
      method: 'POST' as const,
      url: `/api/orders/${draftId}/cancel`,
      valid: { reason: '原因' },
    }),
  };
  for (const [name, make] of Object.entries(cases)) {
    it(name, async () => {
      const c = make();
      const keys = [...Object.keys(c.valid), 'lines', 'customerId', 'extra'];
      const arb = fc.oneof(
        fc
          .array(fc.tuple(fc.constantFrom(...keys), fc.oneof(badValue, fc.array(lineBad, { maxLength: 3 }))), {
            minLength: 1,
            maxLength: 3,
          })
          .map((changes) => {
            const body: Record<string, unknown> = structuredClone(c.valid);
            for (const [k, v] of changes) body[k] = v;
            return body;
          }),
        fc.anything(),
      );
      await fc.assert(
        fc.asyncProperty(arb, async (body) => {
          const before = await totals();
          const actor = name.includes('cancel') ? a.reviewer : name.includes('review') ? a.reviewer : a.sales;
          const res = await actor({ method: c.method, url: c.url, payload: body as object });
          expect(res.statusCode, res.body).toBeLessThan(500);
          if (res.statusCode >= 400) expect(await totals()).toBe(before);
        }),
        { numRuns: 30, seed: 4242 },
      );
    });
  }

  it('names the wrong fields of an order', async () => {
    const res = await a.sales({
      method: 'POST',
      url: '/api/orders',
      payload: {
        customerId,
        source: 'pigeon',
        lines: [
          { productId, qty: 0 },
          { productId: 'x', qty: 1.5 },
        ],
        depositPercent: '130',
        expectedDeliveryDate: '2026-02-30',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining([
        'source',
        'lines[0].qty',
        'lines[1].productId',
        'lines[1].qty',
        'depositPercent',
        'expectedDeliveryDate',
      ]),
    );
  });

  it('a retried POST /api/orders with the same Idempotency-Key creates one order', async () => {
    const before = (await a.sales({ method: 'GET', url: '/api/orders?pageSize=1' })).json().total;
    const body = orderBody(customerId, [{ productId, qty: 2 }]);
    const [r1, r2] = [
      await a.sales({ method: 'POST', url: '/api/orders', headers: { 'idempotency-key': 'order-1' }, payload: body }),
      await a.sales({ method: 'POST', url: '/api/orders', headers: { 'idempotency-key': 'order-1' }, payload: body }),
    ];
    expect(r1.json().number).toBe(r2.json().number);
    expect((await a.sales({ method: 'GET', url: '/api/orders?pageSize=1' })).json().total).toBe(before + 1);
  });
});
