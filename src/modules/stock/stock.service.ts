import type { RawBuilder } from 'kysely';
import type { Db } from '../../db/database';
import { AppError, type Label, type Lang } from '../../lib/errors';
import { reasonFields } from '../../lib/reason-codes';
import { toXlsx } from '../../lib/excel';
import type { Actor } from '../auth/auth.service';
import { findProductsByIds } from '../products/product.repository';
import { findWarehouse } from '../warehouses/warehouse.repository';
import * as repo from './stock.repository';
import * as reserveRepo from './stock-reserve.repository';
import * as earmarkRepo from './earmark.repository';
import type { AdjustmentInput, ListMovementsQuery, ListStockQuery, ReceiptInput } from './stock.schemas';

const keyOf = (k: repo.BalanceKey) => `${k.warehouseId}/${k.productId}`;

/**
 * The one way stock changes: movements are appended to the ledger and their balances updated
 * in the caller's transaction. Rows are locked in (warehouse, product) order; anything that would
 * leave available (on hand − reserved), reserved or on hand below zero is refused whole.
 */
export async function postMovements(trx: Db, actor: Actor, movements: repo.MovementRow[]): Promise<repo.BalanceRow[]> {
  const sorted = [...movements].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  const keys = [
    ...new Map(sorted.map((m) => [keyOf(m), { warehouseId: m.warehouseId, productId: m.productId }])).values(),
  ];
  await repo.ensureBalances(trx, actor.companyId, keys);
  const locked = new Map((await repo.lockBalances(trx, actor.companyId, keys)).map((b) => [keyOf(b), { ...b }]));
  const before = new Map([...locked].map(([k, b]) => [k, { ...b }]));
  for (const m of sorted) {
    const b = locked.get(keyOf(m))!;
    b.onHand += m.onHandDelta;
    b.reserved += m.reservedDelta;
  }
  for (const [k, b] of locked) {
    if (b.reserved < 0 || b.onHand - b.reserved < 0) {
      const was = before.get(k)!;
      const [product] = await findProductsByIds(trx, actor.companyId, [b.productId]);
      throw new AppError('STOCK.INSUFFICIENT', {
        sku: product?.sku ?? b.productId,
        available: was.onHand - was.reserved,
        requested: was.onHand - was.reserved - (b.onHand - b.reserved),
      });
    }
  }
  const after = [...locked.values()];
  await repo.writeBalancesAndMovements(trx, actor.companyId, actor.userId, after, sorted);
  return after;
}

async function assertActiveItems(db: Db, actor: Actor, warehouseId: string, productIds: string[]) {
  const warehouse = await findWarehouse(db, actor.companyId, warehouseId);
  if (!warehouse) throw new AppError('WAREHOUSE.NOT_FOUND');
  const unique = [...new Set(productIds)];
  const products = await findProductsByIds(db, actor.companyId, unique);
  if (products.length !== unique.length) throw new AppError('PRODUCT.NOT_FOUND');
  if (!warehouse.active || products.some((p) => !p.active)) throw new AppError('STOCK.INACTIVE_ITEM');
}

const toBalance = (b: repo.BalanceRow) => ({ ...b, available: b.onHand - b.reserved });

/**
 * Goods receipt (入库): on hand goes up, then backorders are filled first come — except for
 * products under allocation (分货), whose receipts wait for an allocation run.
 */
/** Reserves newly received stock for waiting order lines, first come first served; returns how many it filled. */
export type FillBackorders = (db: Db, actor: Actor, warehouseId: string, productIds: string[]) => Promise<number>;

