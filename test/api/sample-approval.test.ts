import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { portalLogin } from '../helpers/portal';
import { customerByShortCode, orderActors, orderBody, productBySku, uploadQualification } from '../helpers/orders';

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let order: { id: string; number: string };
let request: { id: string };
let approvalId: string;
let abcId: string;

const start = () =>
  a.planner({ method: 'POST', url: `/api/production-requests/${request.id}/progress`, payload: { event: 'start' } });
const addRound = (payload: Record<string, unknown>) =>
  a.sales({ method: 'POST', url: `/api/sample-approvals/${approvalId}/rounds`, payload });
const feedback = (roundId: string, payload: Record<string, unknown>) =>
  a.sales({ method: 'POST', url: `/api/sample-rounds/${roundId}/feedback`, payload });

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  const abc = await customerByShortCode(a.sales, 'ABC');
  await uploadQualification(a.sales, abc.id);
  abcId = abc.id;
  const b = await productBySku(a.sales, 'B-02');
  const stock = (await a.sales({ method: 'GET', url: `/api/stock?product=${b.id}` })).json().items[0];
  order = (
    await a.sales({
      method: 'POST',
      url: '/api/orders',
      payload: orderBody(abc.id, [{ productId: b.id, qty: stock.available + 10 }]),
    })
  ).json();
  const required = await a.sales({
    method: 'POST',
    url: `/api/orders/${order.id}/sample-approval`,
    payload: { note: '颜色需客户确认' },
  });
  expect(required.statusCode).toBe(200);
  approvalId = required.json().id;
  await a.sales({ method: 'POST', url: `/api/orders/${order.id}/submit` });
  request = (await a.planner({ method: 'GET', url: `/api/production-requests?order=${order.id}` })).json()[0];
  const answered = await a.planner({
    method: 'POST',
    url: `/api/production-requests/${request.id}/answer`,
    payload: { decision: 'answer', completionDate: '2026-12-20' },
  });
  expect(answered.statusCode).toBe(200);
});
afterAll(() => t.close());

describe('样品确认 before bulk production', () => {
  it('the requirement shows on the order, pending with no rounds', async () => {
    const got = (await a.reviewer({ method: 'GET', url: `/api/orders/${order.id}/sample-approval` })).json();
    expect(got).toMatchObject({ status: 'pending', note: '颜色需客户确认', rounds: [], canAddRound: true });
  });

  it('production cannot start until the sample is approved; a rejected round 1 then an approved round 2', async () => {
    const blocked = await start();
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('SAMPLE.APPROVAL_REQUIRED');
    expect(blocked.json().error.message).toContain(order.number);

    const r1 = await addRound({ sentAt: '2026-11-10', description: '红色样品 2 件', quantity: 2, tracking: 'SF123' });
    expect(r1.statusCode).toBe(201);
    const round1 = r1.json().rounds[0];
    expect(round1).toMatchObject({ roundNo: 1, quantity: 2, tracking: 'SF123', decision: null });
    // The next round waits for the customer's answer on this one.
    const early = await addRound({ sentAt: '2026-11-11', description: '再寄', quantity: 1 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('SAMPLE_APPROVAL.ROUND_OPEN');

    const rejected = await feedback(round1.id, { feedback: '颜色偏暗', decision: 'rejected' });
    expect(rejected.json()).toMatchObject({
      status: 'pending',
      rounds: [{ decision: 'rejected', feedback: '颜色偏暗' }],
    });
    expect((await start()).json().error.code).toBe('SAMPLE.APPROVAL_REQUIRED');

    const r2 = await addRound({ sentAt: '2026-11-15', description: '调色后样品', quantity: 1 });
    const round2 = r2.json().rounds[1];
    expect(round2.roundNo).toBe(2);
    const approved = await feedback(round2.id, { feedback: 'OK', decision: 'approved' });
    expect(approved.json()).toMatchObject({ status: 'approved', canAddRound: false });
    expect(approved.json().rounds.map((r: { decision: string }) => r.decision)).toEqual(['rejected', 'approved']);

    const again = await feedback(round2.id, { feedback: 'again', decision: 'rejected' });
    expect(again.json().error.code).toBe('SAMPLE_APPROVAL.ROUND_DECIDED');
    expect((await addRound({ sentAt: '2026-11-16', description: 'x', quantity: 1 })).statusCode).toBe(409);

    const started = await start();
    expect(started.statusCode).toBe(200);
    expect(started.json().status).toBe('in_production');
  });

  it('bad input names the field', async () => {
    const badRound = await addRound({ sentAt: '2026-13-01', description: 'x', quantity: 1 });
    expect(badRound.statusCode).toBe(400);
    expect(badRound.body).toContain('sentAt');
    const noQty = await addRound({ sentAt: '2026-11-01', description: 'x', quantity: 0 });
    expect(noQty.statusCode).toBe(400);
    expect(noQty.body).toContain('quantity');
    const badDecision = await feedback(approvalId, { feedback: 'x', decision: 'maybe' });
    expect(badDecision.statusCode).toBe(400);
    expect(badDecision.body).toContain('decision');
    const noRound = await feedback(approvalId, { feedback: 'x', decision: 'approved' });
    expect(noRound.statusCode).toBe(404);
  });

  it('the warehouse may not record a decision', async () => {
    const r = await a.warehouse({
      method: 'POST',
      url: `/api/sample-approvals/${approvalId}/rounds`,
      payload: { sentAt: '2026-11-01', description: 'x', quantity: 1 },
    });
    expect(r.statusCode).toBe(403);
  });

  it('the customer approves a round through the portal', async () => {
    const b = await productBySku(a.sales, 'A-01');
    const o = (
      await a.sales({ method: 'POST', url: '/api/orders', payload: orderBody(abcId, [{ productId: b.id, qty: 1 }]) })
    ).json();
    const approval = (await a.sales({ method: 'POST', url: `/api/orders/${o.id}/sample-approval` })).json();
    const round = (
      await a.sales({
        method: 'POST',
        url: `/api/sample-approvals/${approval.id}/rounds`,
        payload: { sentAt: '2026-11-12', description: '样品', quantity: 1 },
      })
    ).json().rounds[0];
    const portal = t.as(await portalLogin(t, a.sales, abcId, 'abc.sample'));
    const res = await portal({
      method: 'POST',
      url: `/api/portal/sample-rounds/${round.id}/feedback`,
      payload: { feedback: '确认', decision: 'approved' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'approved',
      rounds: [{ decision: 'approved', decidedByCustomer: true }],
    });
  });
});
