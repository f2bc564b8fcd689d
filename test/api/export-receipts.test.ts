import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors, orderBody, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';

// Receipts in a foreign currency: one customer with a USD and an RMB order, both shipped. A USD receipt settles
// the USD receivable; one in RMB cannot be matched to the USD order; the statement shows each line's currency and
// the balance per currency and in RMB. The order form's currency list is the company's setting.

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let customer: string;
let usdOrder: { id: string; number: string; total: string; rmbTotal: string };
let cnyOrder: { id: string; total: string };
const ORDER_RATE = '7.1000';
const ok = async (p: Promise<{ statusCode: number; body: string }>, status = 200) => {
  const r = await p;
  if (r.statusCode !== status) throw new Error(`${r.statusCode} ${r.body}`);
  return (r as unknown as { json: () => any }).json();
};
const receipt = (payload: Record<string, unknown>) =>
  a.finance({
    method: 'POST',
    url: '/api/receipts',
    payload: { customerId: customer, receivedOn: '2026-06-20', method: 'bank_transfer', ...payload },
  });

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  const f = fulfilmentFactories(t, a);
  const product = await productBySku(a.sales, 'A-01');
  t.setNow(new Date('2026-06-10T02:00:00Z'));
  for (const [rateDate, rate] of [
    ['2026-06-01', ORDER_RATE],
    ['2026-06-15', '7.2000'],
  ])
    await ok(
      a.admin({ method: 'POST', url: '/api/exchange-rates', payload: { currency: 'USD', rateDate, rate } }),
      201,
    );
  customer = await f.newCustomer('FXR', 'credit');
  const line = (unitPrice: string) => [{ productId: product.id, qty: 2, unitPrice }];
  const u = await f.confirmedOrder(customer, line('100.00'), {
    currency: 'USD',
    tradeTerm: 'FOB',
    expectedDeliveryDate: '2026-12-20',
  });
  const c = await f.confirmedOrder(customer, line('300.00'), { expectedDeliveryDate: '2026-12-20' });
  const booked = await ok(
    a.sales({ method: 'POST', url: '/api/inspections', payload: { orderId: u.id, bookedFor: '2026-06-10' } }),
    201,
  );
  await ok(a.sales({ method: 'POST', url: `/api/inspections/${booked.id}/result`, payload: { result: 'passed' } }));
  for (const o of [u, c]) {
    const s = await f.packedShipment([o.id]);
    await ok(a.warehouse({ method: 'POST', url: `/api/shipments/${s}/ship`, payload: {} }));
  }
  usdOrder = await ok(a.finance({ method: 'GET', url: `/api/orders/${u.id}` }));
  cnyOrder = await ok(a.finance({ method: 'GET', url: `/api/orders/${c.id}` }));
  t.setNow(new Date('2026-06-20T02:00:00Z'));
}, 120_000);

afterAll(async () => {
  t.setNow(undefined);
  await t.close();
});

