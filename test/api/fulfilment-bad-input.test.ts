import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { customerByShortCode, orderActors, orderBody, productBySku } from '../helpers/orders';
import { buildXlsx, multipart } from '../helpers/xlsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let logistics: ReturnType<TestContext['as']>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  logistics = t.as(await t.token('logistics'));
  ids.customer = (await customerByShortCode(a.sales, 'ABC')).id;
  ids.product = (await productBySku(a.sales, 'A-01')).id;
  ids.order = (
    await a.sales({
      method: 'POST',
      url: '/api/orders',
      payload: orderBody(ids.customer, [{ productId: ids.product, qty: 1 }]),
    })
  ).json().id;
});
afterAll(() => t.close());

const badValue = fc.oneof(
  fc.constantFrom(
    null,
    -1,
    0,
    1.5,
    '',
    'x'.repeat(2000),
    '12.345',
    '-0',
    '2026-02-30',
    'not-a-uuid',
    '00000000-0000-4000-8000-000000000000',
    true,
    {},
    [],
    '\u0000',
  ),
  fc.string(),
  fc.integer(),
  fc.anything(),
);
const mutate = (valid: Record<string, unknown>) =>
  fc.oneof(
    fc
      .array(fc.tuple(fc.constantFrom(...Object.keys(valid), 'extra'), badValue), { minLength: 1, maxLength: 3 })
      .map((changes) => {
        const body: Record<string, unknown> = structuredClone(valid);
        for (const [k, v] of changes) body[k] = v;
        return body;
      }),
    fc.anything(),
  );

describe('bad fulfilment input never answers 500', () => {
  const cases: [string, () => ReturnType<TestContext['as']>, () => string, () => Record<string, unknown>][] = [
    [
      'POST /api/receipts',
      () => a.finance,
      () => '/api/receipts',
      () => ({
        customerId: ids.customer,
        amount: '10.00',
        receivedOn: '2026-11-01',
        method: 'cash',
        applications: [{ orderId: ids.order, amount: '1.00' }],
      }),
    ],
    [
      'POST /api/shipments',
      () => a.warehouse,
      () => '/api/shipments',
      () => ({ orderIds: [ids.order], lines: [{ orderId: ids.order, lineNo: 1, qty: 1 }] }),
    ],
    [
      'POST /api/orders/:id/letters-of-credit',
      () => a.finance,
      () => `/api/orders/${ids.order}/letters-of-credit`,
      () => ({ number: 'LC', amount: '1.00', expiryDate: '2027-01-01', latestShipmentDate: '2026-12-01' }),
    ],
    [
      'POST /api/orders/:id/complete',
      () => a.finance,
      () => `/api/orders/${ids.order}/complete`,
      () => ({ number: 'I1', issuedOn: '2026-11-01', amount: '1.00', taxRate: '13', type: 'normal' }),
    ],
    [
      'POST /api/carrier-rules (PUT)',
      () => logistics,
      () => '/api/carrier-rules',
      () => [{ region: '上海', carrier: '顺丰速运' }] as unknown as Record<string, unknown>,
    ],
  ];
  for (const [name, who, url, valid] of cases) {
    it(name, async () => {
      await fc.assert(
        fc.asyncProperty(mutate(valid()), async (body) => {
          const res = await who()({
            method: name.includes('PUT') ? 'PUT' : 'POST',
            url: url(),
            payload: body as object,
          });
          expect(res.statusCode, res.body).toBeLessThan(500);
        }),
        { numRuns: 30, seed: 77 },
      );
    });
  }

  it('bad uploads (no file, not a spreadsheet, wrong columns) get a clear 4xx', async () => {
    const notXlsx = multipart({ name: 'x.xlsx', data: Buffer.from('not a workbook'), type: XLSX });
    expect(
      (await logistics({ method: 'POST', url: '/api/tracking-events/import', ...notXlsx })).json().error.code,
    ).toBe('IMPORT.FILE_INVALID');
    const noFile = await logistics({ method: 'POST', url: '/api/tracking-events/import', payload: {} });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.fields[0].path).toBe('file');
    const wrongColumns = await logistics({
      method: 'POST',
      url: '/api/tracking-events/import',
      ...multipart({ name: 't.xlsx', data: await buildXlsx(['A', 'B'], [['1', '2']]), type: XLSX }),
    });
    expect(wrongColumns.statusCode).toBe(422);
    expect(
      wrongColumns.json().error.details.errors.filter((e: { message: string }) => e.message === 'column missing'),
    ).toHaveLength(4);
    const shipment = '00000000-0000-4000-8000-000000000000';
    expect(
      (
        await logistics({
          method: 'POST',
          url: `/api/shipments/${shipment}/proof`,
          ...multipart({ name: 'p.jpg', data: Buffer.from('x'), type: 'image/jpeg' }),
        })
      ).statusCode,
    ).toBe(404);
    expect((await logistics({ method: 'POST', url: `/api/shipments/${shipment}/proof`, payload: {} })).statusCode).toBe(
      400,
    );
  });

  it('names the wrong fields of a receipt', async () => {
    const res = await a.finance({
      method: 'POST',
      url: '/api/receipts',
      payload: { customerId: 'x', amount: '-5', receivedOn: '2026-13-01', method: 'gold' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['customerId', 'amount', 'receivedOn', 'method']),
    );
  });
});
