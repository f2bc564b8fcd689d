import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { approveAllStages, customerByShortCode, orderActors, orderBody, uploadQualification } from '../helpers/orders';
import { ledgerMismatches } from '../../src/modules/stock/stock.repository';
import { expireReservations } from '../../src/modules/allocation/reservations';
import { listHistory } from '../../src/modules/history/history.repository';

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let planner: ReturnType<TestContext['as']>;
const ids: Record<string, string> = {};
type Reservation = { id: string; orderId: string; qty: number; status: string; expiresOn: string; actions: string[] };
type PickList = { id: string; targetName: string; units: number; status: string; actions: string[] };

async function confirmedOrder(customerId: string, qty: number) {
  const o = (
    await a.sales({
      method: 'POST',
      url: '/api/orders',
      payload: orderBody(customerId, [{ productId: ids.product, qty }]),
    })
  ).json();
  await a.sales({ method: 'POST', url: `/api/orders/${o.id}/submit` });
  await approveAllStages(t, a, o.id);
  const res = await a.sales({ method: 'POST', url: `/api/orders/${o.id}/confirm`, payload: { method: 'electronic' } });
  expect(res.json().order.status).toBe('confirmed');
  return o.id as string;
}

/** Receives goods at the central warehouse and commits their allocation run. */
async function receiveAndAllocate(qty: number) {
  const receipt = (
    await a.warehouse({
      method: 'POST',
      url: '/api/stock/receipts',
      payload: { warehouseId: ids.warehouse, lines: [{ productId: ids.product, qty }] },
    })
  ).json();
  const run = await planner({ method: 'POST', url: '/api/allocation/runs', payload: { receiptId: receipt.receiptId } });
  expect(run.statusCode, run.body).toBe(201);
  return run.json().id as string;
}

const stockOf = async () =>
  (await a.warehouse({ method: 'GET', url: `/api/stock?product=${ids.product}&warehouse=${ids.warehouse}` })).json()
    .items[0];
const reservations = async (status?: string): Promise<Reservation[]> =>
  (await planner({ method: 'GET', url: `/api/allocation/reservations${status ? `?status=${status}` : ''}` })).json();
const pickLists = async (q = ''): Promise<PickList[]> =>
  (await a.warehouse({ method: 'GET', url: `/api/pick-lists${q}` })).json();
const cancel = (orderId: string) =>
  a.director({ method: 'POST', url: `/api/orders/${orderId}/cancel`, payload: { reason: '客户撤单' } });

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  planner = t.as(await t.token('allocation'));
  ids.warehouse = (await a.warehouse({ method: 'GET', url: '/api/warehouses?q=ZC' })).json().items[0].id;
  ids.product = (
    await a.admin({
      method: 'POST',
      url: '/api/products',
      payload: {
        sku: 'FEN-C',
        name: '分货款C',
        listPrice: '100.00',
        seasonal: true,
        launchPriority: 1,
        allocated: true,
      },
    })
  ).json().id;
  ids.f1 = (await customerByShortCode(a.sales, 'SZJM')).id;
  ids.f2 = (await customerByShortCode(a.sales, 'DGHX')).id;
  await uploadQualification(a.sales, ids.f1);
  await uploadQualification(a.sales, ids.f2);
});
afterAll(() => t.close());

