import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/database';
import type { Actor } from '../auth/auth.service';
import { createUser } from '../users/user.service';
import { insertCompany } from '../users/user.repository';
import { createWarehouse } from '../warehouses/warehouse.service';
import { DEMO_PASSWORD } from '../demo/demo.seed';
import { CITIES, customerName, personName, phone, productName, randomSource, type Random } from './scale-names';
import { buildBatch, fen, type Batch, type ScaleState, type ScaleUsers } from './scale-orders';
import * as repo from './scale-seed.repository';
import { recountOrderBalances } from '../receivables/receivable.repository';
import { recountInShipment } from '../shipping/shipment.repository';

// 规模数据: one company with two years of history (`luyue seed-scale`), for measuring the lists, the 工作台, the
// reports and the statements at the size a busy company reaches. Master data first, then the orders oldest first
// in batches, each built in memory and written set-based in its own transaction.

export type ScaleOptions = {
  orders: number;
  customers: number;
  products: number;
  /** Orders per transaction. */
  batch: number;
  companyCode: string;
  seed: number;
  now: Date;
  /** Load without per-row triggers when the database user may (superuser); the books are checked by the caller. */
  fastLoad: boolean;
  progress?: (p: { orders: number; rows: number; seconds: number }) => void;
};

export type ScaleResult = {
  companyId: string;
  orders: number;
  rows: Record<string, number>;
  seconds: number;
  triggersSkipped: boolean;
};

const ROLES: Record<string, string[]> = {
  admin: ['admin'],
  reviewer: ['reviewer'],
  director: ['sales_director'],
  gm: ['general_manager'],
  finance: ['finance', 'credit_controller'],
  planner: ['production_planner'],
  orderadmin: ['order_admin'],
  warehouse: ['warehouse'],
  logistics: ['logistics'],
  service: ['customer_service'],
  allocation: ['allocation_planner'],
  docs: ['documents_clerk'],
  legal: ['legal'],
};
export const SALESPEOPLE = 20;
/** The scale company's logins (password: the demo's): `<code>.<role name>`, salespeople `<code>.sales01`…. */
export const scaleUsername = (code: string, name: string) => `${code.toLowerCase()}.${name}`;

export async function seedScale(db: Kysely<DB>, o: ScaleOptions): Promise<ScaleResult> {
  const started = performance.now();
  const r = randomSource(o.seed);
  const state = await db.transaction().execute((trx) => setUp(trx, r, o));
  const rows: Record<string, number> = { customers: o.customers, products: o.products };
  const triggersSkipped = o.fastLoad && (await repo.canSkipRowTriggers(db));
  let written = o.customers + o.products;
  for (let first = 0; first < o.orders; first += o.batch) {
    const count = Math.min(o.batch, o.orders - first);
    const batch = buildBatch(state, r, first, count, o.orders);
    // Notices get their ids in the order they were sent, as the bell lists them (newest id first).
    batch.notifications.sort((a, b) => (a.created_at as Date).getTime() - (b.created_at as Date).getTime());
    const balances = restock(state, batch);
    await db.transaction().execute(async (trx) => {
      if (triggersSkipped) await repo.skipRowTriggers(trx);
      await repo.putStockBalances(trx, state.companyId, state.warehouseId, balances);
      for (const [table, list] of Object.entries(batch)) {
        await repo.insertRows(trx, table as repo.ScaleTable, list);
        rows[table] = (rows[table] ?? 0) + list.length;
        written += list.length;
      }
    });
    o.progress?.({ orders: first + count, rows: written, seconds: (performance.now() - started) / 1000 });
  }
  // Loaded without row triggers: the order balances and the lines' units in shipments they keep are counted once
  // at the end (every line starts with none in shipments).
  if (triggersSkipped) {
    await recountOrderBalances(db, state.companyId);
    await recountInShipment(db, state.companyId);
  }
  await repo.putOrderCounters(
    db,
    state.companyId,
    [...state.orderSeq].map(([key, seq]) => ({ key, seq })),
  );
  await repo.vacuumAll(db);
  return {
    companyId: state.companyId,
    orders: o.orders,
    rows,
    seconds: (performance.now() - started) / 1000,
    triggersSkipped,
  };
}

/**
 * Goods arrive before they run short (采购入库): a receipt movement for each product whose running stock would not
 * cover what the batch reserves and ships, then the whole balances of the products the batch touched.
 */
