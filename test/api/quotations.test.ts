import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors } from '../helpers/orders';
import { pdfText } from '../helpers/pdf-text';
import { readXlsxRows } from '../helpers/xlsx';
import { expireQuotations, quotationConversion } from '../../src/modules/quotations/quotation-order';

// 询盘 · 报价 → 订单: an inquiry answered by a priced and costed quotation, the director's approval under the
// limits, the document sent, versions as the negotiation goes, and the order registered in one step.
let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let customerId: string;
const p: Record<string, string> = {};
const NOW = new Date('2026-12-01T02:00:00Z');

async function newProduct(sku: string, listPrice: string, standardCost: string) {
  const r = await a.admin({
    method: 'POST',
    url: '/api/products',
    payload: { sku, name: `报价品 ${sku}`, listPrice, standardCost },
  });
  if (r.statusCode !== 201) throw new Error(r.body);
  p[sku] = r.json().id;
}

const quote = async (lines: object[], extra: Record<string, unknown> = {}) => {
  const r = await a.sales({
    method: 'POST',
    url: '/api/quotations',
    payload: { customerId, validUntil: '2026-12-15', expectedDeliveryDate: '2026-12-28', lines, ...extra },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
};
const post = (as: keyof typeof a, url: string, payload?: object) =>
  a[as]({ method: 'POST', url, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestContext();
  t.setNow(NOW);
  a = await orderActors(t);
  await newProduct('QT-A', '100.00', '60.00');
  await newProduct('QT-B', '50.00', '30.00');
  const customers = (await a.sales({ method: 'GET', url: '/api/customers?pageSize=50' })).json().items;
  customerId = customers.find((c: { active: boolean }) => c.active).id;
});
afterAll(() => t.close());

describe('inquiry → quotation → order', () => {
  let q: { id: string; number: string; total: string };

  it('answers an inquiry with a quotation showing cost and margin per line and in total', async () => {
    const inquiry = await post('sales', '/api/inquiries', {
      customerId,
      source: 'email',
      description: '需要 QT-A 与 QT-B 各十件',
      lines: [
        { productId: p['QT-A'], qty: 10 },
        { description: '配套的 QT-B', spec: '标准', qty: 10 },
      ],
      wantedDate: '2026-12-28',
      paymentTerms: '月结 30 天',
      packingTerms: '纸箱',
    });
    expect(inquiry.statusCode, inquiry.body).toBe(201);
    expect(inquiry.json()).toMatchObject({ status: 'open', source: 'email', handler: { name: expect.any(String) } });
    const handlers = (await a.sales({ method: 'GET', url: '/api/inquiries/handlers' })).json();
    const director = handlers.find((h: { id: string }) => h.id !== inquiry.json().handler.id);
    const handed = await post('sales', '/api/inquiries', {
      customerId,
      source: 'crm',
      handlerId: director.id,
      lines: [{ productId: p['QT-B'], qty: 1 }],
    });
    expect(handed.json().handler).toEqual({ id: director.id, name: director.name });

    q = await quote(
      [
        { productId: p['QT-A'], qty: 10 },
        { productId: p['QT-B'], qty: 10, unitPrice: '50.00', remark: '蓝色' },
      ],
      { inquiryId: inquiry.json().id, extraCosts: [{ kind: 'freight', amount: '150.00' }], remarks: '含税价' },
    );
    expect(q).toMatchObject({
      status: 'draft',
      version: 1,
      total: '1500.00',
      costTotal: '1050.00',
      margin: '450.00',
      marginPercent: 30,
      approvalReasons: [],
      inquiry: { number: inquiry.json().number },
    });
    expect(q.number).toMatch(/^BJ202612-\d{4}$/);
    const lines = (q as unknown as { lines: { unitPrice: string; extraCost: string; cost: string; margin: string }[] })
      .lines;
    expect(lines.map((l) => [l.unitPrice, l.extraCost, l.cost, l.margin])).toEqual([
      ['100.00', '100.00', '700.00', '300.00'],
      ['50.00', '50.00', '350.00', '150.00'],
    ]);
    const listed = (await a.sales({ method: 'GET', url: '/api/inquiries?status=quoted' })).json().items;
    expect(listed.map((i: { id: string }) => i.id)).toContain(inquiry.json().id);
  });

  it('within the discount and margin limits it is sent without the director', async () => {
    expect((q as unknown as { actions: string[] }).actions).toEqual(expect.arrayContaining(['send', 'revise']));
    expect((q as unknown as { actions: string[] }).actions).not.toContain('submit');
    const submit = await post('sales', `/api/quotations/${q.id}/submit`);
    expect([submit.statusCode, submit.json().error.code]).toEqual([409, 'QUOTATION.APPROVAL_NOT_NEEDED']);
    const sent = await post('sales', `/api/quotations/${q.id}/send`);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({
      status: 'sent',
      actions: expect.arrayContaining(['accept', 'decline', 'revise']),
    });
  });

  it('the document the customer gets carries the lines, prices and total (PDF and xlsx), not the cost', async () => {
    const pdf = await a.sales({ method: 'GET', url: `/api/quotations/${q.id}/document?format=pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    for (const s of [q.number, 'QT-A', 'QT-B', '¥100.00', '¥1,000.00', '¥500.00', '¥1,500.00', '报价单', '蓝色'])
      expect(text).toContain(s);
    expect(text).not.toContain('¥700.00');

    const xlsx = await a.sales({ method: 'GET', url: `/api/quotations/${q.id}/document?format=xlsx&lang=en` });
    expect(xlsx.statusCode).toBe(200);
    const rows = Object.values(await readXlsxRows(xlsx.rawPayload))[0];
    const header = rows.findIndex((r) => r.includes('Unit price'));
    expect(rows[header]).toEqual(['No.', 'SKU', 'Product', 'Spec', 'Qty', 'Unit', 'Unit price', 'Amount', 'Remark']);
    expect(rows[header + 1].slice(0, 2).concat(rows[header + 1].slice(4, 5), rows[header + 1].slice(6, 8))).toEqual([
      '1',
      'QT-A',
      '10',
      '¥100.00',
      '¥1,000.00',
    ]);
    expect(rows.find((r) => r[0] === 'Total')).toEqual(['Total', '¥1,500.00']);
  });

  it('a revision is version 2 with what changed; version 1 is kept', async () => {
    const revised = await post('sales', `/api/quotations/${q.id}/revise`, {
      lines: [
        { productId: p['QT-A'], qty: 20, unitPrice: '98.00', remark: '加急' },
        { productId: p['QT-B'], qty: 10, unitPrice: '50.00', remark: '蓝色' },
      ],
      expectedDeliveryDate: '2026-12-30',
      note: '客户要求加量降价',
    });
    expect(revised.statusCode, revised.body).toBe(200);
    expect(revised.json()).toMatchObject({ status: 'draft', version: 2, total: '2460.00', approvalReasons: [] });
    const versions = (await a.sales({ method: 'GET', url: `/api/quotations/${q.id}/versions` })).json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0].note).toBe('客户要求加量降价');
    expect(versions[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'expectedDeliveryDate', from: '2026-12-28', to: '2026-12-30' },
        { field: 'qty', line: '1', from: 10, to: 20 },
        { field: 'unitPrice', line: '1', from: '100.00', to: '98.00' },
        { field: 'remark', line: '1', from: '', to: '加急' },
        { field: 'total', from: '1500.00', to: '2460.00' },
      ]),
    );
    expect(versions[1].lines.map((l: { qty: number; unitPrice: string }) => [l.qty, l.unitPrice])).toEqual([
      [10, '100.00'],
      [10, '50.00'],
    ]);
    expect(versions[1].terms).toMatchObject({ expectedDeliveryDate: '2026-12-28', total: '1500.00' });
  });

  it('accepted, it becomes an order in one step whose lines equal the quotation', async () => {
    expect((await post('sales', `/api/quotations/${q.id}/order`)).json().error.code).toBe('QUOTATION.NOT_ACCEPTED');
    expect((await post('sales', `/api/quotations/${q.id}/send`)).statusCode).toBe(200);
    const accepted = await post('sales', `/api/quotations/${q.id}/accept`);
    expect(accepted.json()).toMatchObject({ status: 'accepted', actions: ['order'] });
    const res = await post('sales', `/api/quotations/${q.id}/order`);
    expect(res.statusCode, res.body).toBe(201);
    const { order, quotation } = res.json();
    const quoted = quotation.lines.map((l: Record<string, unknown>) => [l.productId, l.qty, l.unitPrice, l.amount]);
    expect(order.lines.map((l: Record<string, unknown>) => [l.productId, l.qty, l.unitPrice, l.amount])).toEqual(
      quoted,
    );
    expect(order).toMatchObject({
      status: 'draft',
      customer: { id: customerId },
      total: quotation.total,
      expectedDeliveryDate: '2026-12-30',
      buyerRemark: '含税价',
      paymentMethod: quotation.paymentMethod,
    });
    expect(order.sellerRemark).toContain(`${q.number} v2`);
    expect(order.sellerRemark).toContain('QT-A: 加急');
    expect(quotation.order).toEqual({ id: order.id, number: order.number });
    const listed = (await a.sales({ method: 'GET', url: '/api/quotations?status=accepted' })).json().items;
    const mine = listed.find((x: { id: string }) => x.id === q.id);
    expect(mine).toMatchObject({ version: 2, total: '2460.00', order: { number: order.number } });
    expect(mine.lines.map((l: { qty: number }) => l.qty)).toEqual([20, 10]);
    expect(quotation.actions).toEqual([]);
    const again = await post('sales', `/api/quotations/${q.id}/order`);
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'QUOTATION.ALREADY_ORDERED']);
  });

  it('two clicks at once make one order', async () => {
    const q2 = await quote([{ productId: p['QT-B'], qty: 3 }]);
    await post('sales', `/api/quotations/${q2.id}/send`);
    await post('sales', `/api/quotations/${q2.id}/accept`);
    const both = await Promise.all([1, 2].map(() => post('sales', `/api/quotations/${q2.id}/order`)));
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const orders = await t.database.db
      .selectFrom('orders')
      .select('id')
      .where('seller_remark', 'like', `${q2.number} v1%`)
      .execute();
    expect(orders).toHaveLength(1);
  });
});

describe('the sales director approves a price under the limits before it is sent', () => {
  it('a price under the allowed discount goes to the director; rejected with a note, then approved', async () => {
    const q = await quote([{ productId: p['QT-A'], qty: 5, unitPrice: '85.00' }]);
    expect(q).toMatchObject({ approvalReasons: ['discount'], actions: expect.arrayContaining(['submit']) });
    const early = await post('sales', `/api/quotations/${q.id}/send`);
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'QUOTATION.APPROVAL_NEEDED']);
    expect((await post('sales', `/api/quotations/${q.id}/submit`)).json().status).toBe('in_review');
    const notices = (await a.director({ method: 'GET', url: '/api/notifications' })).json().items;
    expect(notices.find((n: { kind: string }) => n.kind === 'quotation_review').params.number).toBe(q.number);
    expect((await post('sales', `/api/quotations/${q.id}/review`, { decision: 'approve' })).statusCode).toBe(403);
    const noNote = await post('director', `/api/quotations/${q.id}/review`, { decision: 'reject' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['note']);
    const rejected = await post('director', `/api/quotations/${q.id}/review`, { decision: 'reject', note: '折扣太大' });
    expect(rejected.json()).toMatchObject({ status: 'draft', reviewNote: '折扣太大' });
    const back = (await a.sales({ method: 'GET', url: '/api/notifications' })).json().items;
    expect(back.find((n: { kind: string }) => n.kind === 'quotation_rejected').params).toEqual({
      number: q.number,
      note: '折扣太大',
    });
    await post('sales', `/api/quotations/${q.id}/submit`);
    const approved = await post('director', `/api/quotations/${q.id}/review`, { decision: 'approve' });
    expect(approved.json()).toMatchObject({ status: 'approved' });
    expect((await post('sales', `/api/quotations/${q.id}/send`)).json().status).toBe('sent');
  });

  it('a margin under the minimum (extra costs included) needs the director too', async () => {
    const q = await quote([{ productId: p['QT-A'], qty: 10, unitPrice: '95.00' }], {
      extraCosts: [{ kind: 'tooling', amount: '300.00' }],
    });
    expect(q).toMatchObject({ approvalReasons: ['margin'], margin: '50.00' });
    expect((await post('sales', `/api/quotations/${q.id}/send`)).json().error.code).toBe('QUOTATION.APPROVAL_NEEDED');
  });

  it('the customer declines a sent quotation with a reason', async () => {
    const q = await quote([{ productId: p['QT-B'], qty: 1 }]);
    await post('sales', `/api/quotations/${q.id}/send`);
    const declined = await post('sales', `/api/quotations/${q.id}/decline`, { reason: '价格偏高' });
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: '价格偏高', actions: [] });
  });
});

describe('inquiries declined, quotations expired, bad input', () => {
  it('a declined inquiry keeps its reason and cannot be quoted', async () => {
    const inquiry = (
      await post('sales', '/api/inquiries', { customerId, source: 'phone', description: '问一下价格' })
    ).json();
    const noReason = await post('sales', `/api/inquiries/${inquiry.id}/decline`, { reason: '' });
    expect(noReason.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['reason']);
    const declined = await post('sales', `/api/inquiries/${inquiry.id}/decline`, { reason: '无法满足交期' });
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: '无法满足交期', actions: [] });
    const listed = (await a.sales({ method: 'GET', url: '/api/inquiries?status=declined' })).json().items;
    expect(listed.find((i: { id: string }) => i.id === inquiry.id).declineReason).toBe('无法满足交期');
    const r = await a.sales({
      method: 'POST',
      url: '/api/quotations',
      payload: {
        customerId,
        inquiryId: inquiry.id,
        validUntil: '2026-12-15',
        lines: [{ productId: p['QT-A'], qty: 1 }],
      },
    });
    expect([r.statusCode, r.json().error.code]).toEqual([409, 'STATE.ILLEGAL_TRANSITION']);
  });

  it('the job marks a sent quotation past its validity expired; it can no longer be accepted', async () => {
    const q = await quote([{ productId: p['QT-B'], qty: 2 }], { validUntil: '2026-12-01' });
    await post('sales', `/api/quotations/${q.id}/send`);
    expect(await expireQuotations(t.database.db, '2026-12-01', NOW)).toBe(0);
    expect(await expireQuotations(t.database.db, '2026-12-02', NOW)).toBeGreaterThanOrEqual(1);
    const after = (await a.sales({ method: 'GET', url: `/api/quotations/${q.id}` })).json();
    expect(after).toMatchObject({ status: 'expired', actions: [] });
    const accept = await post('sales', `/api/quotations/${q.id}/accept`);
    expect([accept.statusCode, accept.json().error.code]).toEqual([409, 'STATE.ILLEGAL_TRANSITION']);
    const history = await t.database.db
      .selectFrom('state_history')
      .select(['event', 'to_state'])
      .where('entity_id', '=', q.id)
      .orderBy('id')
      .execute();
    expect(history.map((h) => h.event)).toEqual(['create', 'send', 'expire']);
  });

  it('bad input names the field', async () => {
    const r = await a.sales({
      method: 'POST',
      url: '/api/quotations',
      payload: {
        customerId,
        validUntil: '2026-13-01',
        lines: [{ productId: p['QT-A'], qty: 0 }],
        extraCosts: [{ kind: 'bribe', amount: '1.005' }],
      },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['validUntil', 'lines[0].qty', 'extraCosts[0].kind', 'extraCosts[0].amount']),
    );
    const past = await a.sales({
      method: 'POST',
      url: '/api/quotations',
      payload: { customerId, validUntil: '2026-11-30', lines: [{ productId: p['QT-A'], qty: 1 }] },
    });
    expect(past.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['validUntil']);
    const inquiry = await post('sales', '/api/inquiries', { customerId, source: 'email', lines: [{ qty: 1 }] });
    expect(inquiry.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['lines[0].productId']);
    const unknown = await a.sales({
      method: 'POST',
      url: '/api/quotations',
      payload: {
        customerId,
        validUntil: '2026-12-15',
        lines: [{ productId: '00000000-0000-4000-8000-000000000000', qty: 1 }],
      },
    });
    expect(unknown.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['lines[0].productId']);
  });
});

describe('quotation → order conversion for the monthly report', () => {
  it('counts the quotations of the month made, sent, accepted and ordered', async () => {
    const month = { from: '2026-12-01', to: '2026-12-31', timeZone: 'Asia/Shanghai' };
    const before = await quotationConversion(t.database.db, t.companyA, month);
    const q = await quote([{ productId: p['QT-B'], qty: 4 }]);
    await post('sales', `/api/quotations/${q.id}/send`);
    await post('sales', `/api/quotations/${q.id}/accept`);
    expect((await post('sales', `/api/quotations/${q.id}/order`)).statusCode).toBe(201);
    const after = await quotationConversion(t.database.db, t.companyA, month);
    expect([after.made - before.made, after.sent - before.sent, after.ordered - before.ordered]).toEqual([1, 1, 1]);
    expect(after.accepted).toBe(before.accepted + 1);
    expect(after.rate).toBe(Math.round((after.ordered / after.sent) * 10_000) / 100);
    expect(await quotationConversion(t.database.db, t.companyB, month)).toMatchObject({ made: 0, rate: null });
    const november = await quotationConversion(t.database.db, t.companyA, {
      ...month,
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(november.made).toBe(0);
    // The monthly report carries the same rate, and its drill-down lists the order made from the quotation.
    const report = (await a.director({ method: 'GET', url: '/api/reports/monthly?month=2026-12' })).json();
    const conversion = report.figures.find((f: { key: string }) => f.key === 'quotationConversionRate');
    expect(conversion).toMatchObject({ unit: 'rate', numerator: after.ordered, denominator: after.sent });
    const drill = (
      await a.director({
        method: 'GET',
        url: '/api/reports/monthly/orders?month=2026-12&figure=quotationConversionRate&pageSize=100',
      })
    ).json();
    const order = (await a.sales({ method: 'GET', url: `/api/quotations/${q.id}` })).json().order.id;
    expect(drill.items.map((o: { id: string }) => o.id)).toContain(order);
    expect(drill.total).toBe(after.ordered);
  });
});