export async function receiveGoods(trx: Db, actor: Actor, input: ReceiptInput, fillBackorders: FillBackorders) {
  await assertActiveItems(
    trx,
    actor,
    input.warehouseId,
    input.lines.map((l) => l.productId),
  );
  const receipt = await repo.insertGoodsReceipt(trx, {
    company_id: actor.companyId,
    warehouse_id: input.warehouseId,
    reference: input.reference,
    created_by: actor.userId,
  });
  const balances = await postMovements(
    trx,
    actor,
    input.lines.map((l) => ({
      warehouseId: input.warehouseId,
      productId: l.productId,
      kind: 'receipt' as const,
      onHandDelta: l.qty,
      reservedDelta: 0,
      reason: input.reason,
      reference: input.reference,
      receiptId: receipt.id,
    })),
  );
  const { backordersFilled, awaitingAllocation } = await fillFirstCome(
    trx,
    actor,
    input.warehouseId,
    input.lines.map((l) => l.productId),
    fillBackorders,
  );
  const after = backordersFilled ? await repo.lockBalances(trx, actor.companyId, balances) : balances;
  return { receiptId: receipt.id, balances: after.map(toBalance), backordersFilled, awaitingAllocation };
}

/**
 * Units that came into available stock (a receipt, good units of a return) fill backorders first come, except
 * for products under allocation (分货), which wait for an allocation run.
 */
export async function fillFirstCome(
  trx: Db,
  actor: Actor,
  warehouseId: string,
  productIds: string[],
  fillBackorders: FillBackorders,
) {
  const products = await findProductsByIds(trx, actor.companyId, productIds);
  const firstCome = products.filter((p) => !p.allocated).map((p) => p.id);
  const backordersFilled = firstCome.length ? await fillBackorders(trx, actor, warehouseId, firstCome) : 0;
  return { backordersFilled, awaitingAllocation: products.length - firstCome.length };
}

/** Stock adjustment (盘点调整) with a reason; a negative one may not take reserved or missing units. */
export async function adjustStock(trx: Db, actor: Actor, input: AdjustmentInput) {
  await assertActiveItems(
    trx,
    actor,
    input.warehouseId,
    input.lines.map((l) => l.productId),
  );
  const balances = await postMovements(
    trx,
    actor,
    input.lines.map((l) => ({
      warehouseId: input.warehouseId,
      productId: l.productId,
      kind: 'adjust' as const,
      onHandDelta: l.delta,
      reservedDelta: 0,
      reason: input.reason,
      reference: input.reference,
    })),
  );
  return { balances: balances.map(toBalance) };
}

type BalanceListRow = Awaited<ReturnType<typeof repo.allBalances>>[number];
const balanceRowToStock = (r: BalanceListRow) => ({
  productId: r.product_id,
  sku: r.sku,
  productName: r.product_name,
  spec: r.spec,
  unit: r.unit,
  warehouseId: r.warehouse_id,
  warehouseCode: r.warehouse_code,
  warehouseName: r.warehouse_name,
  onHand: r.on_hand,
  reserved: r.reserved,
  available: Number(r.available),
  updatedAt: r.updated_at,
});

type MovementListRow = Awaited<ReturnType<typeof repo.allMovements>>[number];
const movementRowToMovement = (r: MovementListRow, lang: Lang) => ({
  id: r.id,
  at: r.at,
  kind: r.kind,
  productId: r.product_id,
  sku: r.sku,
  productName: r.product_name,
  warehouseId: r.warehouse_id,
  warehouseCode: r.warehouse_code,
  onHandDelta: r.on_hand_delta,
  reservedDelta: r.reserved_delta,
  ...reasonFields(r.reason, lang),
  reference: r.reference,
  actorId: r.actor_id,
  actorName: r.actor_name,
});

export async function listStock(db: Db, actor: Actor, q: ListStockQuery) {
  const page = await repo.listBalances(db, actor.companyId, q);
  return { ...page, items: page.items.map(balanceRowToStock) };
}

export async function listMovements(db: Db, actor: Actor, q: ListMovementsQuery, lang: Lang = 'zh-CN') {
  const newestFirst = q.sort ? q : { ...q, sort: 'at', order: 'desc' as const };
  const page = await repo.listMovements(db, actor.companyId, newestFirst);
  return { ...page, items: page.items.map((r) => movementRowToMovement(r, lang)) };
}

