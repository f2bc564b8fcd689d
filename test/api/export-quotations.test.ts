import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors } from '../helpers/orders';
import { pdfText } from '../helpers/pdf-text';
import { multipart, readXlsxRows } from '../helpers/xlsx';

// 外贸报价: a quotation in USD with the rate of its date, its margin in RMB, the proforma invoice, and the order and
// contract made from it keeping the currency and the trade terms.
let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let legal: ReturnType<TestContext['as']>;
let customerId: string;
let productId: string;

const QUOTED = new Date('2026-11-25T02:00:00Z');
const ORDERED = new Date('2026-12-01T02:00:00Z');
const exportTerms = {
  currency: 'USD',
  tradeTerm: 'FOB',
  portOfLoading: 'Ningbo',
  portOfDestination: 'Rotterdam',
  containerType: '40HQ',
  containerCount: 2,
  packingTerms: 'Export cartons on pallets',
};
const post = (as: ReturnType<TestContext['as']>, url: string, payload?: object) =>
  as({ method: 'POST', url, ...(payload ? { payload } : {}) });
const rate = (currency: string, rateDate: string, value: string) =>
  post(a.admin, '/api/exchange-rates', { currency, rateDate, rate: value });

async function usdQuotation() {
  const q = await post(a.sales, '/api/quotations', {
    customerId,
    validUntil: '2026-12-15',
    expectedDeliveryDate: '2026-12-28',
    paymentMethod: 'credit',
    paymentDays: 30,
    lines: [{ productId, qty: 10, unitPrice: '20.00' }],
    ...exportTerms,
  });
  expect(q.statusCode, q.body).toBe(201);
  return q.json();
}

async function accept(id: string) {
  expect((await post(a.sales, `/api/quotations/${id}/send`)).statusCode).toBe(200);
  const r = await post(a.sales, `/api/quotations/${id}/accept`);
  expect(r.json().status).toBe('accepted');
}

let quoted: { id: string; number: string; version: number };
let forContract: { id: string };

beforeAll(async () => {
  t = await createTestContext();
  t.setNow(QUOTED);
  a = await orderActors(t);
  legal = t.as(await t.token('legal'));
  const prod = await post(a.admin, '/api/products', {
    sku: 'FX-100',
    name: 'Water pump',
    listPrice: '150.00',
    standardCost: '60.00',
  });
  expect(prod.statusCode, prod.body).toBe(201);
  productId = prod.json().id;
  const customers = (await a.sales({ method: 'GET', url: '/api/customers?pageSize=50' })).json().items;
  customerId = customers.find((c: { active: boolean }) => c.active).id;
  expect((await rate('USD', '2026-11-20', '7.1')).statusCode).toBe(201);
  quoted = await usdQuotation();
  forContract = await usdQuotation();
  await accept(quoted.id);
  await accept(forContract.id);
  expect((await rate('USD', '2026-12-01', '7.2')).statusCode).toBe(201);
  t.setNow(ORDERED);
});
afterAll(() => t.close());

