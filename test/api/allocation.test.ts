import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { approveAllStages, customerByShortCode, orderActors, orderBody, uploadQualification } from '../helpers/orders';
import { ledgerMismatches } from '../../src/modules/stock/stock.repository';
import { moneyMismatches } from '../../src/modules/allocation/franchisee-money';
import { expireReservations } from '../../src/modules/allocation/reservations';
import { allocationFill } from '../../src/modules/reports/report.repository';
import { buildXlsx, multipart, readXlsxRows } from '../helpers/xlsx';

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let planner: ReturnType<TestContext['as']>;
const ids: Record<string, string> = {};

async function confirmedOrder(customerId: string, productId: string, qty: number) {
  const o = (
    await a.sales({ method: 'POST', url: '/api/orders', payload: orderBody(customerId, [{ productId, qty }]) })
  ).json();
  await a.sales({ method: 'POST', url: `/api/orders/${o.id}/submit` });
  await approveAllStages(t, a, o.id);
  return (
    await a.sales({ method: 'POST', url: `/api/orders/${o.id}/confirm`, payload: { method: 'electronic' } })
  ).json().order;
}

const stockOf = async () =>
  (await a.warehouse({ method: 'GET', url: `/api/stock?product=${ids.product}&warehouse=${ids.warehouse}` })).json()
    .items[0];
const money = async (code: string) =>
  (await a.finance({ method: 'GET', url: '/api/franchisees' })).json().find((f: { code: string }) => f.code === code);

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
        sku: 'FEN-1',
        name: '分货款',
        listPrice: '100.00',
        seasonal: true,
        launchPriority: 1,
        allocated: true,
      },
    })
  ).json().id;
  const f1 = await customerByShortCode(a.sales, 'SZJM');
  const f2 = await customerByShortCode(a.sales, 'DGHX');
  ids.f1 = f1.id;
  ids.f2 = f2.id;
  await uploadQualification(a.sales, f1.id);
  await uploadQualification(a.sales, f2.id);
  ids.order1 = (await confirmedOrder(f1.id, ids.product, 20)).id;
  ids.order2 = (await confirmedOrder(f2.id, ids.product, 10)).id;
  await a.finance({
    method: 'POST',
    url: `/api/franchisees/${f1.id}/money`,
    payload: { funds: '1000.00', credit: '200.00', reason: '到账' },
  });
  const store = (
    await planner({
      method: 'POST',
      url: '/api/stores',
      payload: { code: 'SZ-A1', name: '深圳一店', region: '深圳', class: 'A', kind: 'direct' },
    })
  ).json();
  await planner({
    method: 'POST',
    url: '/api/allocation/demand',
    payload: {
      stores: [{ storeId: store.id, productId: ids.product, qty: 5 }],
      regions: [{ region: '广州', productId: ids.product, qty: 4 }],
    },
  });
});
afterAll(() => t.close());

