import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { customerByShortCode, orderActors, orderBody, productBySku, uploadQualification } from '../helpers/orders';
import { defaultWorkingHours } from '../../src/lib/calendar/calendar';
import type { Actor } from '../../src/modules/auth/auth.service';
import { submitOrder } from '../../src/modules/orders/submit-order';
import { listHistory } from '../../src/modules/history/history.repository';

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let customerId: string;
const products: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  customerId = (await customerByShortCode(a.sales, 'ABC')).id;
  await uploadQualification(a.sales, customerId);
  products.A1 = (await productBySku(a.sales, 'A-01')).id; // list ¥120.00, cost ¥70.00
  for (const [sku, cost] of [
    ['THIN-1', '95.00'],
    ['ZERO-1', '100.00'],
  ])
    products[sku] = (
      await a.admin({
        method: 'POST',
        url: '/api/products',
        payload: { sku, name: sku, listPrice: '100.00', standardCost: cost },
      })
    ).json().id;
  const warehouseId = (await a.warehouse({ method: 'GET', url: `/api/stock?product=${products.A1}` })).json().items[0]
    .warehouseId;
  const receipt = await a.warehouse({
    method: 'POST',
    url: '/api/stock/receipts',
    payload: { warehouseId, lines: ['THIN-1', 'ZERO-1'].map((sku) => ({ productId: products[sku], qty: 100 })) },
  });
  expect(receipt.statusCode, receipt.body).toBe(201);
});
afterAll(() => t.close());

