import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors, orderBody } from '../helpers/orders';
import { buildXlsx, multipart, readXlsxRows } from '../helpers/xlsx';

// 客户价格: a customer's own prices (with validity) and discount, kept by the sales director, priced into quotation
// and order lines; the director's discount check is against the price the customer is entitled to.
let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let customerId: string;
let otherCustomerId: string;
const p: Record<string, string> = {};
const NOW = new Date('2026-12-01T02:00:00Z');

const paths = (r: { json: () => { error: { fields: { path: string }[] } } }) =>
  r.json().error.fields.map((f) => f.path);
const putPrices = (payload: object, as: keyof typeof a = 'director', id = customerId) =>
  a[as]({ method: 'PUT', url: `/api/customers/${id}/prices`, payload });
const quote = async (lines: object[], id = customerId) => {
  const r = await a.sales({
    method: 'POST',
    url: '/api/quotations',
    payload: { customerId: id, validUntil: '2026-12-20', lines },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
};
const priceList = [
  { productId: '', price: '80.00', validFrom: '2026-11-01', validTo: '2026-12-10' },
  { productId: '', price: '75.00', validFrom: '2027-01-01' },
  { productId: '', price: '40.00', validFrom: '2026-10-01', validTo: '2026-11-30' },
];

beforeAll(async () => {
  t = await createTestContext();
  t.setNow(NOW);
  a = await orderActors(t);
  for (const [sku, listPrice, standardCost] of [
    ['CP-A', '100.00', '60.00'],
    ['CP-B', '50.00', '30.00'],
  ]) {
    const r = await a.admin({
      method: 'POST',
      url: '/api/products',
      payload: { sku, name: `客户价 ${sku}`, listPrice, standardCost },
    });
    p[sku] = r.json().id;
  }
  priceList[0].productId = p['CP-A'];
  priceList[1].productId = p['CP-A'];
  priceList[2].productId = p['CP-B'];
  const customers = (await a.sales({ method: 'GET', url: '/api/customers?pageSize=50' })).json().items;
  const active = customers.filter((c: { active: boolean }) => c.active);
  customerId = active[0].id;
  otherCustomerId = active[1].id;
});
afterAll(() => t.close());

describe('customer prices and discount', () => {
  it('are kept per customer by the sales director and read back', async () => {
    const r = await putPrices({ discountPercent: '5', prices: priceList });
    expect(r.statusCode, r.body).toBe(200);
    const got = (await a.sales({ method: 'GET', url: `/api/customers/${customerId}/prices` })).json();
    expect(got.discountPercent).toBe('5');
    expect(got.prices).toMatchObject([
      { sku: 'CP-A', price: '80.00', currency: 'CNY', validFrom: '2026-11-01', validTo: '2026-12-10' },
      { sku: 'CP-A', price: '75.00', currency: 'CNY', validFrom: '2027-01-01', validTo: null },
      { sku: 'CP-B', price: '40.00', validTo: '2026-11-30' },
    ]);
    const customer = (await a.sales({ method: 'GET', url: `/api/customers/${customerId}` })).json();
    expect(customer.discountPercent).toBe('5');
    expect((await putPrices({ discountPercent: null, prices: [] }, 'sales')).statusCode).toBe(403);
  });

  it('price quotation lines: the price list within its validity, else the discount, else the list price', async () => {
    // CP-B's own price ended on 2026-11-30: its line falls back to the list price less 5 %.
    const q = await quote([
      { productId: p['CP-A'], qty: 10 },
      { productId: p['CP-B'], qty: 4 },
      { productId: p['CP-B'], qty: 1, unitPrice: '49.00' },
    ]);
    expect(q.lines.map((l: Record<string, string>) => [l.unitPrice, l.priceSource, l.entitledPrice])).toEqual([
      ['80.00', 'customer_price', '80.00'],
      ['47.50', 'customer_discount', '47.50'],
      ['49.00', 'manual', '47.50'],
    ]);
    const plain = await quote([{ productId: p['CP-A'], qty: 1 }], otherCustomerId);
    expect(plain.lines[0]).toMatchObject({ unitPrice: '100.00', priceSource: 'list_price' });
  });

  it("compares the director's discount check with the price the customer is entitled to", async () => {
    // 80.00 is 20 % under the list price but the customer's own price: no approval needed.
    const atOwn = await quote([{ productId: p['CP-A'], qty: 10 }]);
    expect(atOwn.approvalReasons).toEqual([]);
    expect(atOwn.actions).toContain('send');
    // 71.00 is 11.25 % under the customer's 80.00 (the limit is 10 %): the director must approve.
    const under = await quote([{ productId: p['CP-A'], qty: 10, unitPrice: '71.00' }]);
    expect(under.approvalReasons).toEqual(['discount']);
    expect(under.actions).toContain('submit');
  });

  it("order review's discount check also starts from the customer's own price", async () => {
    const stages = async (unitPrice: string) => {
      const o = await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(customerId, [{ productId: p['CP-A'], qty: 1, unitPrice }], { orderDate: '2026-12-05' }),
      });
      expect(o.statusCode, o.body).toBe(201);
      const submitted = await a.sales({ method: 'POST', url: `/api/orders/${o.json().id}/submit` });
      expect(submitted.statusCode, submitted.body).toBe(200);
      const review = (await a.reviewer({ method: 'GET', url: `/api/orders/${o.json().id}/review` })).json();
      return (review.stages as { stage: string }[]).map((s) => s.stage);
    };
    // 80.00 is the customer's own price (20 % under list): no director; 71.00 is 11.25 % under it: director.
    expect(await stages('80.00')).not.toContain('director');
    expect(await stages('71.00')).toContain('director');
  });

  it('prices order lines by the order date: the own price within its validity, the discount after it', async () => {
    const order = async (day: string) => {
      const r = await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: { customerId, source: 'email', orderDate: day, lines: [{ productId: p['CP-A'], qty: 3 }] },
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().lines[0].unitPrice;
    };
    expect(await order('2026-12-10')).toBe('80.00');
    expect(await order('2026-12-11')).toBe('95.00');
    expect(await order('2027-01-02')).toBe('75.00');
    const typed = await a.sales({
      method: 'POST',
      url: '/api/orders',
      payload: { customerId, source: 'email', lines: [{ productId: p['CP-A'], qty: 1, unitPrice: '99.00' }] },
    });
    expect(typed.json().lines[0].unitPrice).toBe('99.00');
  });

  it('refuses bad input naming the field', async () => {
    const bad = await putPrices({
      discountPercent: '100',
      prices: [{ productId: p['CP-A'], price: '-1', validFrom: '2026-12-10', validTo: '2026-12-01' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(expect.arrayContaining(['discountPercent', 'prices[0].price', 'prices[0].validTo']));
    const unknown = await putPrices({ prices: [{ productId: '00000000-0000-4000-8000-000000000000', price: '1' }] });
    expect(paths(unknown)).toEqual(['prices[0].productId']);
    const currency = await putPrices({ prices: [{ productId: p['CP-A'], price: '1', currency: 'XYZ' }] });
    expect(paths(currency)).toEqual(['prices[0].currency']);
    const overlap = await putPrices({
      prices: [
        { productId: p['CP-A'], price: '1', validFrom: '2026-01-01', validTo: '2026-06-30' },
        { productId: p['CP-B'], price: '1' },
        { productId: p['CP-A'], price: '2', validFrom: '2026-06-30' },
      ],
    });
    expect(overlap.statusCode).toBe(400);
    expect(paths(overlap)).toEqual(['prices[2].validFrom']);
    expect(overlap.json().error.fields[0].message).toContain('row 1');
    // Nothing of a refused list was kept.
    const got = (await a.sales({ method: 'GET', url: `/api/customers/${customerId}/prices` })).json();
    expect(got.prices.map((x: { price: string }) => x.price)).toEqual(['80.00', '75.00', '40.00']);
  });

  it('goes out to Excel and comes back in, all rows or none', async () => {
    const out = await a.sales({ method: 'GET', url: `/api/customers/${customerId}/prices/export.xlsx?lang=en` });
    expect(out.statusCode).toBe(200);
    const sheet = Object.values(await readXlsxRows(out.rawPayload))[0];
    expect(sheet[0]).toEqual(['SKU', 'Name', 'List price', 'Customer price', 'Currency', 'Valid from', 'Valid to']);
    expect(sheet[1].slice(0, 5)).toEqual(['CP-A', '客户价 CP-A', '100.00', '80.00', 'CNY']);
    const upload = async (rows: (string | number)[][]) =>
      a.director({
        method: 'POST',
        url: `/api/customers/${customerId}/prices/import`,
        ...multipart({
          name: 'prices.xlsx',
          data: await buildXlsx(['SKU', '客户价', '币种', '生效日期', '失效日期'], rows),
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        }),
      });
    const wrong = await upload([
      ['CP-B', '45.00', '', '', ''],
      ['NO-SUCH', '1.00', '', '', ''],
      ['CP-A', 'abc', '', '', ''],
    ]);
    expect(wrong.statusCode, wrong.body).toBe(422);
    const errors = wrong.json().error.details.errors.map((e: { row: number; column: string }) => [e.row, e.column]);
    expect(errors).toEqual(
      expect.arrayContaining([
        [3, 'SKU'],
        [4, '客户价'],
      ]),
    );
    const ok = await upload([
      ['CP-B', '45.00', '', '2026-12-01', ''],
      ['CP-A', 88, 'CNY', '', ''],
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ imported: 2 });
    const got = (await a.sales({ method: 'GET', url: `/api/customers/${customerId}/prices` })).json();
    expect(got.discountPercent).toBe('5');
    expect(got.prices.map((x: { sku: string; price: string }) => `${x.sku} ${x.price}`)).toEqual([
      'CP-A 88.00',
      'CP-B 45.00',
    ]);
  });
});

describe('free-description inquiry lines', () => {
  it('are carried into the quotation and must be matched to a product before it is submitted or sent', async () => {
    const inquiry = await a.sales({
      method: 'POST',
      url: '/api/inquiries',
      payload: {
        customerId,
        source: 'email',
        lines: [
          { productId: p['CP-A'], qty: 10 },
          { description: '不锈钢球阀 DN50', spec: 'PN16 法兰', unit: '个', qty: 5 },
        ],
      },
    });
    expect(inquiry.statusCode, inquiry.body).toBe(201);
    expect(inquiry.json().lines[1]).toEqual({ description: '不锈钢球阀 DN50', spec: 'PN16 法兰', unit: '个', qty: 5 });
    const q = await a.sales({
      method: 'POST',
      url: '/api/quotations',
      payload: {
        customerId,
        inquiryId: inquiry.json().id,
        validUntil: '2026-12-20',
        lines: [
          { productId: p['CP-A'], qty: 10 },
          { description: '不锈钢球阀 DN50', spec: 'PN16 法兰', unit: '个', qty: 5 },
        ],
      },
    });
    expect(q.statusCode, q.body).toBe(201);
    const quotation = q.json();
    expect(quotation.lines[1]).toMatchObject({
      productId: null,
      name: '不锈钢球阀 DN50',
      spec: 'PN16 法兰',
      unit: '个',
      priceSource: 'unmatched',
    });
    expect(quotation.actions).not.toContain('send');
    expect(quotation.actions).not.toContain('submit');
    for (const step of ['send', 'submit']) {
      const refused = await a.sales({ method: 'POST', url: `/api/quotations/${quotation.id}/${step}` });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('QUOTATION.LINE_UNMATCHED');
      expect(refused.json().error.message).toContain('第 2 行「不锈钢球阀 DN50」');
    }
    const en = await a.sales({
      method: 'POST',
      url: `/api/quotations/${quotation.id}/send`,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.message).toContain('Line 2 ("不锈钢球阀 DN50") is not matched');
    const matched = await a.sales({
      method: 'POST',
      url: `/api/quotations/${quotation.id}/revise`,
      payload: {
        lines: [
          { productId: p['CP-A'], qty: 10 },
          { productId: p['CP-B'], qty: 5 },
        ],
        note: '球阀对应 CP-B',
      },
    });
    expect(matched.statusCode, matched.body).toBe(200);
    // CP-B's own price (45.00 from 2026-12-01) came in with the Excel import above.
    expect(matched.json().lines[1]).toMatchObject({ sku: 'CP-B', unitPrice: '45.00', priceSource: 'customer_price' });
    const versions = (await a.sales({ method: 'GET', url: `/api/quotations/${quotation.id}/versions` })).json();
    expect(versions[0].changes).toContainEqual({ field: 'product', line: '2', from: '不锈钢球阀 DN50', to: 'CP-B' });
    const sent = await a.sales({ method: 'POST', url: `/api/quotations/${quotation.id}/send` });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().status).toBe('sent');
  });

  it('refuses a line with neither a product nor a description, naming it', async () => {
    const r = await a.sales({
      method: 'POST',
      url: '/api/quotations',
      payload: { customerId, validUntil: '2026-12-20', lines: [{ productId: p['CP-A'], qty: 1 }, { qty: 2 }] },
    });
    expect(r.statusCode).toBe(400);
    expect(paths(r)).toEqual(['lines[1].productId']);
  });
});
