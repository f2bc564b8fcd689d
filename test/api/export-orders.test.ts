import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { pdfText } from '../helpers/pdf-text';
import { readXlsxRows } from '../helpers/xlsx';

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let f: ReturnType<typeof fulfilmentFactories>;
let docs: ReturnType<TestContext['as']>;
let productId: string;

const exportTerms = {
  currency: 'USD',
  orderDate: '2026-11-25',
  tradeTerm: 'FOB',
  portOfLoading: 'Shanghai',
  portOfDestination: 'Hamburg',
  containerType: '40HQ',
  containerCount: 1,
  expectedDeliveryDate: '2026-12-20',
};
const ship = (id: string) => a.warehouse({ method: 'POST', url: `/api/shipments/${id}/ship`, payload: {} });

async function passedInspection(orderId: string) {
  const booked = await a.sales({
    method: 'POST',
    url: '/api/inspections',
    payload: { orderId, bookedFor: '2026-12-05', inspector: 'SGS' },
  });
  expect(booked.statusCode, booked.body).toBe(201);
  const res = await a.sales({
    method: 'POST',
    url: `/api/inspections/${booked.json().id}/result`,
    payload: { result: 'passed', note: 'AQL 2.5 ok' },
  });
  expect(res.json().status).toBe('passed');
}

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  f = fulfilmentFactories(t, a);
  docs = t.as(await t.token('docs'));
  productId = (await productBySku(a.sales, 'A-01')).id;
  const rate = await a.admin({
    method: 'POST',
    url: '/api/exchange-rates',
    payload: { currency: 'USD', rateDate: '2026-11-20', rate: '7.1234' },
  });
  expect(rate.statusCode, rate.body).toBe(201);
});
afterAll(() => t.close());

