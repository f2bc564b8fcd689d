import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors } from '../helpers/orders';
import { insertReceivable } from '../../src/modules/receivables/receivable.repository';
import { interestFen, overdueDaysIn } from '../../src/modules/receivables/overdue-interest';

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let withRate: string;
let withoutRate: string;

async function newCustomer(code: string, extra: Record<string, unknown> = {}) {
  const res = await a.finance({
    method: 'POST',
    url: '/api/customers',
    payload: {
      code,
      shortCode: code,
      name: `${code} 公司`,
      kind: 'ordinary',
      paymentMethod: 'credit',
      paymentDays: 30,
      creditLimit: '100000.00',
      ...extra,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const receivable = (customerId: string, amount: string, dueDate: string) =>
  insertReceivable(t.database.db, {
    company_id: t.companyA,
    customer_id: customerId,
    order_id: null,
    shipment_id: null,
    period: null,
    kind: 'shipment',
    amount,
    due_date: dueDate,
    created_at: new Date('2026-10-01T02:00:00Z'),
  });

const statementOf = async (customerId: string, lang = 'zh-CN') =>
  (
    await a.finance({
      method: 'GET',
      url: `/api/customers/${customerId}/statement?from=2026-11-01&to=2026-11-30`,
      headers: { 'accept-language': lang },
    })
  ).json();

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  const c = await newCustomer('OVI1', { overdueInterestBp: 3 });
  expect(c.overdueInterestBp).toBe(3);
  withRate = c.id;
  withoutRate = (await newCustomer('OVI2')).id;
  // Overdue since before the period; overdue from the 11th; not yet due.
  await receivable(withRate, '1234.57', '2026-10-15');
  await receivable(withRate, '500.00', '2026-11-10');
  await receivable(withRate, '800.00', '2026-12-15');
  await receivable(withoutRate, '1234.57', '2026-10-15');
  t.setNow(new Date('2026-11-20T04:00:00Z')); // 2026-11-20 in Shanghai
});
afterAll(() => t.close());

describe('逾期利息 on the statement of account', () => {
  it('counts days overdue within the period and rounds half up to the fen', () => {
    expect(overdueDaysIn('2026-10-15', '2026-11-01', '2026-11-20')).toBe(20);
    expect(overdueDaysIn('2026-11-10', '2026-11-01', '2026-11-20')).toBe(10);
    expect(overdueDaysIn('2026-12-15', '2026-11-01', '2026-11-20')).toBe(0);
    expect(interestFen(123_457n, 3, 20)).toBe(741n); // 740.742 fen
  });

  it('shows interest as lines of its own with the basis, never changing the receivables', async () => {
    const s = await statementOf(withRate);
    // 1234.57 × 0.03 % × 20 days = 7.41; 500.00 × 0.03 % × 10 days = 1.50
    expect(s.interest.lines).toMatchObject([
      { outstanding: '1234.57', days: 20, rateBp: 3, dueDate: '2026-10-15', interest: '7.41' },
      { outstanding: '500.00', days: 10, rateBp: 3, dueDate: '2026-11-10', interest: '1.50' },
    ]);
    expect(s.interest.total).toBe('8.91');
    expect(s.opening).toBe('2534.57');
    expect(s.closing).toBe('2534.57');
    expect(s.closingWithInterest).toBe('2543.48');
    const receivables = (await a.finance({ method: 'GET', url: `/api/receivables?customer=${withRate}` })).json();
    expect(receivables.items.map((r: { amount: string }) => r.amount).sort()).toEqual(['1234.57', '500.00', '800.00']);
    const html = await a.finance({
      method: 'GET',
      url: `/api/customers/${withRate}/statement?from=2026-11-01&to=2026-11-30&format=html`,
    });
    expect(html.body).toContain('逾期利息');
    expect(html.body).toContain('7.41');
    expect(html.body).toContain('0.03%/日');
  });

  it('customers without a rate get no interest', async () => {
    const s = await statementOf(withoutRate);
    expect(s.interest).toEqual({ lines: [], total: '0.00' });
    expect(s.closingWithInterest).toBe(s.closing);
  });

  it('the rate is kept on the customer and bad input names the field', async () => {
    const bad = await a.finance({
      method: 'PATCH',
      url: `/api/customers/${withoutRate}`,
      payload: { overdueInterestBp: -1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('overdueInterestBp');
    const ok = await a.finance({
      method: 'PATCH',
      url: `/api/customers/${withoutRate}`,
      payload: { overdueInterestBp: 5 },
    });
    expect(ok.json().overdueInterestBp).toBe(5);
    // 1234.57 × 0.05 % × 20 days = 12.3457 → 12.35
    expect((await statementOf(withoutRate)).interest.total).toBe('12.35');
  });
});