describe('export quotations', () => {
  it('stores the rate of the quotation date and computes the margin on the revenue in RMB', async () => {
    const q = (await a.sales({ method: 'GET', url: `/api/quotations/${quoted.id}` })).json();
    expect(q).toMatchObject({
      currency: 'USD',
      exchangeRate: '7.100000',
      export: true,
      total: '200.00',
      rmbTotal: '1420.00',
      costTotal: '600.00',
      margin: '820.00',
      tradeTerm: 'FOB',
      portOfLoading: 'Ningbo',
      portOfDestination: 'Rotterdam',
      containerType: '40HQ',
      containerCount: 2,
    });
    // 200 USD against 600 RMB of cost would be a loss; at the rate it is a healthy margin, so no approval is asked.
    expect(q.approvalReasons).toEqual([]);
    expect(q.lines[0]).toMatchObject({ unitPrice: '20.00', amount: '200.00', margin: '820.00' });
  });

  it('prints the proforma invoice as PDF and xlsx in the quotation currency with the trade terms', async () => {
    const url = `/api/quotations/${quoted.id}/document?kind=proforma`;
    const pdf = await a.sales({ method: 'GET', url: `${url}&format=pdf` });
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    for (const s of [
      'Proforma Invoice',
      `${quoted.number}-V1`,
      'FX-100',
      'Water pump',
      'USD 20.00',
      'USD 200.00',
      'FOB',
      'Ningbo',
      'Rotterdam',
      '40HQ × 2',
      'Export cartons on pallets',
      '2026-12-28',
    ])
      expect(text).toContain(s);

    const xlsx = await a.sales({ method: 'GET', url: `${url}&format=xlsx` });
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const rows = Object.values(await readXlsxRows(xlsx.rawPayload))[0];
    const cells = rows.map((r) => r.join('|'));
    const line = rows.find((r) => r[1] === 'FX-100')!;
    expect([...line.slice(0, 4), ...line.slice(5)]).toEqual([
      '1',
      'FX-100',
      'Water pump',
      '10',
      'USD 20.00',
      'USD 200.00',
    ]);
    expect(cells).toContain('Total FOB|USD 200.00');
    expect(cells).toContain('Trade term|FOB');
    expect(cells).toContain('Port of loading|Ningbo');
    expect(cells).toContain('Port of destination|Rotterdam');
    expect(cells).toContain('Container|40HQ × 2');
  });

  it('registers the order in USD with the same terms and the rate of the order date', async () => {
    const res = await post(a.sales, `/api/quotations/${quoted.id}/order`);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().order).toMatchObject({
      currency: 'USD',
      exchangeRate: '7.200000',
      total: '200.00',
      rmbTotal: '1440.00',
      export: true,
      tradeTerm: 'FOB',
      portOfLoading: 'Ningbo',
      portOfDestination: 'Rotterdam',
      containerType: '40HQ',
      containerCount: 2,
    });
    expect(res.json().quotation.exchangeRate).toBe('7.100000');
  });

  it('drafts the contract in USD and calls off an order in USD', async () => {
    const drafted = await post(a.sales, '/api/contracts', { quotationId: forContract.id });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const k = drafted.json();
    expect(k).toMatchObject({
      currency: 'USD',
      exchangeRate: '7.100000',
      tradeTerm: 'FOB',
      portOfDestination: 'Rotterdam',
      containerType: '40HQ',
      containerCount: 2,
      packing: 'Export cartons on pallets',
    });
    await post(a.sales, `/api/contracts/${k.id}/review`, { decision: 'submit' });
    for (const stage of k.stages as string[]) {
      const who = stage === 'legal' ? legal : stage === 'finance' ? a.finance : a.gm;
      const r = await post(who, `/api/contracts/${k.id}/review`, { decision: 'approve' });
      expect(r.statusCode, r.body).toBe(200);
    }
    const up = await a.sales({
      method: 'POST',
      url: `/api/contracts/${k.id}/attachments`,
      ...multipart({ name: 'signed.pdf', data: Buffer.from('%PDF signed'), type: 'application/pdf' }),
    });
    expect(up.statusCode, up.body).toBe(201);
    const signed = await post(a.sales, `/api/contracts/${k.id}/sign`, { attachmentId: up.json().id });
    expect(signed.json().status).toBe('signed');
    const call = await post(a.sales, `/api/contracts/${k.id}/orders`, { lines: [{ productId, quantity: 4 }] });
    expect(call.statusCode, call.body).toBe(201);
    expect(call.json().order).toMatchObject({
      currency: 'USD',
      exchangeRate: '7.200000',
      total: '80.00',
      tradeTerm: 'FOB',
      portOfLoading: 'Ningbo',
      containerType: '40HQ',
    });
  });

  it('refuses a currency with no rate, naming the currency', async () => {
    const res = await post(a.sales, '/api/quotations', {
      customerId,
      validUntil: '2026-12-15',
      lines: [{ productId, qty: 1, unitPrice: '20.00' }],
      currency: 'EUR',
    });
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'EXPORT.NO_RATE']);
    expect(res.json().error.fields[0].path).toBe('currency');
  });
});