describe('export orders', () => {
  it('a USD order stores the rate of its order date and shows RMB totals', async () => {
    const customer = await f.newCustomer('EXP1', 'tt');
    const res = await a.sales({
      method: 'POST',
      url: '/api/orders',
      payload: {
        customerId: customer,
        source: 'email',
        depositPercent: '30',
        lines: [{ productId, qty: 2, unitPrice: '100.00' }],
        ...exportTerms,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      currency: 'USD',
      exchangeRate: '7.123400',
      total: '200.00',
      rmbTotal: '1424.68',
      export: true,
      tradeTerm: 'FOB',
      containerType: '40HQ',
    });
    const checks = (await a.sales({ method: 'GET', url: `/api/orders/${res.json().id}/checks` })).json();
    expect(checks.credit.thisOrder).toBe('1424.68');
    const form = await a.sales({ method: 'GET', url: `/api/orders/${res.json().id}/forms/export-review?format=pdf` });
    expect(form.headers['content-type']).toContain('application/pdf');
    const text = await pdfText(form.rawPayload);
    expect(text).toContain('出口合同审核表');
    expect(text).toContain('¥1,424.68');
    expect(text).toContain('1 x 40HQ');
  });

  it('bad input names the field; a currency without a rate is refused', async () => {
    const customer = await f.newCustomer('EXP2', 'tt');
    const body = { customerId: customer, source: 'email', lines: [{ productId, qty: 1, unitPrice: '1.00' }] };
    const gbp = await a.sales({ method: 'POST', url: '/api/orders', payload: { ...body, currency: 'GBP' } });
    expect(gbp.statusCode).toBe(400);
    expect(gbp.json().error.fields[0].path).toBe('currency');
    const early = await a.sales({
      method: 'POST',
      url: '/api/orders',
      payload: { ...body, currency: 'EUR', orderDate: '2026-11-25' },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.code).toBe('EXPORT.NO_RATE');
    expect(early.json().error.fields[0].path).toBe('currency');
    const badBooking = await a.sales({
      method: 'POST',
      url: '/api/inspections',
      payload: { orderId: 'nope', bookedFor: '2026-12-01' },
    });
    expect(badBooking.statusCode).toBe(400);
    expect(badBooking.json().error.fields[0].path).toBe('orderId');
    const badLc = await docs({
      method: 'POST',
      url: '/api/export/letters-of-credit',
      payload: {
        orderId: '00000000-0000-4000-8000-000000000000',
        number: 'X',
        receivedOn: '2026-11-01',
        amount: '1.00',
        currency: 'USD',
        expiryDate: '2027-01-01',
        latestShipmentDate: '2027-02-01',
      },
    });
    expect(badLc.statusCode).toBe(400);
    expect(badLc.json().error.fields[0].path).toBe('latestShipmentDate');
  });

  it('D/A on an export order adds the general manager’s stage', async () => {
    const customer = await f.newCustomer('EXP3', 'da');
    const o = (
      await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: {
          customerId: customer,
          source: 'email',
          lines: [{ productId, qty: 1, unitPrice: '10.00' }],
          ...exportTerms,
        },
      })
    ).json();
    expect(o.paymentMethod).toBe('da');
    const submitted = await a.sales({ method: 'POST', url: `/api/orders/${o.id}/submit` });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const review = (await a.reviewer({ method: 'GET', url: `/api/orders/${o.id}/review` })).json();
    expect(review.stages.map((s: { stage: string }) => s.stage)).toContain('gm');
  });

  it('a discrepant L/C blocks shipping until an amendment is checked OK; documents carry the figures', async () => {
    const customer = await f.newCustomer('EXP4', 'lc');
    const order = await f.confirmedOrder(customer, [{ productId, qty: 2 }], {
      ...exportTerms,
      lines: [{ productId, qty: 2, unitPrice: '100.00' }],
    });
    await passedInspection(order.id);
    const shipment = await f.packedShipment([order.id]);
    const none = await ship(shipment);
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('EXPORT.LC_BLOCKS_SHIPPING');

    const lc = await docs({
      method: 'POST',
      url: '/api/export/letters-of-credit',
      payload: {
        orderId: order.id,
        number: 'LC-HB-001',
        receivedOn: '2026-11-26',
        amount: '200.00',
        currency: 'USD',
        expiryDate: '2027-03-01',
        latestShipmentDate: '2027-02-01',
        documentsRequired: ['Commercial invoice x3', 'Packing list x3', 'B/L'],
      },
    });
    expect(lc.statusCode, lc.body).toBe(201);
    const lcId = lc.json().id;
    const checked = await docs({
      method: 'POST',
      url: `/api/export/letters-of-credit/${lcId}/check`,
      payload: { discrepancies: ['Beneficiary name misspelt'] },
    });
    expect(checked.json().status).toBe('discrepant');
    const blocked = await ship(shipment);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('EXPORT.LC_BLOCKS_SHIPPING');
    expect(blocked.json().error.message).toContain('Beneficiary name misspelt');

    const amended = await docs({
      method: 'POST',
      url: `/api/export/letters-of-credit/${lcId}/amend`,
      payload: { note: 'Beneficiary name corrected' },
    });
    expect(amended.json()).toMatchObject({ status: 'received', version: 2 });
    expect((await ship(shipment)).json().error.code).toBe('EXPORT.LC_BLOCKS_SHIPPING');
    await docs({ method: 'POST', url: `/api/export/letters-of-credit/${lcId}/check`, payload: { discrepancies: [] } });
    const full = (await docs({ method: 'GET', url: `/api/export/letters-of-credit/${lcId}` })).json();
    expect(full.status).toBe('checked_ok');
    expect(full.versions.map((v: { discrepancies: string[] }) => v.discrepancies)).toEqual([
      ['Beneficiary name misspelt'],
      [],
    ]);
    const shipped = await ship(shipment);
    expect(shipped.statusCode, shipped.body).toBe(200);

    const pdf = await a.sales({ method: 'GET', url: `/api/shipments/${shipment}/commercial-invoice?format=pdf` });
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('COMMERCIAL INVOICE');
    expect(text).toContain('USD 200.00');
    expect(text).toContain('Hamburg');
    const xlsx = await a.sales({ method: 'GET', url: `/api/shipments/${shipment}/commercial-invoice?format=xlsx` });
    const rows = Object.values(await readXlsxRows(xlsx.rawPayload))[0];
    expect(rows.find((r) => r[0] === 'A-01' || r[1] === 'A-01')).toEqual(
      expect.arrayContaining(['2', '100.00', '200.00']),
    );
    const packing = await a.sales({ method: 'GET', url: `/api/shipments/${shipment}/packing-list?format=pdf` });
    const packingText = await pdfText(packing.rawPayload);
    expect(packingText).toContain('PACKING LIST');
    expect(packingText).toContain('1 x 40HQ');
  });

  it('a missing or failed inspection blocks shipping until a passed one', async () => {
    const customer = await f.newCustomer('EXP5', 'credit');
    const order = await f.confirmedOrder(customer, [{ productId, qty: 1 }], {
      ...exportTerms,
      lines: [{ productId, qty: 1, unitPrice: '50.00' }],
    });
    const shipment = await f.packedShipment([order.id]);
    const missing = await ship(shipment);
    expect(missing.statusCode).toBe(409);
    expect(missing.json().error.code).toBe('EXPORT.INSPECTION_REQUIRED');
    const booked = (
      await a.sales({
        method: 'POST',
        url: '/api/inspections',
        payload: { orderId: order.id, bookedFor: '2026-12-03' },
      })
    ).json();
    await a.sales({
      method: 'POST',
      url: `/api/inspections/${booked.id}/result`,
      payload: { result: 'failed', note: 'Scratches' },
    });
    expect((await ship(shipment)).json().error.code).toBe('EXPORT.INSPECTION_REQUIRED');
    await passedInspection(order.id);
    const listed = (await a.sales({ method: 'GET', url: `/api/inspections?orderId=${order.id}` })).json();
    expect(listed.map((i: { status: string }) => i.status).sort()).toEqual(['failed', 'passed']);
    expect((await ship(shipment)).statusCode).toBe(200);
  });
});
