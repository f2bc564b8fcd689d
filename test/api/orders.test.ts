import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import {
  approveAllStages,
  customerByShortCode,
  orderActors,
  orderBody,
  productBySku,
  uploadQualification,
} from '../helpers/orders';
import { multipart, readXlsxRows } from '../helpers/xlsx';

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let abc: { id: string };
let p: Record<string, { id: string; listPrice: string }>;

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  abc = await customerByShortCode(a.sales, 'ABC');
  await uploadQualification(a.sales, abc.id);
  p = {
    A1: await productBySku(a.sales, 'A-01'),
    B1: await productBySku(a.sales, 'B-01'),
    C1: await productBySku(a.sales, 'C-01'),
  };
});
afterAll(() => t.close());

const stockOf = async (productId: string) =>
  (await a.sales({ method: 'GET', url: `/api/stock?product=${productId}` })).json().items[0];

describe('order core', () => {
  it(
    'registers a numbered draft priced on the server, then review → ' + 'confirmation → confirmed with stock reserved',
    async () => {
      const before = await stockOf(p.A1.id);
      const created = await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(
          abc.id,
          [
            { productId: p.A1.id, qty: 3 },
            { productId: p.B1.id, qty: 1, unitPrice: '280.50' },
            { productId: p.C1.id, qty: 1, gift: true },
          ],
          { total: '1.00' },
        ),
      });
      expect(created.statusCode, created.body).toBe(400); // totals are not the client's to send

      const res = await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(abc.id, [
          { productId: p.A1.id, qty: 3 },
          { productId: p.B1.id, qty: 1, unitPrice: '280.50' },
          { productId: p.C1.id, qty: 1, gift: true },
        ]),
      });
      expect(res.statusCode, res.body).toBe(201);
      const order = res.json();
      expect(order.number).toMatch(/^\d{6}-ABC-\d{3}$/);
      expect(order).toMatchObject({ status: 'draft', total: '640.50', paymentMethod: 'credit', paymentDays: 30 });
      expect(order.lines.map((l: { amount: string }) => l.amount)).toEqual(['360.00', '280.50', '0.00']);
      expect(order.delivery.consignee).toBe('张伟');
      // The registration answers from its own statement, not by reading the order back: exactly what a read shows.
      expect(order).toEqual((await a.sales({ method: 'GET', url: `/api/orders/${order.id}` })).json());

      const submitted = (await a.sales({ method: 'POST', url: `/api/orders/${order.id}/submit` })).json();
      expect(submitted.status).toBe('in_review');
      const stages = (await a.sales({ method: 'GET', url: `/api/orders/${order.id}/review` })).json().stages;
      expect(stages.map((s: { stage: string }) => s.stage)).toEqual(['sales', 'finance']);

      const afterReview = await approveAllStages(t, a, order.id);
      expect(afterReview.status).toBe('awaiting_confirmation');

      const confirmed = await a.sales({
        method: 'POST',
        url: `/api/orders/${order.id}/confirm`,
        payload: { method: 'electronic', note: '客户邮件确认' },
      });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      expect(confirmed.json().outcome).toBe('confirmed');
      const o = confirmed.json().order;
      expect(o).toMatchObject({ status: 'confirmed', locked: true });
      expect(o.lines.map((l: { reserved: number; backordered: number }) => [l.reserved, l.backordered])).toEqual([
        [3, 0],
        [1, 0],
        [1, 0],
      ]);
      const after = await stockOf(p.A1.id);
      expect(after.reserved).toBe(before.reserved + 3);
      expect(after.available).toBe(before.available - 3);

      const history = (await a.sales({ method: 'GET', url: `/api/orders/${order.id}/history` })).json();
      expect(history.map((h: { event: string }) => h.event)).toEqual([
        'register',
        'submit',
        'approve_stage',
        'approve_final',
        'confirm',
      ]);
      expect(history[2]).toMatchObject({ from: 'in_review', to: 'in_review', actorName: '李审核' });

      const locked = await a.sales({ method: 'PATCH', url: `/api/orders/${order.id}`, payload: { buyerRemark: 'x' } });
      expect(locked.statusCode).toBe(409);
      expect(locked.json().error.code).toBe('ORDER.LOCKED');
    },
  );

  it('numbers orders per customer per month without gaps', async () => {
    const n1 = (
      await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(abc.id, [{ productId: p.A1.id, qty: 1 }]),
      })
    ).json().number;
    const n2 = (
      await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(abc.id, [{ productId: p.A1.id, qty: 1 }]),
      })
    ).json().number;
    expect(Number(n2.slice(-3))).toBe(Number(n1.slice(-3)) + 1);
    const other = await customerByShortCode(a.sales, 'SZJM');
    const n3 = (
      await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(other.id, [{ productId: p.A1.id, qty: 1 }]),
      })
    ).json().number;
    expect(n3).toMatch(/-SZJM-001$/);
  });

  it(
    'reject sends the order back with a reason; the registrar ' + 'fixes and resubmits; history keeps both rounds',
    async () => {
      const order = (
        await a.sales({
          method: 'POST',
          url: '/api/orders',
          payload: orderBody(abc.id, [{ productId: p.A1.id, qty: 2 }]),
        })
      ).json();
      await a.sales({ method: 'POST', url: `/api/orders/${order.id}/submit` });
      const noReason = await a.reviewer({
        method: 'POST',
        url: `/api/orders/${order.id}/review`,
        payload: { decision: 'reject' },
      });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.fields[0].path).toBe('reason');
      const rejected = (
        await a.reviewer({
          method: 'POST',
          url: `/api/orders/${order.id}/review`,
          payload: { decision: 'reject', reason: '交期不明确' },
        })
      ).json();
      expect(rejected.status).toBe('rejected');
      const notes = (await a.sales({ method: 'GET', url: '/api/notifications' })).json();
      expect(
        notes.items.some(
          (n: { kind: string; orderId: string }) => n.kind === 'order_rejected' && n.orderId === order.id,
        ),
      ).toBe(true);

      const fixed = (
        await a.sales({
          method: 'PATCH',
          url: `/api/orders/${order.id}`,
          payload: { expectedDeliveryDate: '2026-12-28', version: rejected.version },
        })
      ).json();
      expect(fixed.expectedDeliveryDate).toBe('2026-12-28');
      const stale = await a.sales({
        method: 'PATCH',
        url: `/api/orders/${order.id}`,
        payload: { buyerRemark: 'x', version: rejected.version },
      });
      expect(stale.json().error.code).toBe('ORDER.VERSION_CONFLICT');
      const again = (await a.sales({ method: 'POST', url: `/api/orders/${order.id}/submit` })).json();
      expect(again).toMatchObject({ status: 'in_review', reviewRound: 2 });
      const history = (await a.sales({ method: 'GET', url: `/api/orders/${order.id}/history` })).json();
      expect(history.map((h: { event: string }) => h.event)).toEqual(['register', 'submit', 'reject', 'submit']);
      expect(history[2].reason).toBe('交期不明确');
      const review = (await a.sales({ method: 'GET', url: `/api/orders/${order.id}/review` })).json();
      expect(
        review.stages.filter((s: { round: number }) => s.round === 1).map((s: { status: string }) => s.status),
      ).toEqual(['rejected', 'cancelled']);
    },
  );

  it('credit exceeded at submit adds the sales director stage', async () => {
    const big = (
      await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(abc.id, [{ productId: p.B1.id, qty: 1, unitPrice: '250000.00' }]),
      })
    ).json();
    await a.sales({ method: 'POST', url: `/api/orders/${big.id}/submit` });
    const checks = (await a.reviewer({ method: 'GET', url: `/api/orders/${big.id}/checks` })).json();
    expect(checks.credit).toMatchObject({ applies: true, ok: false, limit: '200000.00' });
    const stages = (await a.reviewer({ method: 'GET', url: `/api/orders/${big.id}/review` }))
      .json()
      .stages.map((s: { stage: string }) => s.stage);
    expect(stages).toEqual(['sales', 'finance', 'director']);
    const done = await approveAllStages(t, a, big.id);
    expect(done.status).toBe('awaiting_confirmation');
    const confirmed = (
      await a.sales({ method: 'POST', url: `/api/orders/${big.id}/confirm`, payload: { method: 'electronic' } })
    ).json();
    expect(confirmed.outcome).toBe('confirmed');
    const cancelled = (
      await a.director({ method: 'POST', url: `/api/orders/${big.id}/cancel`, payload: { reason: '客户撤单' } })
    ).json();
    expect(cancelled.status).toBe('cancelled');
  });

  it('the general manager reviews orders from ¥500,000 and every sample order', async () => {
    const sample = (
      await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(abc.id, [{ productId: p.A1.id, qty: 1, unitPrice: '0.00' }], { orderType: 'sample' }),
      })
    ).json();
    await a.sales({ method: 'POST', url: `/api/orders/${sample.id}/submit` });
    const stages = (await a.gm({ method: 'GET', url: `/api/orders/${sample.id}/review` }))
      .json()
      .stages.map((s: { stage: string }) => s.stage);
    expect(stages).toContain('gm');
    const prepaid = await customerByShortCode(a.sales, 'SZJM');
    await uploadQualification(a.sales, prepaid.id);
    const large = (
      await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(prepaid.id, [{ productId: p.B1.id, qty: 2, unitPrice: '250000.00' }]),
      })
    ).json();
    expect(large.total).toBe('500000.00');
    await a.sales({ method: 'POST', url: `/api/orders/${large.id}/submit` });
    const largeStages = (await a.gm({ method: 'GET', url: `/api/orders/${large.id}/review` }))
      .json()
      .stages.map((s: { stage: string }) => s.stage);
    expect(largeStages).toEqual(['sales', 'finance', 'gm']);
    expect((await approveAllStages(t, a, large.id)).status).toBe('awaiting_confirmation');
  });

  it(
    'a shortage sends a production request; the planner answers; the ' +
      'reviewer sees the answer; then the stage passes',
    async () => {
      const c1 = await stockOf(p.C1.id);
      const order = (
        await a.sales({
          method: 'POST',
          url: '/api/orders',
          payload: orderBody(abc.id, [{ productId: p.C1.id, qty: c1.available + 5 }]),
        })
      ).json();
      await a.sales({ method: 'POST', url: `/api/orders/${order.id}/submit` });
      const requests = (await a.planner({ method: 'GET', url: `/api/production-requests?order=${order.id}` })).json();
      expect(requests).toHaveLength(1);
      expect(requests[0]).toMatchObject({ qty: 5, status: 'requested', sku: 'C-01' });
      await a.reviewer({ method: 'POST', url: `/api/orders/${order.id}/review`, payload: { decision: 'approve' } });
      await a.finance({ method: 'POST', url: `/api/orders/${order.id}/review`, payload: { decision: 'approve' } });
      const early = await a.planner({
        method: 'POST',
        url: `/api/orders/${order.id}/review`,
        payload: { decision: 'approve' },
      });
      expect(early.json().error.code).toBe('REVIEW.PRODUCTION_PENDING');
      const badAnswer = await a.planner({
        method: 'POST',
        url: `/api/production-requests/${requests[0].id}/answer`,
        payload: { decision: 'answer' },
      });
      expect(badAnswer.statusCode).toBe(400);
      const answered = (
        await a.planner({
          method: 'POST',
          url: `/api/production-requests/${requests[0].id}/answer`,
          payload: { decision: 'answer', completionDate: '2026-12-10' },
        })
      ).json();
      expect(answered).toMatchObject({ status: 'answered', completionDate: '2026-12-10' });
      const review = (await a.reviewer({ method: 'GET', url: `/api/orders/${order.id}/review` })).json();
      expect(review.productionRequests[0].completionDate).toBe('2026-12-10');
      expect(
        (
          await a.planner({ method: 'POST', url: `/api/orders/${order.id}/review`, payload: { decision: 'approve' } })
        ).json().status,
      ).toBe('awaiting_confirmation');

      // Confirming reserves what there is and backorders the rest; a receipt fills it.
      const confirmed = (
        await a.sales({ method: 'POST', url: `/api/orders/${order.id}/confirm`, payload: { method: 'electronic' } })
      ).json().order;
      expect(confirmed.lines[0]).toMatchObject({ reserved: c1.available, backordered: 5 });
      const receipt = await a.warehouse({
        method: 'POST',
        url: '/api/stock/receipts',
        payload: { warehouseId: c1.warehouseId, lines: [{ productId: p.C1.id, qty: 3 }] },
      });
      expect(receipt.json().backordersFilled).toBe(3);
      const filled = (await a.sales({ method: 'GET', url: `/api/orders/${order.id}` })).json();
      expect(filled.lines[0]).toMatchObject({ reserved: c1.available + 3, backordered: 2 });

      // Cancelling releases every reserved unit.
      const before = await stockOf(p.C1.id);
      expect(
        (
          await a.reviewer({ method: 'POST', url: `/api/orders/${order.id}/cancel`, payload: { reason: '客户取消' } })
        ).json().status,
      ).toBe('cancelled');
      const after = await stockOf(p.C1.id);
      expect(after.reserved).toBe(before.reserved - (c1.available + 3));
    },
  );

  it('refuses illegal transitions with 409 and roles outside a step with 403', async () => {
    const order = (
      await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(abc.id, [{ productId: p.A1.id, qty: 1 }]),
      })
    ).json();
    const illegal = [
      await a.sales({ method: 'POST', url: `/api/orders/${order.id}/confirm`, payload: { method: 'electronic' } }),
      await a.reviewer({ method: 'POST', url: `/api/orders/${order.id}/review`, payload: { decision: 'approve' } }),
    ];
    for (const r of illegal) {
      expect(r.statusCode, r.body).toBe(409);
      expect(r.json().error.code).toBe('STATE.ILLEGAL_TRANSITION');
    }
    expect((await a.warehouse({ method: 'POST', url: `/api/orders/${order.id}/submit` })).statusCode).toBe(403);
    expect(
      (
        await a.warehouse({
          method: 'POST',
          url: '/api/orders',
          payload: orderBody(abc.id, [{ productId: p.A1.id, qty: 1 }]),
        })
      ).statusCode,
    ).toBe(403);
    await a.sales({ method: 'POST', url: `/api/orders/${order.id}/submit` });
    expect((await a.sales({ method: 'POST', url: `/api/orders/${order.id}/submit` })).json().error.code).toBe(
      'STATE.ILLEGAL_TRANSITION',
    );
    const wrongStage = await a.finance({
      method: 'POST',
      url: `/api/orders/${order.id}/review`,
      payload: { decision: 'approve' },
    });
    expect(wrongStage.statusCode).toBe(403);
    expect(wrongStage.json().error.code).toBe('REVIEW.NOT_YOUR_STAGE');
    expect(
      (await a.sales({ method: 'POST', url: `/api/orders/${order.id}/cancel`, payload: { reason: 'x' } })).statusCode,
    ).toBe(403);
    const cancelled = await a.reviewer({
      method: 'POST',
      url: `/api/orders/${order.id}/cancel`,
      payload: { reason: '重复下单' },
    });
    expect(cancelled.json().status).toBe('cancelled');
    expect(
      (await a.reviewer({ method: 'POST', url: `/api/orders/${order.id}/cancel`, payload: { reason: 'again' } })).json()
        .error.code,
    ).toBe('STATE.ILLEGAL_TRANSITION');
  });

  it('nobody approves an order they registered, admins included', async () => {
    const order = (
      await a.admin({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(abc.id, [{ productId: p.A1.id, qty: 1 }]),
      })
    ).json();
    await a.admin({ method: 'POST', url: `/api/orders/${order.id}/submit` });
    const own = await a.admin({
      method: 'POST',
      url: `/api/orders/${order.id}/review`,
      payload: { decision: 'approve' },
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('REVIEW.OWN_ORDER');
  });

  it('a new customer needs qualification documents before the sales stage passes', async () => {
    const fresh = (
      await a.finance({
        method: 'POST',
        url: '/api/customers',
        payload: {
          code: 'NEW1',
          shortCode: 'NEWC',
          name: '新客户',
          kind: 'ordinary',
          contacts: [{ name: '赵六' }],
          addresses: [{ consignee: '赵六', address: '杭州' }],
        },
      })
    ).json();
    const order = (
      await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(fresh.id, [{ productId: p.A1.id, qty: 1 }]),
      })
    ).json();
    await a.sales({ method: 'POST', url: `/api/orders/${order.id}/submit` });
    expect(
      (await a.reviewer({ method: 'GET', url: `/api/orders/${order.id}/checks` })).json().qualification,
    ).toMatchObject({ newCustomer: true, ok: false });
    const refused = await a.reviewer({
      method: 'POST',
      url: `/api/orders/${order.id}/review`,
      payload: { decision: 'approve' },
    });
    expect(refused.json().error.code).toBe('REVIEW.QUALIFICATION_MISSING');
    await uploadQualification(a.sales, fresh.id);
    expect(
      (await a.reviewer({ method: 'POST', url: `/api/orders/${order.id}/review`, payload: { decision: 'approve' } }))
        .statusCode,
    ).toBe(200);
  });

  it(
    'an incomplete draft cannot be submitted, and a phone order is ' +
      'flagged until its written confirmation is attached',
    async () => {
      const fresh = (
        await a.finance({
          method: 'POST',
          url: '/api/customers',
          payload: { code: 'NOADDR', shortCode: 'NOAD', name: '无地址客户', kind: 'ordinary', paymentMethod: 'tt' },
        })
      ).json();
      const order = (
        await a.sales({
          method: 'POST',
          url: '/api/orders',
          payload: { customerId: fresh.id, source: 'phone', lines: [{ productId: p.A1.id, qty: 1 }] },
        })
      ).json();
      expect(order.writtenConfirmationMissing).toBe(true);
      const refused = await a.sales({ method: 'POST', url: `/api/orders/${order.id}/submit` });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
        'expectedDeliveryDate',
        'delivery',
        'contact',
        'depositPercent',
      ]);
      expect((await a.sales({ method: 'GET', url: `/api/orders/${order.id}` })).json().status).toBe('draft');
      await a.sales({
        method: 'POST',
        url: `/api/orders/${order.id}/attachments`,
        ...multipart(
          { name: 'fax.pdf', data: Buffer.from('fax'), type: 'application/pdf' },
          { kind: 'written_confirmation' },
        ),
      });
      expect((await a.sales({ method: 'GET', url: `/api/orders/${order.id}` })).json().writtenConfirmationMissing).toBe(
        false,
      );
    },
  );

  it('copying an order never copies its approvals', async () => {
    const order = (
      await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(abc.id, [{ productId: p.A1.id, qty: 1 }]),
      })
    ).json();
    await a.sales({ method: 'POST', url: `/api/orders/${order.id}/submit` });
    await approveAllStages(t, a, order.id);
    const copy = await a.sales({ method: 'POST', url: `/api/orders/${order.id}/copy` });
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ status: 'draft', reviewRound: 0, total: order.total });
    expect(copy.json().number).not.toBe(order.number);
    expect((await a.sales({ method: 'GET', url: `/api/orders/${copy.json().id}/review` })).json().stages).toEqual([]);
  });

  it('reviewers claim batches from their queue without overlap, and release what they will not finish', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const o = (
        await a.sales({
          method: 'POST',
          url: '/api/orders',
          payload: orderBody(abc.id, [{ productId: p.A1.id, qty: 1 }]),
        })
      ).json();
      await a.sales({ method: 'POST', url: `/api/orders/${o.id}/submit` });
      ids.push(o.id);
    }
    // A second reviewer: both draw from the same stage's queue, so whatever the other claims is at this
    // reviewer's stage and the refusal can only be the claim (an admin could claim another stage's order).
    const admin = t.as(await t.token('admin'));
    const created = await admin({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'reviewer2', displayName: '审核员二', password: 'secret-123', roles: ['reviewer'] },
    });
    expect(created.statusCode).toBe(201);
    const second = t.as(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'reviewer2', password: 'secret-123' },
        })
      ).json().token,
    );
    const [c1, c2] = await Promise.all([
      a.reviewer({ method: 'POST', url: '/api/review-queue/claim', payload: { limit: 2 } }),
      second({ method: 'POST', url: '/api/review-queue/claim', payload: { limit: 2 } }),
    ]);
    const mine = c1.json().orderIds as string[];
    const theirs = c2.json().orderIds as string[];
    expect(mine.length).toBe(2);
    expect(mine.filter((x) => theirs.includes(x))).toEqual([]);
    const blocked = await a.reviewer({
      method: 'POST',
      url: `/api/orders/${theirs[0]}/review`,
      payload: { decision: 'approve' },
    });
    expect(blocked.json().error.code).toBe('REVIEW.CLAIMED');
    const queue = (await a.reviewer({ method: 'GET', url: '/api/review-queue' })).json();
    expect(
      queue
        .filter((q: { claimedByMe: boolean }) => q.claimedByMe)
        .map((q: { orderId: string }) => q.orderId)
        .sort(),
    ).toEqual([...mine].sort());
    expect((await a.reviewer({ method: 'POST', url: '/api/review-queue/release', payload: {} })).json().released).toBe(
      2,
    );
    expect((await a.reviewer({ method: 'GET', url: '/api/notifications/unread-count' })).json().unread).toBeGreaterThan(
      0,
    );
  });

  it(
    'prints the registration form (模板1) with the amount in ' +
      'capitals, and the review form (模板2) with each stage',
    async () => {
      const order = (
        await a.sales({
          method: 'POST',
          url: '/api/orders',
          payload: orderBody(abc.id, [{ productId: p.A1.id, qty: 10, unitPrice: '123.45' }]),
        })
      ).json();
      await a.sales({ method: 'POST', url: `/api/orders/${order.id}/submit` });
      await a.reviewer({ method: 'POST', url: `/api/orders/${order.id}/review`, payload: { decision: 'approve' } });
      const html = await a.sales({ method: 'GET', url: `/api/orders/${order.id}/forms/registration` });
      expect(html.headers['content-type']).toMatch(/text\/html/);
      expect(html.body).toContain(order.number);
      expect(html.body).toContain('壹仟贰佰叁拾肆元伍角整');
      const review = await a.sales({ method: 'GET', url: `/api/orders/${order.id}/forms/review` });
      expect(review.body).toContain('销售审核');
      expect(review.body).toContain('李审核');
      const xlsx = await a.sales({ method: 'GET', url: `/api/orders/${order.id}/forms/registration?format=xlsx` });
      const sheets = await readXlsxRows(xlsx.rawPayload);
      expect(JSON.stringify(sheets)).toContain('壹仟贰佰叁拾肆元伍角整');
    },
  );
});

