import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors } from '../helpers/orders';
import { pdfText } from '../helpers/pdf-text';
import { multipart } from '../helpers/xlsx';
import { portalLogin } from '../helpers/portal';

// 销售合同: an accepted quotation drafted as a contract, reviewed by legal, finance and the general manager, signed
// with the scan of the paper, then called off by sales orders within its quantities.
let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let legal: ReturnType<TestContext['as']>;
let customerId: string;
const p: Record<string, string> = {};
const NOW = new Date('2026-12-01T02:00:00Z');

const post = (as: ReturnType<TestContext['as']>, url: string, payload?: object) =>
  as({ method: 'POST', url, ...(payload ? { payload } : {}) });

async function acceptedQuotation(lines: { productId: string; qty: number }[]) {
  const q = await post(a.sales, '/api/quotations', {
    customerId,
    validUntil: '2026-12-15',
    expectedDeliveryDate: '2026-12-28',
    paymentMethod: 'credit',
    paymentDays: 30,
    remarks: '合同备注',
    lines,
  });
  expect(q.statusCode, q.body).toBe(201);
  expect((await post(a.sales, `/api/quotations/${q.json().id}/send`)).statusCode).toBe(200);
  expect((await post(a.sales, `/api/quotations/${q.json().id}/accept`)).statusCode).toBe(200);
  return q.json();
}

beforeAll(async () => {
  t = await createTestContext();
  t.setNow(NOW);
  a = await orderActors(t);
  legal = t.as(await t.token('legal'));
  for (const [sku, listPrice] of [
    ['HT-A', '100.00'],
    ['HT-B', '150.00'],
  ]) {
    const r = await a.admin({
      method: 'POST',
      url: '/api/products',
      payload: { sku, name: `合同品 ${sku}`, listPrice, standardCost: '60.00' },
    });
    p[sku] = r.json().id;
  }
  const customers = (await a.sales({ method: 'GET', url: '/api/customers?pageSize=50' })).json().items;
  customerId = customers.find((c: { active: boolean }) => c.active).id;
});
afterAll(() => t.close());