const KIND: Record<string, Label> = {
  receipt: { zh: '入库', en: 'Receipt' },
  reserve: { zh: '预留', en: 'Reserve' },
  release: { zh: '释放', en: 'Release' },
  issue: { zh: '出库', en: 'Issue' },
  return: { zh: '退回', en: 'Return' },
  adjust: { zh: '调整', en: 'Adjustment' },
};

/** Balances and the ledger as a workbook, headed and worded in the reader's language. */
export async function exportStock(db: Db, actor: Actor, lang: Lang = 'zh-CN') {
  const t = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const [balances, movements] = await Promise.all([
    repo.allBalances(db, actor.companyId),
    repo.allMovements(db, actor.companyId),
  ]);
  return toXlsx([
    {
      name: t('库存', 'Stock'),
      columns: [
        { key: 'sku', header: 'SKU' },
        { key: 'productName', header: t('产品', 'Product'), width: 24 },
        { key: 'warehouseCode', header: t('仓库', 'Warehouse') },
        { key: 'onHand', header: t('在库', 'On hand') },
        { key: 'reserved', header: t('已预留', 'Reserved') },
        { key: 'available', header: t('可用', 'Available') },
      ],
      rows: balances.map(balanceRowToStock),
    },
    {
      name: t('流水', 'Movements'),
      columns: [
        { key: 'at', header: t('时间', 'Time'), width: 22 },
        { key: 'kind', header: t('类型', 'Kind') },
        { key: 'sku', header: 'SKU' },
        { key: 'warehouseCode', header: t('仓库', 'Warehouse') },
        { key: 'onHandDelta', header: t('在库变动', 'On hand Δ') },
        { key: 'reservedDelta', header: t('预留变动', 'Reserved Δ') },
        { key: 'reason', header: t('原因', 'Reason'), width: 24 },
        { key: 'reference', header: t('单据', 'Reference') },
        { key: 'actorName', header: t('操作人', 'By') },
      ],
      rows: movements.map((r) => {
        const m = movementRowToMovement(r, lang);
        return { ...m, kind: KIND[m.kind] ? (lang === 'en' ? KIND[m.kind].en : KIND[m.kind].zh) : m.kind };
      }),
    },
  ]);
}

export type ReserveRequest = {
  warehouseId: string;
  productId: string;
  qty: number;
  reference: string;
  /** The customer reserving: stock earmarked for them (备货预留) is theirs first; other customers' is not available. */
  customerId?: string;
};

/**
 * Reserves what is available for each request, in (warehouse, product) lock order, and returns how
 * much each one got; requests for one product are served in the order given. Never oversells:
 * the balance rows stay locked until the caller's transaction ends. Stock earmarked for a customer is available
 * only to that customer's requests, which take it before general stock.
 *
 * Two statements when nothing is earmarked (the usual case): the balances are locked, then written with their
 * movements by a statement that writes only if these balances have no open earmark; otherwise the earmarks are
 * locked and the reservation computed again. `alongside` (a write computed from the grants, e.g. the order lines'
 * quantities) rides in that statement, and is run again on its own if the reservation had to be recomputed.
 */
export async function reserveAvailable(
  trx: Db,
  actor: Actor,
  requests: ReserveRequest[],
  reason: string,
  alongside?: (granted: number[]) => RawBuilder<unknown>,
): Promise<number[]> {
  if (!requests.length) return [];
  const keys = [
    ...new Map(requests.map((r) => [keyOf(r), { warehouseId: r.warehouseId, productId: r.productId }])).values(),
  ].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  // A product with no balance row has nothing to reserve, so none is created here.
  const locked = await repo.lockBalances(trx, actor.companyId, keys);
  const first = grant(requests, locked, []);
  const movements = (granted: number[]) =>
    requests
      .map((r, i) => ({
        warehouseId: r.warehouseId,
        productId: r.productId,
        kind: 'reserve' as const,
        onHandDelta: 0,
        reservedDelta: granted[i],
        reason,
        reference: r.reference,
      }))
      .filter((m) => m.reservedDelta > 0);
  const fast = movements(first.granted);
  // Earmarks only ever take from what a request gets, so when nothing is granted without them, nothing is with.
  if (!fast.length && !alongside) return first.granted;
  if (
    await repo.writeUnlessEarmarked(
      trx,
      actor.companyId,
      actor.userId,
      first.balances,
      fast,
      alongside?.(first.granted),
    )
  )
    return first.granted;
  const earmarks = await earmarkRepo.lockOpenEarmarks(trx, actor.companyId, keys);
  const { granted, balances, touched } = grant(requests, locked, earmarks);
  await earmarkRepo.setRemaining(
    trx,
    actor.companyId,
    touched.map((e) => ({ id: e.id, remaining: e.remaining })),
  );
  const slow = movements(granted);
  if (slow.length) await repo.writeBalancesAndMovements(trx, actor.companyId, actor.userId, balances, slow);
  if (alongside) await alongside(granted).execute(trx);
  return granted;
}