function restock(s: ScaleState, b: Batch) {
  const touched = new Set(b.stock_movements.map((m) => m.product_id as string));
  const at = (b.orders[0]?.created_at as Date) ?? s.now;
  for (const productId of touched) {
    const k = s.stock.get(productId)!;
    if (k.onHand - k.reserved >= 10) continue;
    const qty = k.reserved - k.onHand + 200;
    k.onHand += qty;
    b.stock_movements.unshift({
      company_id: s.companyId,
      warehouse_id: s.warehouseId,
      product_id: productId,
      kind: 'receipt',
      on_hand_delta: qty,
      reserved_delta: 0,
      reason: '采购入库',
      reference: `RK${(at.toISOString().slice(0, 10) as string).replace(/-/g, '')}`,
      actor_id: s.users.warehouse,
      at,
    });
  }
  return [...touched].map((productId) => ({ productId, ...s.stock.get(productId)! }));
}

async function setUp(db: Kysely<DB>, r: Random, o: ScaleOptions): Promise<ScaleState> {
  const company = await insertCompany(db, { code: o.companyCode, name: '华南规模测试有限公司', created_at: o.now });
  const ids: Record<string, string> = {};
  const add = async (name: string, displayName: string, roles: string[]) => {
    const username = scaleUsername(o.companyCode, name);
    ids[name] = (
      await createUser(db, null, company.id, { username, displayName, password: DEMO_PASSWORD, roles: roles as never })
    ).id;
  };
  for (const [name, roles] of Object.entries(ROLES)) await add(name, personName(r), roles);
  const registrars: string[] = [];
  for (let i = 1; i <= SALESPEOPLE; i++) {
    const name = `sales${String(i).padStart(2, '0')}`;
    await add(name, `${personName(r)}（销售）`, ['sales_assistant']);
    registrars.push(ids[name]);
  }
  const actor = {
    userId: ids.admin,
    username: 'admin',
    displayName: 'admin',
    companyId: company.id,
    roles: ['admin'],
    sessionId: '',
    sessionKind: 'token',
    csrfToken: '',
  } as Actor;
  const warehouse = await createWarehouse(db, actor, { code: 'ZC', name: '总仓', kind: 'central', address: '东莞市' });
  const customers = Array.from({ length: o.customers }, (_, i) => {
    const region = r.pick(CITIES);
    const credit = r.next() < 0.7;
    const code = `K${String(i + 1).padStart(5, '0')}`;
    return {
      id: randomUUID(),
      code,
      shortCode: code,
      name: customerName(r, region),
      region,
      paymentMethod: credit ? ('credit' as const) : ('prepaid' as const),
      paymentDays: credit ? r.pick([30, 45, 60]) : 0,
    };
  });
  const person = () => ({ name: personName(r), phone: phone(r) });
  await repo.insertRows(
    db,
    'customers',
    customers.map((c) => ({
      company_id: company.id,
      id: c.id,
      code: c.code,
      short_code: c.shortCode,
      name: c.name,
      kind: 'ordinary',
      region: c.region,
      payment_method: c.paymentMethod,
      payment_days: c.paymentDays,
      credit_limit: c.paymentMethod === 'credit' ? '500000.00' : '0.00',
      contacts: JSON.stringify([person()]),
      addresses: JSON.stringify([{ consignee: person().name, address: `${c.region}市`, isDefault: true }]),
      created_at: o.now,
      created_by: ids.admin,
      updated_at: o.now,
      updated_by: ids.admin,
    })),
  );
  const products = Array.from({ length: o.products }, (_, i) => {
    const price = r.int(10, 800) * 100 + r.pick([0, 50, 90]);
    return {
      id: randomUUID(),
      sku: `P-${String(i + 1).padStart(5, '0')}`,
      ...productName(r),
      price,
      cost: Math.round(price * (0.4 + r.next() * 0.3)),
    };
  });
  await repo.insertRows(
    db,
    'products',
    products.map((p) => ({
      company_id: company.id,
      id: p.id,
      sku: p.sku,
      name: p.name,
      spec: p.spec,
      unit: p.unit,
      list_price: fen(p.price),
      standard_cost: fen(p.cost),
      created_at: o.now,
      created_by: ids.admin,
      updated_at: o.now,
      updated_by: ids.admin,
    })),
  );
  const users: ScaleUsers = {
    registrars,
    reviewer: ids.reviewer,
    finance: ids.finance,
    director: ids.director,
    orderAdmin: ids.orderadmin,
    warehouse: ids.warehouse,
    service: ids.service,
  };
  return {
    companyId: company.id,
    warehouseId: warehouse.id,
    customers,
    products,
    users,
    now: o.now,
    orderSeq: new Map(),
    shipmentSeq: new Map(),
    stock: new Map(),
  };
}