describe('cancelling an order with allocated units', () => {
  it(
    'releases its held reservation: a later payment opens no ' + 'pick list for it, and reserved stock returns',
    async () => {
      const orderId = await confirmedOrder(ids.f1, 10);
      await receiveAndAllocate(10);
      const [held] = (await reservations('held')).filter((r) => r.orderId === orderId);
      expect(held).toMatchObject({ qty: 10, status: 'held', actions: ['release'] });
      expect(await stockOf()).toMatchObject({ onHand: 10, reserved: 10 });

      const cancelled = await cancel(orderId);
      expect(cancelled.json().status, cancelled.body).toBe('cancelled');
      expect(await stockOf()).toMatchObject({ onHand: 10, reserved: 0 });
      expect((await reservations()).find((r) => r.id === held.id)).toMatchObject({ status: 'released', actions: [] });
      const history = await listHistory(t.database.db, t.companyA, 'allocation_reservation', held.id);
      expect(history.map((h) => [h.from_state, h.to_state, h.event])).toEqual([['held', 'released', 'release']]);

      const paid = await a.finance({
        method: 'POST',
        url: `/api/franchisees/${ids.f1}/money`,
        payload: { funds: '5000.00', reason: '到账' },
      });
      expect(paid.json().converted).toBe(0);
      expect((await pickLists('?status=open')).filter((l) => l.targetName === 'F001')).toEqual([]);
      expect(await stockOf()).toMatchObject({ onHand: 10, reserved: 0 });
      expect(await ledgerMismatches(t.database.db, t.companyA)).toEqual([]);
    },
  );

  it('takes its lines off open pick lists; a list left empty is cancelled and cannot be posted', async () => {
    const orderId = await confirmedOrder(ids.f1, 4);
    const before = await stockOf();
    const runId = await receiveAndAllocate(4);
    const [list] = (await pickLists(`?runId=${runId}`)).filter((l) => l.targetName === 'F001');
    expect(list).toMatchObject({ status: 'open', units: 4, actions: ['post'] });
    expect((await stockOf()).reserved).toBe(before.reserved + 4);

    expect((await cancel(orderId)).json().status).toBe('cancelled');
    const after = (await a.warehouse({ method: 'GET', url: `/api/pick-lists/${list.id}` })).json();
    expect(after).toMatchObject({ status: 'cancelled', units: 0, actions: [], lines: [] });
    const post = await a.warehouse({ method: 'POST', url: `/api/pick-lists/${list.id}/post` });
    expect(post.statusCode).toBe(409);
    expect(await stockOf()).toMatchObject({ onHand: before.onHand + 4, reserved: before.reserved });
    expect(await ledgerMismatches(t.database.db, t.companyA)).toEqual([]);
  });
});

describe('the reservation expiry job', () => {
  it('handles each reservation on its own: one bad row does not stop the others', async () => {
    const first = await confirmedOrder(ids.f2, 3);
    const second = await confirmedOrder(ids.f2, 2);
    await receiveAndAllocate(5);
    const held = (await reservations('held')).filter((r) => [first, second].includes(r.orderId));
    expect(held.map((r) => r.qty).sort()).toEqual([2, 3]);
    const bad = held.find((r) => r.orderId === first)!;
    const good = held.find((r) => r.orderId === second)!;
    // A row the ledger cannot release (more units than are reserved) stands for any bad row.
    await t.database.db.updateTable('allocation_reservations').set({ qty: 300 }).where('id', '=', bad.id).execute();

    const now = new Date('2030-01-01T02:00:00Z');
    const errors: string[] = [];
    expect(await expireReservations(t.database.db, good.expiresOn, now, (_e, r) => errors.push(r.id))).toBe(1);
    expect(errors).toEqual([bad.id]);
    const after = await reservations();
    expect(after.find((r) => r.id === good.id)!.status).toBe('expired');
    expect(after.find((r) => r.id === bad.id)!.status).toBe('held');
    const closed = await t.database.db
      .selectFrom('allocation_reservations')
      .select('closed_at')
      .where('id', '=', good.id)
      .executeTakeFirstOrThrow();
    expect(closed.closed_at).toEqual(now);

    await t.database.db.updateTable('allocation_reservations').set({ qty: 3 }).where('id', '=', bad.id).execute();
    expect(await expireReservations(t.database.db, good.expiresOn, now)).toBe(1);
    expect((await stockOf()).reserved).toBe(0);
    const line = (await a.sales({ method: 'GET', url: `/api/orders/${first}` })).json().lines[0];
    expect(line).toMatchObject({ reserved: 0, backordered: 3 });
    expect(await ledgerMismatches(t.database.db, t.companyA)).toEqual([]);
  });

  it('the planner may release a held reservation before its day', async () => {
    await receiveAndAllocate(5);
    const [r] = await reservations('held');
    expect(r.actions).toEqual(['release']);
    const res = await planner({ method: 'POST', url: `/api/allocation/reservations/${r.id}/release` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'released', actions: [] });
    expect(
      (await a.warehouse({ method: 'POST', url: `/api/allocation/reservations/${r.id}/release` })).statusCode,
    ).toBe(403);
    expect((await planner({ method: 'POST', url: `/api/allocation/reservations/${r.id}/release` })).statusCode).toBe(
      409,
    );
    expect(await ledgerMismatches(t.database.db, t.companyA)).toEqual([]);
  });
});