async function draft(productId: string, unitPrice?: string) {
  const res = await a.sales({
    method: 'POST',
    url: '/api/orders',
    payload: orderBody(customerId, [{ productId, qty: 1, unitPrice }]),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function stagesOf(orderId: string) {
  const review = (await a.reviewer({ method: 'GET', url: `/api/orders/${orderId}/review` })).json();
  return review.stages as { stage: string; status: string; startedAt: string; dueAt: string | null }[];
}

async function submitted(productId: string, unitPrice?: string) {
  const id = await draft(productId, unitPrice);
  const res = await a.sales({ method: 'POST', url: `/api/orders/${id}/submit` });
  expect(res.statusCode, res.body).toBe(200);
  return id;
}

const review = (as: ReturnType<TestContext['as']>, id: string, decision: 'approve' | 'reject' = 'approve') =>
  as({ method: 'POST', url: `/api/orders/${id}/review`, payload: { decision, reason: 'x' } });

describe('review stages by price and margin', () => {
  it('a price more than 10% below the list price adds the sales director; 10% or less does not', async () => {
    expect((await stagesOf(await submitted(products.A1, '107.99'))).map((s) => s.stage)).toEqual([
      'sales',
      'finance',
      'director',
    ]);
    expect((await stagesOf(await submitted(products.A1, '108.00'))).map((s) => s.stage)).toEqual(['sales', 'finance']);
  });

  it('a margin below the minimum adds the sales director; zero margin goes to the general manager', async () => {
    expect((await stagesOf(await submitted(products['THIN-1']))).map((s) => s.stage)).toEqual([
      'sales',
      'finance',
      'director',
    ]);
    expect((await stagesOf(await submitted(products['ZERO-1']))).map((s) => s.stage)).toEqual([
      'sales',
      'finance',
      'gm',
    ]);
    expect((await stagesOf(await submitted(products['THIN-1'], '80.00'))).map((s) => s.stage)).toEqual([
      'sales',
      'finance',
      'director',
      'gm',
    ]);
  });

  it('the allowed discount and the minimum margin are company settings', async () => {
    const changed = await a.admin({
      method: 'PATCH',
      url: '/api/settings',
      payload: { review: { maxDiscountPercent: 20, minMarginPercent: 4.5 } },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await stagesOf(await submitted(products.A1, '100.00'))).map((s) => s.stage)).toEqual(['sales', 'finance']);
    expect((await stagesOf(await submitted(products['THIN-1']))).map((s) => s.stage)).toEqual(['sales', 'finance']);
    const bad = await a.admin({
      method: 'PATCH',
      url: '/api/settings',
      payload: { review: { maxDiscountPercent: 101 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('review.maxDiscountPercent');
    await a.admin({
      method: 'PATCH',
      url: '/api/settings',
      payload: { review: { maxDiscountPercent: 10, minMarginPercent: 10 } },
    });
  });
});

describe('one person, one stage per review round', () => {
  it('refuses a second stage to whoever decided the first, admins included, with 409 and a clear code', async () => {
    const id = await submitted(products.A1);
    expect((await review(a.admin, id)).statusCode).toBe(200);
    const second = await review(a.admin, id);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('REVIEW.ONE_STAGE_PER_PERSON');
    const rejectToo = await review(a.admin, id, 'reject');
    expect(rejectToo.json().error.code).toBe('REVIEW.ONE_STAGE_PER_PERSON');
    expect((await stagesOf(id)).map((s) => s.status)).toEqual(['approved', 'pending']);
    const queued = async (as: ReturnType<TestContext['as']>) =>
      (await as({ method: 'GET', url: '/api/review-queue' })).json().find((i: { orderId: string }) => i.orderId === id);
    expect((await queued(a.admin)).actions).toEqual([]);
    expect((await queued(a.finance)).actions).toEqual(['approve', 'reject']);
    const approved = await review(a.finance, id);
    expect(approved.json().status).toBe('awaiting_confirmation');
  });

  it('each decision is a move of the stage with its own history row', async () => {
    const id = await submitted(products.A1);
    await review(a.reviewer, id);
    await review(a.finance, id, 'reject');
    const stages = (
      await t.database.db
        .selectFrom('review_stages')
        .select(['id', 'seq', 'status'])
        .where('order_id', '=', id)
        .orderBy('seq')
        .execute()
    ).map((s) => s.id);
    const moves = await Promise.all(
      stages.map(async (s) => (await listHistory(t.database.db, t.companyA, 'review_stage', s)).map((h) => h.event)),
    );
    expect(moves).toEqual([['approve'], ['reject']]);
  });

  it('can be switched off: then one person may decide several stages', async () => {
    await a.admin({ method: 'PATCH', url: '/api/settings', payload: { review: { onePersonOneStage: false } } });
    const id = await submitted(products.A1);
    expect((await review(a.admin, id)).statusCode).toBe(200);
    const second = await review(a.admin, id);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().status).toBe('awaiting_confirmation');
    await a.admin({ method: 'PATCH', url: '/api/settings', payload: { review: { onePersonOneStage: true } } });
  });
});

describe('a stage is due 4 working hours after it starts (fixed clock, Asia/Shanghai 09:00–18:00)', () => {
  let sales: Actor;
  beforeAll(async () => {
    const u = await t.database.db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('username', '=', 'sales')
      .executeTakeFirstOrThrow();
    sales = {
      userId: u.id,
      username: 'sales',
      displayName: u.display_name,
      companyId: t.companyA,
      roles: ['sales_assistant'],
      sessionId: '',
      sessionKind: 'token',
      csrfToken: '',
    };
  });

  async function dueAfterSubmitAt(now: string) {
    const id = await draft(products.A1);
    const env = { now: new Date(now), workingHours: defaultWorkingHours };
    await t.database.db.transaction().execute((trx) => submitOrder(trx, sales, env, id));
    const first = (await stagesOf(id))[0];
    expect(new Date(first.startedAt).toISOString()).toBe(new Date(now).toISOString());
    return new Date(first.dueAt!).toISOString();
  }

  it('on an ordinary working day', async () => {
    // Tuesday 23 Sep 2025, 10:00 in Shanghai → 14:00 the same day.
    expect(await dueAfterSubmitAt('2025-09-23T10:00:00+08:00')).toBe('2025-09-23T06:00:00.000Z');
  });

  it('across the National Day holiday (1–8 Oct 2025)', async () => {
    // Tuesday 30 Sep, 16:00: two hours that day, the holiday, then two hours on Thursday 9 Oct → 11:00.
    expect(await dueAfterSubmitAt('2025-09-30T16:00:00+08:00')).toBe('2025-10-09T03:00:00.000Z');
  });

  it('on a make-up working day (调休: Sunday 28 Sep 2025 is worked)', async () => {
    // Friday 26 Sep, 16:00: two hours that day, Saturday off, Sunday 28 is a working day → 11:00 on Sunday.
    expect(await dueAfterSubmitAt('2025-09-26T16:00:00+08:00')).toBe('2025-09-28T03:00:00.000Z');
  });

  it('before the working day starts, the clock starts at 09:00', async () => {
    // Saturday 11 Oct 2025 is a make-up working day; 07:30 → counted from 09:00 → 13:00.
    expect(await dueAfterSubmitAt('2025-10-11T07:30:00+08:00')).toBe('2025-10-11T05:00:00.000Z');
  });
});
