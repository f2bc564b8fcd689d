import type { TestContext } from './test-app';
import { multipart } from './xlsx';

type As = ReturnType<TestContext['as']>;

/** The users of the demo data, as API callers in company A. */
export async function orderActors(t: TestContext) {
  const names = [
    'sales',
    'reviewer',
    'finance',
    'director',
    'gm',
    'planner',
    'orderadmin',
    'warehouse',
    'admin',
  ] as const;
  const out = {} as Record<(typeof names)[number], As>;
  for (const n of names) out[n] = t.as(await t.token(n));
  return out;
}

export async function customerByShortCode(as: As, shortCode: string) {
  return (await as({ method: 'GET', url: `/api/customers?q=${shortCode}` }))
    .json()
    .items.find((c: { shortCode: string }) => c.shortCode === shortCode);
}

export async function productBySku(as: As, sku: string) {
  return (await as({ method: 'GET', url: `/api/products?q=${sku}` }))
    .json()
    .items.find((p: { sku: string }) => p.sku === sku);
}

export async function uploadQualification(as: As, customerId: string) {
  await as({
    method: 'POST',
    url: `/api/customers/${customerId}/documents`,
    ...multipart(
      { name: 'licence.pdf', data: Buffer.from('%PDF licence'), type: 'application/pdf' },
      { kind: 'business_licence' },
    ),
  });
}

export const orderBody = (
  customerId: string,
  lines: { productId: string; qty: number; unitPrice?: string; gift?: boolean }[],
  extra: Record<string, unknown> = {},
) => ({
  customerId,
  source: 'email',
  expectedDeliveryDate: '2026-12-20',
  lines,
  ...extra,
});

/** Approves every pending stage with the user holding its role. */
/** Who decides each review stage among the test users. */
export const STAGE_USERS = {
  sales: 'reviewer',
  finance: 'finance',
  production: 'planner',
  director: 'director',
  gm: 'gm',
} as const;

export async function approveAllStages(t: TestContext, a: Awaited<ReturnType<typeof orderActors>>, orderId: string) {
  const byStage: Record<string, As> = Object.fromEntries(
    Object.entries(STAGE_USERS).map(([stage, user]) => [stage, a[user]]),
  );
  for (let i = 0; i < 10; i++) {
    const review = (await a.reviewer({ method: 'GET', url: `/api/orders/${orderId}/review` })).json();
    const order = (await a.reviewer({ method: 'GET', url: `/api/orders/${orderId}` })).json();
    const pending = review.stages.find(
      (s: { round: number; status: string }) => s.round === order.reviewRound && s.status === 'pending',
    );
    if (!pending) return order;
    if (pending.stage === 'production') {
      for (const r of review.productionRequests.filter((x: { status: string }) => x.status === 'requested')) {
        await a.planner({
          method: 'POST',
          url: `/api/production-requests/${r.id}/answer`,
          payload: { decision: 'answer', completionDate: '2026-12-31' },
        });
      }
    }
    const res = await byStage[pending.stage]({
      method: 'POST',
      url: `/api/orders/${orderId}/review`,
      payload: { decision: 'approve' },
    });
    if (res.statusCode !== 200) throw new Error(`approve ${pending.stage}: ${res.body}`);
  }
  throw new Error('too many stages');
}