describe('order exceptions and actions', () => {
  const register = async () =>
    (
      await a.sales({
        method: 'POST',
        url: '/api/orders',
        payload: orderBody(abc.id, [{ productId: p.A1.id, qty: 1 }]),
      })
    ).json();

  it('each order carries the events its reader may apply now', async () => {
    const order = await register();
    expect(order.actions).toEqual(['submit']);
    expect((await a.director({ method: 'GET', url: `/api/orders/${order.id}` })).json().actions).toEqual(['cancel']);
    expect((await a.warehouse({ method: 'GET', url: `/api/orders/${order.id}` })).json().actions).toEqual([]);
    const submitted = (await a.sales({ method: 'POST', url: `/api/orders/${order.id}/submit` })).json();
    expect(submitted.actions).toEqual([]); // the registrar neither reviews nor cancels
    expect((await a.reviewer({ method: 'GET', url: `/api/orders/${order.id}` })).json().actions).toEqual([
      'approve_stage',
      'reject',
      'cancel',
    ]);
    expect((await a.finance({ method: 'GET', url: `/api/orders/${order.id}` })).json().actions).toEqual([]);
    // The list carries the same actions as the order itself.
    const listed = (await a.reviewer({ method: 'GET', url: `/api/orders?q=${order.number}` })).json().items;
    expect(listed.find((o: { id: string }) => o.id === order.id).actions).toEqual([
      'approve_stage',
      'reject',
      'cancel',
    ]);
  });

  it('a confirmed order is held with a reason and resumed; history keeps both reasons', async () => {
    const order = await register();
    await a.sales({ method: 'POST', url: `/api/orders/${order.id}/submit` });
    await approveAllStages(t, a, order.id);
    await a.sales({ method: 'POST', url: `/api/orders/${order.id}/confirm`, payload: { method: 'electronic' } });
    expect((await a.orderadmin({ method: 'GET', url: `/api/orders/${order.id}` })).json().actions).toContain('hold');

    const noReason = await a.orderadmin({ method: 'POST', url: `/api/orders/${order.id}/hold`, payload: {} });
    expect(noReason.statusCode).toBe(400);
    expect(JSON.stringify(noReason.json().error)).toContain('reason');
    const bySales = await a.sales({ method: 'POST', url: `/api/orders/${order.id}/hold`, payload: { reason: 'x' } });
    expect(bySales.statusCode).toBe(403);

    const held = await a.orderadmin({
      method: 'POST',
      url: `/api/orders/${order.id}/hold`,
      payload: { reason: '客户工地未完工，暂缓发货' },
    });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({ status: 'on_hold' });
    expect(held.json().actions).toContain('resume');
    expect(held.json().actions).not.toContain('hold');
    expect(
      (await a.orderadmin({ method: 'POST', url: `/api/orders/${order.id}/hold`, payload: { reason: 'again' } })).json()
        .error.code,
    ).toBe('STATE.ILLEGAL_TRANSITION');
    // A held order still holds its stock and credit; the warehouse cannot start shipping it.
    expect(
      (await a.warehouse({ method: 'POST', url: '/api/shipments', payload: { orderIds: [order.id] } })).statusCode,
    ).toBeGreaterThanOrEqual(400);

    const resumed = await a.director({ method: 'POST', url: `/api/orders/${order.id}/resume` });
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json()).toMatchObject({ status: 'confirmed' });
    const history = (await a.sales({ method: 'GET', url: `/api/orders/${order.id}/history` })).json();
    expect(history.slice(-2)).toMatchObject([
      { from: 'confirmed', to: 'on_hold', event: 'hold', reason: '客户工地未完工，暂缓发货', actorName: '吴订单' },
      { from: 'on_hold', to: 'confirmed', event: 'resume', reason: null, actorName: '赵总监' },
    ]);
    const again = await a.orderadmin({
      method: 'POST',
      url: `/api/orders/${order.id}/hold`,
      payload: { reason: '质量复检' },
    });
    expect(again.json().status).toBe('on_hold');
    const back = await a.orderadmin({
      method: 'POST',
      url: `/api/orders/${order.id}/resume`,
      payload: { reason: '复检合格' },
    });
    expect(back.json().status).toBe('confirmed');
    expect((await a.sales({ method: 'GET', url: `/api/orders/${order.id}/history` })).json().at(-1)).toMatchObject({
      event: 'resume',
      reason: '复检合格',
    });
  });
});