describe('receipts in a foreign currency', () => {
  it('a receipt in RMB is refused on the USD order, naming the field; nothing is saved', async () => {
    const before = (await ok(a.finance({ method: 'GET', url: `/api/receipts?customer=${customer}` }))).items.length;
    const r = await receipt({ amount: '100.00', applications: [{ orderId: usdOrder.id, amount: '100.00' }] });
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({
      code: 'RECEIPT.CURRENCY_MISMATCH',
      message: expect.stringContaining(usdOrder.number),
      fields: [{ path: 'applications.0.orderId', message: expect.stringContaining('USD') }],
    });
    const en = await a.finance({
      method: 'POST',
      url: '/api/receipts',
      headers: { 'accept-language': 'en' },
      payload: {
        customerId: customer,
        receivedOn: '2026-06-20',
        method: 'bank_transfer',
        amount: '100.00',
        applications: [{ orderId: usdOrder.id, amount: '100.00' }],
      },
    });
    expect(en.json().error.message).toContain('the receipt is in CNY but order');
    expect((await ok(a.finance({ method: 'GET', url: `/api/receipts?customer=${customer}` }))).items.length).toBe(
      before,
    );
  });

  it('a USD receipt settles the USD receivable; its RMB amount is stored at the rate of the day received', async () => {
    expect(usdOrder.total).toBe('200.00');
    const r = await ok(
      receipt({ amount: '150.00', currency: 'USD', applications: [{ orderId: usdOrder.id, amount: '150.00' }] }),
      201,
    );
    // No bank rate given: the company's USD rate on or before 2026-06-20 is 7.2.
    expect(r).toMatchObject({ currency: 'USD', exchangeRate: '7.200000', amountRmb: '1080.00', unapplied: '0.00' });
    const list = await ok(a.finance({ method: 'GET', url: `/api/receivables?customer=${customer}` }));
    const usd = list.items.find((x: { orderId: string }) => x.orderId === usdOrder.id);
    expect(usd).toMatchObject({ currency: 'USD', outstanding: '50.00', outstandingRmb: '355.00' });
    // More than the USD order still owes is refused in dollars.
    const over = await a.finance({
      method: 'POST',
      url: '/api/receipts',
      payload: {
        customerId: customer,
        receivedOn: '2026-06-20',
        method: 'bank_transfer',
        amount: '80.00',
        currency: 'USD',
        exchangeRate: '7.150000',
        applications: [{ orderId: usdOrder.id, amount: '80.00' }],
      },
    });
    expect(over.json().error).toMatchObject({
      code: 'RECEIPT.OVER_ORDER',
      message: expect.stringContaining('US$50.00'),
    });
  });

  it('a receipt in a currency the company does not keep is refused naming currency', async () => {
    const r = await receipt({ amount: '10.00', currency: 'GBP' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toEqual([expect.objectContaining({ path: 'currency' })]);
  });

  it('the statement shows each line in its currency, the balance per currency and in RMB', async () => {
    // The bank's rate this time: 100 USD unapplied at 7.15 = 715.00 RMB, and 600 RMB paid on the RMB order.
    await ok(receipt({ amount: '100.00', currency: 'USD', exchangeRate: '7.15' }), 201);
    await ok(receipt({ amount: '600.00', applications: [{ orderId: cnyOrder.id, amount: '600.00' }] }), 201);
    const s = await ok(
      a.finance({ method: 'GET', url: `/api/customers/${customer}/statement?from=2026-06-01&to=2026-06-30` }),
    );
    const usdLines = s.lines.filter((l: { currency: string }) => l.currency === 'USD');
    expect(usdLines.map((l: { debit: string; credit: string }) => [l.debit, l.credit])).toEqual([
      ['200.00', '0.00'],
      ['0.00', '150.00'],
      ['0.00', '100.00'],
    ]);
    expect(usdLines.at(-1).balance).toBe('-50.00');
    expect(s.byCurrency).toEqual([
      { currency: 'CNY', opening: '0.00', closing: '0.00' },
      { currency: 'USD', opening: '0.00', closing: '-50.00' },
    ]);
    // RMB: 200 × 7.1 + 600 (debits) − 1080 − 715 − 600 (receipts at their own rates) = −375.00.
    expect(cnyOrder.total).toBe('600.00');
    expect(s.closing).toBe('-375.00');
    expect(s.lines.at(-1).balanceRmb).toBe('-375.00');
    const balance = await ok(a.finance({ method: 'GET', url: `/api/customers/${customer}/balance` }));
    expect(balance).toEqual({
      balance: '715.00',
      byCurrency: [
        { currency: 'CNY', balance: '0.00' },
        { currency: 'USD', balance: '100.00' },
      ],
    });
    const printed = await a.finance({
      method: 'GET',
      url: `/api/customers/${customer}/statement?from=2026-06-01&to=2026-06-30&format=html`,
    });
    expect(printed.body).toContain('期末余额 USD');
    expect(printed.body).toContain('期末余额（折人民币）');
  });

  it('a reversed USD receipt goes back out in USD at its own rate', async () => {
    const list = await ok(a.finance({ method: 'GET', url: `/api/receipts?customer=${customer}` }));
    const bank = list.items.find((r: { exchangeRate: string }) => r.exchangeRate === '7.150000');
    const rev = await ok(
      a.finance({ method: 'POST', url: `/api/receipts/${bank.id}/reverse`, payload: { reason: '重复登记' } }),
      201,
    );
    expect(rev).toMatchObject({ currency: 'USD', amount: '-100.00', amountRmb: '-715.00' });
    const balance = await ok(a.finance({ method: 'GET', url: `/api/customers/${customer}/balance` }));
    expect(balance.balance).toBe('0.00');
  });
});

describe("the order form's currencies", () => {
  it('come from the export.currencies setting, which every user may read', async () => {
    await ok(
      a.admin({ method: 'PATCH', url: '/api/settings', payload: { export: { currencies: ['CNY', 'USD', 'JPY'] } } }),
    );
    const s = await ok(a.sales({ method: 'GET', url: '/api/settings' }));
    expect(s.export.currencies).toEqual(['CNY', 'USD', 'JPY']);
    // EUR is no longer one of them: an order in EUR is refused naming the field.
    const product = await productBySku(a.sales, 'A-01');
    const r = await a.sales({
      method: 'POST',
      url: '/api/orders',
      payload: orderBody(customer, [{ productId: product.id, qty: 1 }], { currency: 'EUR' }),
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toEqual([expect.objectContaining({ path: 'currency' })]);
  });
});