describe('quotation → contract → review → signed → call-offs', () => {
  let k: { id: string; number: string };

  it('drafts the contract from the accepted quotation with the nine standard clauses and the PO number', async () => {
    const q = await acceptedQuotation([
      { productId: p['HT-A'], qty: 1000 },
      { productId: p['HT-B'], qty: 1000 },
    ]);
    const res = await post(a.sales, '/api/contracts', { quotationId: q.id, customerPo: 'PO-8801' });
    expect(res.statusCode, res.body).toBe(201);
    k = res.json();
    expect(res.json()).toMatchObject({
      status: 'draft',
      customerPo: 'PO-8801',
      total: '250000.00',
      quotation: { id: q.id },
      stages: ['legal', 'finance', 'gm'],
      actions: expect.arrayContaining(['submit', 'edit']),
    });
    expect(k.number).toMatch(/^HT202612-\d{4}$/);
    const clauses = res.json().clauses as { code: string; body: string }[];
    expect(clauses.map((c) => c.code)).toEqual([
      'products',
      'quantity',
      'quality',
      'price',
      'payment',
      'delivery',
      'acceptance',
      'after_sales',
      'breach',
    ]);
    expect(clauses.find((c) => c.code === 'price')!.body).toContain('人民币 250,000.00 元');
    expect(clauses.find((c) => c.code === 'payment')!.body).toBe('付款方式：账期，账期 30 天。');
    const edited = await a.sales({
      method: 'PATCH',
      url: `/api/contracts/${k.id}`,
      payload: {
        clauses: [...clauses.slice(0, 8), { code: 'breach', title: '违约责任', body: '违约金为合同总额的 5%' }],
      },
    });
    expect(edited.json().clauses[8].body).toBe('违约金为合同总额的 5%');
  });

  it('refuses a contract from a quotation not accepted, and names bad fields', async () => {
    const q = await post(a.sales, '/api/quotations', {
      customerId,
      validUntil: '2026-12-15',
      lines: [{ productId: p['HT-A'], qty: 1 }],
    });
    const res = await post(a.sales, '/api/contracts', { quotationId: q.json().id });
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'CONTRACT.QUOTATION_NOT_ACCEPTED']);
    const bad = await post(a.sales, '/api/contracts', { quotationId: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toContain('quotationId');
    const noReason = await post(legal, `/api/contracts/${k.id}/review`, { decision: 'reject' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.map((f: { path: string }) => f.path)).toContain('reason');
  });

  it('goes through legal, finance and the general manager, each stage timed; a rejection says why', async () => {
    expect((await post(a.sales, `/api/contracts/${k.id}/review`, { decision: 'submit' })).json()).toMatchObject({
      status: 'in_review',
      stage: 'legal',
    });
    const early = await post(a.finance, `/api/contracts/${k.id}/review`, { decision: 'approve' });
    expect(early.statusCode).toBe(403);
    const rejected = await post(legal, `/api/contracts/${k.id}/review`, {
      decision: 'reject',
      reason: '违约条款需修改',
    });
    expect(rejected.json()).toMatchObject({ status: 'draft', stage: null });
    expect(rejected.json().reviews[0]).toMatchObject({ stage: 'legal', decision: 'reject', reason: '违约条款需修改' });

    await post(a.sales, `/api/contracts/${k.id}/review`, { decision: 'submit' });
    const l = await post(legal, `/api/contracts/${k.id}/review`, { decision: 'approve' });
    expect(l.json()).toMatchObject({ status: 'in_review', stage: 'finance' });
    // 10:00 Beijing + 4 working hours of finance.
    expect(new Date(l.json().stageDueAt).toISOString()).toBe('2026-12-01T06:00:00.000Z');
    const f = await post(a.finance, `/api/contracts/${k.id}/review`, { decision: 'approve' });
    expect(f.json()).toMatchObject({ status: 'in_review', stage: 'gm' });
    const g = await post(a.gm, `/api/contracts/${k.id}/review`, { decision: 'approve' });
    expect(g.json()).toMatchObject({ status: 'approved', stage: null, actions: [] });
    expect(
      g
        .json()
        .reviews.map((r: { round: number; stage: string; decision: string }) => `${r.round}${r.stage}${r.decision}`),
    ).toEqual(['1legalreject', '2legalapprove', '2financeapprove', '2gmapprove']);
  });

  it('is signed by both sides with the scan of the signed paper', async () => {
    expect((await a.sales({ method: 'GET', url: `/api/contracts/${k.id}` })).json().actions).toEqual(['sign', 'close']);
    const noScan = await post(a.sales, `/api/contracts/${k.id}/sign`, {});
    expect(noScan.statusCode).toBe(400);
    const up = await a.sales({
      method: 'POST',
      url: `/api/contracts/${k.id}/attachments`,
      ...multipart({ name: 'signed.pdf', data: Buffer.from('%PDF signed'), type: 'application/pdf' }),
    });
    expect(up.statusCode, up.body).toBe(201);
    const signed = await post(a.sales, `/api/contracts/${k.id}/sign`, {
      attachmentId: up.json().id,
      customerSignatory: '张伟',
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({
      status: 'signed',
      signature: { scanId: up.json().id, company: { by: expect.any(String) }, customer: { by: '张伟' } },
      actions: expect.arrayContaining(['order']),
    });
  });

  it('calls off two orders at the contract prices; the second is refused beyond the quantity left', async () => {
    const first = await post(a.sales, `/api/contracts/${k.id}/orders`, {
      lines: [
        { productId: p['HT-A'], quantity: 600 },
        { productId: p['HT-B'], quantity: 1000 },
      ],
      remarks: '第一批',
    });
    expect(first.statusCode, first.body).toBe(201);
    const order = first.json().order;
    expect(
      order.lines.map((l: { productId: string; unitPrice: string; qty: number }) => [l.productId, l.unitPrice, l.qty]),
    ).toEqual([
      [p['HT-A'], '100.00', 600],
      [p['HT-B'], '150.00', 1000],
    ]);
    expect(order).toMatchObject({ customerPo: 'PO-8801', buyerRemark: '第一批', expectedDeliveryDate: '2026-12-28' });
    expect(first.json().contract.lines.map((l: { remainingQty: number }) => l.remainingQty)).toEqual([400, 0]);

    const over = await post(a.sales, `/api/contracts/${k.id}/orders`, {
      lines: [{ productId: p['HT-A'], quantity: 401 }],
    });
    expect([over.statusCode, over.json().error.code]).toEqual([409, 'CONTRACT.QUANTITY_EXCEEDED']);
    expect(over.json().error.message).toContain('HT-A');
    expect(over.json().error.fields[0].path).toBe('lines[0].quantity');
  });

  it('two call-offs at once never take more than the contract holds', async () => {
    const both = await Promise.all(
      [300, 300].map((quantity) =>
        post(a.sales, `/api/contracts/${k.id}/orders`, { lines: [{ productId: p['HT-A'], quantity }] }),
      ),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const after = (await a.sales({ method: 'GET', url: `/api/contracts/${k.id}` })).json();
    expect(after.lines[0]).toMatchObject({ qty: 1000, calledQty: 900, remainingQty: 100 });
    expect(after.performance).toMatchObject({ ordered: '240000.00', shipped: '0.00', paid: '0.00' });
    expect(after.performance.orders).toHaveLength(2);

    const last = await post(a.sales, `/api/contracts/${k.id}/orders`, {
      lines: [{ productId: p['HT-A'], quantity: 100 }],
    });
    expect(last.json().contract).toMatchObject({ status: 'completed', actions: [] });
  });

  it('is found by number, customer and status, and printed with its clauses and signatures', async () => {
    for (const q of [
      `q=${k.number}`,
      `q=PO-8801`,
      `customerId=${customerId}&status=completed`,
      'from=2026-12-01&to=2026-12-01',
    ]) {
      const list = (await a.sales({ method: 'GET', url: `/api/contracts?${q}` })).json();
      expect(
        list.items.map((i: { id: string }) => i.id),
        q,
      ).toContain(k.id);
    }
    expect((await a.sales({ method: 'GET', url: '/api/contracts?status=draft' })).json().items).toEqual([]);
    const pdf = await a.sales({ method: 'GET', url: `/api/contracts/${k.id}/document` });
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    for (const s of [k.number, 'PO-8801', 'HT-A', '¥150.00', '质量标准', '违约金为合同总额的 5%', '张伟'])
      expect(text).toContain(s);
  });
});

describe('a smaller contract signed electronically in the customer portal', () => {
  it('skips the general manager under the threshold; the customer signs with who, when and where', async () => {
    const q = await acceptedQuotation([{ productId: p['HT-A'], qty: 10 }]);
    const k = (await post(a.sales, '/api/contracts', { quotationId: q.id })).json();
    expect(k.stages).toEqual(['legal', 'finance']);
    await post(a.sales, `/api/contracts/${k.id}/review`, { decision: 'submit' });
    await post(legal, `/api/contracts/${k.id}/review`, { decision: 'approve' });
    const approved = await post(a.finance, `/api/contracts/${k.id}/review`, { decision: 'approve' });
    expect(approved.json()).toMatchObject({ status: 'approved' });

    const portal = t.as(await portalLogin(t, a.sales, customerId, 'ht.buyer'));
    const signed = await post(portal, `/api/portal/contracts/${k.id}/sign`);
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ number: k.number, status: 'signed' });
    const seen = (await a.sales({ method: 'GET', url: `/api/contracts/${k.id}` })).json();
    expect(seen.signature.customer).toMatchObject({ by: expect.stringContaining('portal:'), ip: expect.any(String) });
    expect(seen.signature.company).toMatchObject({ by: '王销售' });
  });
});
