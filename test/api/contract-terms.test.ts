import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors } from '../helpers/orders';
import { multipart } from '../helpers/xlsx';
import { portalLogin } from '../helpers/portal';
import { insertReceivable } from '../../src/modules/receivables/receivable.repository';

// 销售合同, what comes around the contract: the company's clause templates, notices to reviewers and the drafter,
// call-off orders cancelled, early close, and a contract's own overdue interest rate.
type As = ReturnType<TestContext['as']>;
let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let legal: As;
let customerId: string;
let productId: string;
const NOW = new Date('2026-12-01T02:00:00Z');

const post = (as: As, url: string, payload?: object) => as({ method: 'POST', url, ...(payload ? { payload } : {}) });
const get = async (as: As, url: string) => (await as({ method: 'GET', url })).json();

async function draft(qty: number, extra: object = {}) {
  const q = await post(a.sales, '/api/quotations', {
    customerId,
    validUntil: '2026-12-15',
    paymentMethod: 'credit',
    paymentDays: 30,
    lines: [{ productId, qty }],
  });
  expect(q.statusCode, q.body).toBe(201);
  await post(a.sales, `/api/quotations/${q.json().id}/send`);
  await post(a.sales, `/api/quotations/${q.json().id}/accept`);
  const k = await post(a.sales, '/api/contracts', { quotationId: q.json().id, ...extra });
  expect(k.statusCode, k.body).toBe(201);
  return k.json();
}

/** Drafted, approved by legal and finance (under the general manager's threshold), signed with the scan. */
async function signed(qty: number, extra: object = {}) {
  const k = await draft(qty, extra);
  await post(a.sales, `/api/contracts/${k.id}/review`, { decision: 'submit' });
  await post(legal, `/api/contracts/${k.id}/review`, { decision: 'approve' });
  expect((await post(a.finance, `/api/contracts/${k.id}/review`, { decision: 'approve' })).json().status).toBe(
    'approved',
  );
  const up = await a.sales({
    method: 'POST',
    url: `/api/contracts/${k.id}/attachments`,
    ...multipart({ name: 'signed.pdf', data: Buffer.from('%PDF signed'), type: 'application/pdf' }),
  });
  const s = await post(a.sales, `/api/contracts/${k.id}/sign`, { attachmentId: up.json().id, customerSignatory: '李' });
  expect(s.json().status).toBe('signed');
  return k as { id: string; number: string };
}

const notices = async (as: As, kind: string) =>
  (await get(as, '/api/notifications?limit=200')).items.filter((n: { kind: string }) => n.kind === kind);

beforeAll(async () => {
  t = await createTestContext();
  t.setNow(NOW);
  a = await orderActors(t);
  legal = t.as(await t.token('legal'));
  const p = await a.admin({
    method: 'POST',
    url: '/api/products',
    payload: { sku: 'KT-A', name: '条款品', listPrice: '10.00', standardCost: '6.00' },
  });
  productId = p.json().id;
  const c = await a.finance({
    method: 'POST',
    url: '/api/customers',
    payload: {
      code: 'KT01',
      shortCode: 'KT01',
      name: '条款客户',
      kind: 'ordinary',
      paymentMethod: 'credit',
      paymentDays: 30,
      creditLimit: '1000000.00',
      overdueInterestBp: 3,
    },
  });
  expect(c.statusCode, c.body).toBe(201);
  customerId = c.json().id;
});
afterAll(() => t.close());