/**
 * Reserves for order lines (confirmation): one statement when none of the balances is earmarked (the usual case),
 * else the long way through `reserveAvailable`. The lines' quantities are written with the reservation:
 * `fromGrants` in the one statement, `fromNumbers` the long way. `move` (the order's state move, `planEvent`) is
 * written in the first statement either way and refused there, before the long way, if it did not save.
 */
export async function reserveForLines(
  trx: Db,
  actor: Actor,
  requests: (ReserveRequest & { orderId: string; lineNo: number })[],
  reason: string,
  lineWrite: { fromGrants: RawBuilder<unknown>; fromNumbers: (granted: number[]) => RawBuilder<unknown> },
  move: { ctes: RawBuilder<unknown>; saved: (movedRows: number) => void },
): Promise<number[]> {
  const first = await reserveRepo.reserveUnlessEarmarked(
    trx,
    actor.companyId,
    actor.userId,
    requests,
    reason,
    lineWrite.fromGrants,
    move.ctes,
  );
  move.saved(first.moved);
  return first.granted ?? reserveAvailable(trx, actor, requests, reason, lineWrite.fromNumbers);
}

/** How much each request gets from the locked balances, taking its customer's earmarks first and leaving others'. */
function grant(requests: ReserveRequest[], locked: repo.BalanceRow[], earmarks: earmarkRepo.OpenEarmark[]) {
  const balances = new Map(locked.map((b) => [keyOf(b), { ...b }]));
  const remaining = new Map(earmarks.map((e) => [e, e.remaining]));
  const touched = new Set<earmarkRepo.OpenEarmark>();
  const granted = requests.map((r) => {
    const b = balances.get(keyOf(r));
    if (!b) return 0;
    const here = earmarks.filter((e) => keyOf(e) === keyOf(r));
    const own = here.filter((e) => e.customerId === r.customerId);
    const othersHeld = here.filter((e) => e.customerId !== r.customerId).reduce((n, e) => n + remaining.get(e)!, 0);
    const take = Math.max(0, Math.min(r.qty, b.onHand - b.reserved - othersHeld));
    b.reserved += take;
    let fromEarmark = take;
    for (const e of own) {
      const used = Math.min(remaining.get(e)!, fromEarmark);
      if (used === 0) continue;
      remaining.set(e, remaining.get(e)! - used);
      fromEarmark -= used;
      touched.add(e);
    }
    return take;
  });
  return {
    granted,
    balances: [...balances.values()],
    touched: [...touched].map((e) => ({ ...e, remaining: remaining.get(e)! })),
  };
}

/** Gives reserved units back to available stock. */
export async function releaseReserved(trx: Db, actor: Actor, releases: ReserveRequest[], reason: string) {
  const movements = releases
    .filter((r) => r.qty > 0)
    .map((r) => ({
      warehouseId: r.warehouseId,
      productId: r.productId,
      kind: 'release' as const,
      onHandDelta: 0,
      reservedDelta: -r.qty,
      reason,
      reference: r.reference,
    }));
  if (movements.length) await postMovements(trx, actor, movements);
}