describe('allocation in the system', () => {
  it('confirming orders of an allocated product backorders them whole, and its receipt waits for a run', async () => {
    const o = (await a.sales({ method: 'GET', url: `/api/orders/${ids.order1}` })).json();
    expect(o.lines[0]).toMatchObject({ reserved: 0, backordered: 20 });
    const receipt = (
      await a.warehouse({
        method: 'POST',
        url: '/api/stock/receipts',
        payload: { warehouseId: ids.warehouse, reference: 'ASN-1', lines: [{ productId: ids.product, qty: 40 }] },
      })
    ).json();
    expect(receipt).toMatchObject({ backordersFilled: 0, awaitingAllocation: 1 });
    ids.receipt = receipt.receiptId;
    expect((await a.sales({ method: 'GET', url: `/api/orders/${ids.order1}` })).json().lines[0].backordered).toBe(20);
  });

  it('preview changes nothing and explains every row; commit writes the same rows', async () => {
    const preview = (
      await planner({ method: 'POST', url: '/api/allocation/preview', payload: { receiptId: ids.receipt } })
    ).json();
    const summary = preview.rows.map(
      (r: { to: { kind: string; id: string }; qty: number; rule: string }) =>
        `${r.to.kind}:${r.to.id}:${r.qty}:${r.rule}`,
    );
    expect(summary).toEqual([
      'franchisee:F001:12:6.4.2.4',
      'franchisee:F001:8:6.4.2.5',
      'franchisee:F002:10:6.4.2.5',
      'region:广州:4:6.4.3.3',
      'store:SZ-A1:5:6.4.3.3',
    ]);
    expect(preview.rows[0].explain['zh-CN']).toContain('资金不足');
    expect(preview.rows[0]).toMatchObject({ fundsUsed: '1000.00', creditUsed: '200.00' });
    expect((await stockOf()).reserved).toBe(0);

    const committed = await planner({
      method: 'POST',
      url: '/api/allocation/runs',
      payload: { receiptId: ids.receipt },
    });
    expect(committed.statusCode).toBe(201);
    expect(committed.json().result).toEqual(preview.result);
    ids.run = committed.json().id;
    // The month's fill rate reads the stored run (json): the 39 units granted against every unit its input asked for.
    const stored = await t.database.db
      .selectFrom('allocation_runs')
      .select('input')
      .where('id', '=', ids.run)
      .executeTakeFirstOrThrow();
    const input = stored.input as Record<string, { qty: number }[] | undefined>;
    const asked = ['franchiseeOrders', 'storeDemand', 'regionDemand']
      .flatMap((k) => input[k] ?? [])
      .reduce((n, d) => n + d.qty, 0);
    expect(asked).toBeGreaterThanOrEqual(39);
    const period = { companyId: t.companyA, from: '2000-01-01', to: '2100-01-01', timeZone: 'Asia/Shanghai' };
    expect(await allocationFill(t.database.db, { ...period, now: new Date(), today: '2026-01-01' })).toEqual({
      allocated: 39,
      requested: asked,
    });
    expect(await stockOf()).toMatchObject({ onHand: 40, reserved: 39, available: 1 });
    const line = (await a.sales({ method: 'GET', url: `/api/orders/${ids.order1}` })).json().lines[0];
    expect(line).toMatchObject({ reserved: 20, backordered: 0 });
    // The stock ledger holds one reserve movement per product and rule; the run keeps each grant.
    const moves = (
      await a.warehouse({ method: 'GET', url: `/api/stock/movements?product=${ids.product}&pageSize=100` })
    ).json().items as { kind: string; reservedDelta: number; reasonParams: { rule: string }; reference: string }[];
    const reserves = moves.filter((m) => m.kind === 'reserve' && m.reference === `ALLOC-${ids.run.slice(0, 8)}`);
    expect(reserves.map((m) => `${m.reasonParams.rule}:${m.reservedDelta}`).sort()).toEqual([
      '6.4.2.4:12',
      '6.4.2.5:18',
      '6.4.3.3:9',
    ]);
  });

  it('a receipt is allocated once: committing it again changes nothing', async () => {
    const again = await planner({ method: 'POST', url: '/api/allocation/runs', payload: { receiptId: ids.receipt } });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: ids.run, replayed: true });
    expect((await stockOf()).reserved).toBe(39);
  });

  it('two planners committing at once never allocate a unit twice', async () => {
    await a.warehouse({
      method: 'POST',
      url: '/api/stock/receipts',
      payload: { warehouseId: ids.warehouse, lines: [{ productId: ids.product, qty: 6 }] },
    });
    await planner({
      method: 'POST',
      url: '/api/allocation/demand',
      payload: { regions: [{ region: '机场', productId: ids.product, qty: 100 }] },
    });
    const [x, y] = await Promise.all([
      planner({ method: 'POST', url: '/api/allocation/runs', payload: {} }),
      planner({ method: 'POST', url: '/api/allocation/runs', payload: {} }),
    ]);
    expect([x.statusCode, y.statusCode]).toEqual([201, 201]);
    const granted = [x, y].map((r) => r.json().rows.reduce((n: number, row: { qty: number }) => n + row.qty, 0));
    expect(granted.reduce((m, n) => m + n, 0)).toBe(7);
    expect(await stockOf()).toMatchObject({ onHand: 46, reserved: 46, available: 0 });
    expect(await ledgerMismatches(t.database.db, t.companyA)).toEqual([]);
  });

  it('lists held reservations with days left', async () => {
    const held = (await planner({ method: 'GET', url: '/api/allocation/reservations?status=held' })).json();
    expect(
      held.map((h: { customerCode: string; qty: number; daysLeft: number }) => [h.customerCode, h.qty, h.daysLeft]),
    ).toEqual([
      ['F001', 8, 15],
      ['F002', 10, 15],
    ]);
  });

  it('posting a franchisee shipment deducts funds first, then credit', async () => {
    const lists = (await a.warehouse({ method: 'GET', url: `/api/pick-lists?runId=${ids.run}` })).json();
    expect(
      lists
        .map(
          (l: { targetKind: string; targetName: string; units: number }) =>
            `${l.targetKind}:${l.targetName}:${l.units}`,
        )
        .sort(),
    ).toEqual(['franchisee:F001:12', 'region:广州:4', 'store:SZ-A1:5']);
    const f1List = lists.find((l: { targetName: string }) => l.targetName === 'F001');
    const posted = await a.warehouse({ method: 'POST', url: `/api/pick-lists/${f1List.id}/post` });
    expect(posted.statusCode, posted.body).toBe(200);
    expect(await money('F001')).toMatchObject({ funds: '0.00', credit: '0.00' });
    const ledger = (await a.finance({ method: 'GET', url: `/api/franchisees/${ids.f1}/ledger` })).json();
    expect(ledger[0]).toMatchObject({ kind: 'shipment', fundsDelta: '-1000.00', creditDelta: '-200.00' });
    const order = (await a.sales({ method: 'GET', url: `/api/orders/${ids.order1}` })).json();
    expect(order.status).toBe('partially_shipped');
    expect(order.lines[0]).toMatchObject({ shipped: 12, reserved: 8 });
    expect((await stockOf()).onHand).toBe(34);
    expect((await a.warehouse({ method: 'POST', url: `/api/pick-lists/${f1List.id}/post` })).statusCode).toBe(409);
  });

  it('a payment before expiry converts held units to a shipment, as far as the money reaches', async () => {
    const paid = (
      await a.finance({
        method: 'POST',
        url: `/api/franchisees/${ids.f1}/money`,
        payload: { funds: '500.00', reason: '补款' },
      })
    ).json();
    expect(paid.converted).toBe(5);
    const held = (await planner({ method: 'GET', url: '/api/allocation/reservations?status=held' })).json();
    expect(held.find((h: { customerCode: string }) => h.customerCode === 'F001').qty).toBe(3);
    const open = (await a.warehouse({ method: 'GET', url: '/api/pick-lists?status=open' })).json();
    expect(open.some((l: { targetName: string; units: number }) => l.targetName === 'F001' && l.units === 5)).toBe(
      true,
    );
  });

  it('the expiry job releases exactly the expired reservations, once', async () => {
    const before = await stockOf();
    const expiresOn = (await planner({ method: 'GET', url: '/api/allocation/reservations?status=held' })).json()[0]
      .expiresOn;
    const dayBefore = new Date(Date.parse(`${expiresOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(await expireReservations(t.database.db, dayBefore, new Date())).toBe(0);
    const [x, y] = await Promise.all([
      expireReservations(t.database.db, expiresOn, new Date()),
      expireReservations(t.database.db, expiresOn, new Date()),
    ]);
    expect(x + y).toBe(2);
    const after = await stockOf();
    expect(after.reserved).toBe(before.reserved - 13);
    expect((await a.sales({ method: 'GET', url: `/api/orders/${ids.order2}` })).json().lines[0]).toMatchObject({
      reserved: 0,
      backordered: 10,
    });
    expect((await planner({ method: 'GET', url: '/api/allocation/reservations?status=held' })).json()).toEqual([]);
    expect(await moneyMismatches(t.database.db, t.companyA)).toEqual([]);
    expect(await ledgerMismatches(t.database.db, t.companyA)).toEqual([]);
  });

  it('exports a run to Excel in the request language, one sheet per target kind', async () => {
    const res = await planner({
      method: 'GET',
      url: `/api/allocation/runs/${ids.run}/export.xlsx`,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const zh = await readXlsxRows(res.rawPayload);
    expect(Object.keys(zh)).toEqual(['加盟商', '门店', '区域', '资金', '剩余']);
    expect(zh['门店'][0]).toEqual(['SKU', '对象', '数量', '状态', '规则', '说明']);
    for (const row of zh['门店'].slice(1)) expect(['发货', '锁定']).toContain(row[3]);
    const en = await readXlsxRows(
      (await planner({ method: 'GET', url: `/api/allocation/runs/${ids.run}/export.xlsx?lang=en` })).rawPayload,
    );
    expect(Object.keys(en)).toEqual(['Franchisees', 'Stores', 'Regions', 'Money', 'Remaining']);
    expect(en.Stores[0]).toEqual(['SKU', 'Target', 'Qty', 'Status', 'Rule', 'Explanation']);
    expect(en.Money[0]).toEqual(['Franchisee', 'Funds used', 'Credit used', 'Funds left', 'Credit left']);
    expect(en.Stores.length).toBeGreaterThan(1);
    for (const row of en.Stores.slice(1)) {
      expect(['Ship', 'Held']).toContain(row[3]);
      // The sentence is English; only names from the data (a region 深圳) stay as they are.
      expect(row[5]).toMatch(/^[A-Z][a-z]/);
    }
  });

  it('imports demand from Excel all or nothing, and the season lists are company settings', async () => {
    const header = ['门店编码 Store', '区域 Region', 'SKU', '数量 Qty'];
    const bad = await buildXlsx(header, [
      ['SZ-A1', '', 'FEN-1', 7],
      ['NOPE', '', 'FEN-1', 1],
      ['', '', 'FEN-1', 2],
    ]);
    const refused = await planner({
      method: 'POST',
      url: '/api/allocation/demand/import',
      ...multipart({ name: 'd.xlsx', data: bad, type: 'application/octet-stream' }),
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.errors.map((e: { row: number }) => e.row)).toEqual([3, 4]);
    const good = await buildXlsx(header, [
      ['SZ-A1', '', 'FEN-1', 7],
      ['', '成都', 'FEN-1', 2],
    ]);
    expect(
      (
        await planner({
          method: 'POST',
          url: '/api/allocation/demand/import',
          ...multipart({ name: 'd.xlsx', data: good, type: 'application/octet-stream' }),
        })
      ).json(),
    ).toEqual({ imported: 2 });
    const demand = (await planner({ method: 'GET', url: '/api/allocation/demand' })).json();
    expect(demand.stores.find((d: { storeCode: string }) => d.storeCode === 'SZ-A1').qty).toBe(7);
    expect(demand.regions.some((d: { region: string; qty: number }) => d.region === '成都' && d.qty === 2)).toBe(true);
    const settings = await a.admin({
      method: 'PATCH',
      url: '/api/settings',
      payload: { allocation: { regionPriority: { spring_summer: ['成都', '深圳'], autumn_winter: ['成都'] } } },
    });
    expect(settings.json().allocation).toMatchObject({
      reservationDays: 15,
      regionPriority: { autumn_winter: ['成都'] },
    });
    const preview = (
      await planner({ method: 'POST', url: '/api/allocation/preview', payload: { season: 'autumn_winter' } })
    ).json();
    expect(preview.input.regionPriority.autumn_winter).toEqual(['成都']);
  });

  it('finance imports funds and credit from Excel; the balance always equals its ledger', async () => {
    const header = ['客户编码 Code', '资金 Funds', '信用 Credit'];
    const bad = await buildXlsx(header, [
      ['F002', '12.345', '0'],
      ['NOBODY', '1', '1'],
    ]);
    const refused = await a.finance({
      method: 'POST',
      url: '/api/franchisees/import',
      ...multipart({ name: 'm.xlsx', data: bad, type: 'application/octet-stream' }),
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.errors).toHaveLength(2);
    const good = await buildXlsx(header, [['F002', '300.00', '1000.00']]);
    expect(
      (
        await a.finance({
          method: 'POST',
          url: '/api/franchisees/import',
          ...multipart({ name: 'm.xlsx', data: good, type: 'application/octet-stream' }),
        })
      ).json(),
    ).toEqual({ imported: 1 });
    expect(await money('F002')).toMatchObject({ funds: '300.00', credit: '1000.00' });
    expect(await moneyMismatches(t.database.db, t.companyA)).toEqual([]);
    expect(
      (
        await a.sales({
          method: 'POST',
          url: `/api/franchisees/${ids.f2}/money`,
          payload: { funds: '1.00', reason: 'x' },
        })
      ).statusCode,
    ).toBe(403);
  });
});