describe('合同条款模板 kept by the company', () => {
  let before: { id: string; clauses: { code: string; body: string }[] };

  it('lists the nine standard clauses until legal changes them; only legal and admins change them', async () => {
    before = await draft(10);
    const list = await get(legal, '/api/contract-clauses');
    expect(list.items.map((c: { code: string }) => c.code)).toHaveLength(9);
    expect(list.items[0]).toMatchObject({ code: 'products', retired: false, titleEn: 'Products and specifications' });
    const bySales = await post(a.sales, '/api/contract-clauses', { code: 'x', title: 'x', body: 'x' });
    expect(bySales.statusCode).toBe(403);
  });

  it('names the wrong field: a bad code, an unknown placeholder, a code already used, an unknown clause', async () => {
    const bad = await post(legal, '/api/contract-clauses', { code: 'Bad Code', title: '', body: '见{nothing}' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['body', 'code', 'title']);
    const taken = await post(legal, '/api/contract-clauses', { code: 'breach', title: '违约', body: '违约' });
    expect([taken.statusCode, taken.json().error.code, taken.json().error.fields[0].path]).toEqual([
      409,
      'CONTRACT.CLAUSE_EXISTS',
      'code',
    ]);
    const none = await legal({ method: 'PUT', url: '/api/contract-clauses/nope', payload: { title: '无' } });
    expect([none.statusCode, none.json().error.code]).toEqual([404, 'CONTRACT.CLAUSE_NOT_FOUND']);
  });

  it('new drafts use the current templates; contracts drafted before keep their copy', async () => {
    const added = await post(legal, '/api/contract-clauses', {
      code: 'confidentiality',
      title: '保密',
      titleEn: 'Confidentiality',
      body: '双方对合同 {customerPo} 的内容保密。',
      sort: 95,
    });
    expect(added.statusCode, added.body).toBe(201);
    const edited = await legal({
      method: 'PUT',
      url: '/api/contract-clauses/breach',
      payload: { body: '违约方按合同总额 {total} 元的 10% 支付违约金。' },
    });
    expect(edited.json()).toMatchObject({ code: 'breach', body: '违约方按合同总额 {total} 元的 10% 支付违约金。' });
    const retired = await legal({
      method: 'PUT',
      url: '/api/contract-clauses/after_sales',
      payload: { retired: true },
    });
    expect(retired.json()).toMatchObject({ retired: true, retiredAt: NOW.toISOString() });

    const k = await draft(5, { customerPo: 'PO-K1' });
    const codes = k.clauses.map((c: { code: string }) => c.code);
    expect(codes).toContain('confidentiality');
    expect(codes).not.toContain('after_sales');
    expect(k.clauses.find((c: { code: string }) => c.code === 'confidentiality').body).toBe(
      '双方对合同 PO-K1 的内容保密。',
    );
    expect(k.clauses.find((c: { code: string }) => c.code === 'breach').body).toBe(
      '违约方按合同总额 50.00 元的 10% 支付违约金。',
    );
    const old = await get(a.sales, `/api/contracts/${before.id}`);
    expect(old.clauses).toEqual(before.clauses);
    expect(old.clauses.map((c: { code: string }) => c.code)).toContain('after_sales');
  });
});

describe('notices of a contract review', () => {
  it('tells each stage role its stage started, and the drafter of a rejection, approval and signing', async () => {
    const k = await draft(20);
    await post(a.sales, `/api/contracts/${k.id}/review`, { decision: 'submit' });
    expect(await notices(legal, 'contract_review')).toContainEqual(
      expect.objectContaining({
        params: expect.objectContaining({ number: k.number, stage: 'legal', contractId: k.id }),
      }),
    );
    await post(legal, `/api/contracts/${k.id}/review`, { decision: 'approve' });
    const toFinance = (await notices(a.finance, 'contract_review')).filter(
      (n: { params: { number: string } }) => n.params.number === k.number,
    );
    expect(toFinance.map((n: { params: { stage: string } }) => n.params.stage)).toEqual(['finance']);
    await post(a.finance, `/api/contracts/${k.id}/review`, { decision: 'reject', reason: '账期过长' });
    expect(await notices(a.sales, 'contract_rejected')).toContainEqual(
      expect.objectContaining({ params: expect.objectContaining({ number: k.number, reason: '账期过长' }) }),
    );

    await post(a.sales, `/api/contracts/${k.id}/review`, { decision: 'submit' });
    await post(legal, `/api/contracts/${k.id}/review`, { decision: 'approve' });
    await post(a.finance, `/api/contracts/${k.id}/review`, { decision: 'approve' });
    const mine = (kind: string) =>
      notices(a.sales, kind).then((l) => l.filter((n: { params: { number: string } }) => n.params.number === k.number));
    expect(await mine('contract_approved')).toHaveLength(1);
    const portal = t.as(await portalLogin(t, a.sales, customerId, 'kt.buyer'));
    expect((await post(portal, `/api/portal/contracts/${k.id}/sign`)).statusCode).toBe(200);
    expect(await mine('contract_signed')).toHaveLength(1);
  });
});

describe('call-off orders cancelled, and an early close', () => {
  it('gives a cancelled call-off order’s quantities back, so the full quantity can be called off again', async () => {
    const k = await signed(100);
    const first = await post(a.sales, `/api/contracts/${k.id}/orders`, { lines: [{ productId, quantity: 100 }] });
    expect(first.json().contract).toMatchObject({ status: 'completed' });
    const cancel = await post(a.director, `/api/orders/${first.json().order.id}/cancel`, { reason: '客户改期' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const back = await get(a.sales, `/api/contracts/${k.id}`);
    expect(back).toMatchObject({ status: 'signed', actions: expect.arrayContaining(['order', 'close']) });
    expect(back.lines[0]).toMatchObject({ calledQty: 0, remainingQty: 100 });
    expect(back.performance.orders).toEqual([]);
    const again = await post(a.sales, `/api/contracts/${k.id}/orders`, { lines: [{ productId, quantity: 100 }] });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().contract.lines[0]).toMatchObject({ calledQty: 100, remainingQty: 0 });
    expect(again.json().contract.status).toBe('completed');
  });

  it('closes early with the reason in its history; no order is called off it afterwards', async () => {
    const k = await signed(50);
    await post(a.sales, `/api/contracts/${k.id}/orders`, { lines: [{ productId, quantity: 20 }] });
    const noReason = await post(a.sales, `/api/contracts/${k.id}/close`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe('reason');
    expect((await post(legal, `/api/contracts/${k.id}/close`, { reason: '客户停产' })).statusCode).toBe(403);
    const closed = await post(a.sales, `/api/contracts/${k.id}/close`, { reason: '客户停产' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closeReason: '客户停产', actions: [] });
    const history = await t.database.db
      .selectFrom('state_history')
      .select(['from_state', 'to_state', 'event', 'reason'])
      .where('entity_type', '=', 'contract')
      .where('entity_id', '=', k.id)
      .where('event', '=', 'close')
      .execute();
    expect(history).toEqual([{ from_state: 'signed', to_state: 'closed', event: 'close', reason: '客户停产' }]);
    const refused = await post(a.sales, `/api/contracts/${k.id}/orders`, { lines: [{ productId, quantity: 1 }] });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'CONTRACT.CLOSED']);
    expect(refused.json().error.message).toContain(k.number);
  });
});

describe('逾期利息 of a contract', () => {
  it('charges the contract’s rate on its call-off receivables, the customer’s on the rest', async () => {
    const bad = await post(a.sales, '/api/contracts', { quotationId: crypto.randomUUID(), overdueInterestBp: 5000 });
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toContain('overdueInterestBp');
    const k = await signed(30, { overdueInterestBp: 10 });
    expect((await get(a.sales, `/api/contracts/${k.id}`)).overdueInterestBp).toBe(10);
    const order = (
      await post(a.sales, `/api/contracts/${k.id}/orders`, { lines: [{ productId, quantity: 30 }] })
    ).json().order;
    const receivable = (orderId: string | null, amount: string) =>
      insertReceivable(t.database.db, {
        company_id: t.companyA,
        customer_id: customerId,
        order_id: orderId,
        shipment_id: null,
        period: null,
        kind: 'shipment',
        amount,
        due_date: '2026-11-10',
        created_at: new Date('2026-10-01T02:00:00Z'),
      });
    await receivable(order.id, '300.00');
    await receivable(null, '1000.00');
    const s = (await get(a.finance, `/api/customers/${customerId}/statement?from=2026-11-01&to=2026-11-30`)) as {
      closing: string;
      closingWithInterest: string;
      interest: { lines: { reference: string; rateBp: number; days: number; interest: string }[]; total: string };
    };
    // Overdue 11-11 … 11-30: 20 days. 300.00 × 0.10 % × 20 = 6.00 (contract); 1000.00 × 0.03 % × 20 = 6.00.
    expect(s.interest.lines.map((l) => [l.reference, l.rateBp, l.days, l.interest])).toEqual(
      expect.arrayContaining([
        [order.number, 10, 20, '6.00'],
        ['', 3, 20, '6.00'],
      ]),
    );
    expect(s.interest.total).toBe('12.00');
    // The receivables themselves (raised before the period) stay as they were; the interest is shown beside them.
    expect([s.closing, s.closingWithInterest]).toEqual(['1300.00', '1312.00']);
  });
});
