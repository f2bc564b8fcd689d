import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.service';
import { getSettings } from '../settings/settings.service';
import { SHIPPABLE } from '../orders/order.machine';
import type { AllocationInput, Season } from './engine/types';

export type RunRequest = { receiptId?: string; season?: Season; policy?: 'priority' | 'funds'; asOf: string };

/** Spring/summer from March to August, autumn/winter otherwise, unless the planner chooses. */
export const seasonOf = (date: string): Season =>
  Number(date.slice(5, 7)) >= 3 && Number(date.slice(5, 7)) <= 8 ? 'spring_summer' : 'autumn_winter';

/**
 * Builds allocation-input/v1 from the database: the allocated (分货) products of the receipt, or all of
 * them; what is available at the central warehouse; franchisees' money; the open backordered lines of
 * franchisees' confirmed orders; stores and their demand. Also returns how to map results back.
 */
export async function buildInput(db: Db, actor: Actor, req: RunRequest) {
  const companyId = actor.companyId;
  const settings = await getSettings(db, companyId);
  let warehouseId: string;
  let productFilter: string[] | undefined;
  if (req.receiptId) {
    const receipt = await db
      .selectFrom('goods_receipts as r')
      .innerJoin('warehouses as w', (j) =>
        j.onRef('w.company_id', '=', 'r.company_id').onRef('w.id', '=', 'r.warehouse_id'),
      )
      .select(['r.warehouse_id', 'w.kind'])
      .where('r.company_id', '=', companyId)
      .where('r.id', '=', req.receiptId)
      .executeTakeFirst();
    if (!receipt) throw new AppError('ALLOCATION.RECEIPT_NOT_FOUND');
    if (receipt.kind !== 'central') throw new AppError('ALLOCATION.RECEIPT_NOT_CENTRAL');
    warehouseId = receipt.warehouse_id;
    productFilter = (
      await db
        .selectFrom('stock_movements')
        .select('product_id')
        .distinct()
        .where('company_id', '=', companyId)
        .where('receipt_id', '=', req.receiptId)
        .execute()
    ).map((r) => r.product_id);
  } else {
    const central = await db
      .selectFrom('warehouses')
      .select('id')
      .where('company_id', '=', companyId)
      .where('kind', '=', 'central')
      .where('active', '=', true)
      .orderBy('code')
      .executeTakeFirst();
    if (!central) throw new AppError('ALLOCATION.NO_CENTRAL_WAREHOUSE');
    warehouseId = central.id;
  }

  let productQuery = db
    .selectFrom('products')
    .select(['id', 'sku', 'list_price', 'seasonal', 'launch_priority'])
    .where('company_id', '=', companyId)
    .where('allocated', '=', true)
    .where('active', '=', true);
  if (productFilter)
    productQuery = productQuery.where(
      'id',
      'in',
      productFilter.length ? productFilter : ['00000000-0000-0000-0000-000000000000'],
    );
  const products = await productQuery.orderBy('sku').execute();
  const productIds = products.map((p) => p.id);
  const skuOf = new Map(products.map((p) => [p.id, p.sku]));

  const [balances, franchisees, lines, stores, storeDemand, regionDemand] = await Promise.all([
    db
      .selectFrom('stock_balances')
      // Stock earmarked for a customer (备货预留) is not handed out by allocation.
      .select([
        'product_id',
        sql<number>`greatest(on_hand - reserved - coalesce((select sum(e.remaining) from stock_earmarks e
          where e.company_id = stock_balances.company_id and e.warehouse_id = stock_balances.warehouse_id
            and e.product_id = stock_balances.product_id and e.remaining > 0), 0), 0)::int`.as('available'),
      ])
      .where('company_id', '=', companyId)
      .where('warehouse_id', '=', warehouseId)
      .where('product_id', 'in', productIds.length ? productIds : ['00000000-0000-0000-0000-000000000000'])
      .execute(),
    db
      .selectFrom('customers as c')
      .leftJoin('franchisee_balances as b', (j) =>
        j.onRef('b.company_id', '=', 'c.company_id').onRef('b.customer_id', '=', 'c.id'),
      )
      .select(['c.id', 'c.code', 'c.priority', 'b.funds', 'b.credit'])
      .where('c.company_id', '=', companyId)
      .where('c.kind', '=', 'franchisee')
      .where('c.active', '=', true)
      .orderBy('c.code')
      .execute(),
    db
      .selectFrom('order_lines as l')
      .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'l.company_id').onRef('o.id', '=', 'l.order_id'))
      .innerJoin('customers as c', (j) =>
        j.onRef('c.company_id', '=', 'o.company_id').onRef('c.id', '=', 'o.customer_id'),
      )
      .select(['l.order_id', 'l.line_no', 'l.product_id', 'l.backordered', 'l.unit_price', 'o.customer_id', 'c.code'])
      .where('l.company_id', '=', companyId)
      .where('c.kind', '=', 'franchisee')
      .where('o.warehouse_id', '=', warehouseId)
      .where('o.status', 'in', [...SHIPPABLE])
      .where('l.backordered', '>', 0)
      .where('l.product_id', 'in', productIds.length ? productIds : ['00000000-0000-0000-0000-000000000000'])
      .orderBy('o.confirmed_at')
      .orderBy('o.number')
      .orderBy('l.line_no')
      .execute(),
    db
      .selectFrom('stores')
      .select(['id', 'code', 'region', 'class', 'kind'])
      .where('company_id', '=', companyId)
      .where('active', '=', true)
      .orderBy('code')
      .execute(),
    db
      .selectFrom('store_demand as d')
      .innerJoin('stores as s', (j) => j.onRef('s.company_id', '=', 'd.company_id').onRef('s.id', '=', 'd.store_id'))
      .select(['s.code', 'd.product_id', 'd.qty'])
      .where('d.company_id', '=', companyId)
      .where('s.active', '=', true)
      .where('d.qty', '>', 0)
      .orderBy('s.code')
      .execute(),
    db
      .selectFrom('region_demand')
      .select(['region', 'product_id', 'qty'])
      .where('company_id', '=', companyId)
      .where('qty', '>', 0)
      .orderBy('region')
      .execute(),
  ]);

  const franchiseeLines = lines.filter((l) => skuOf.has(l.product_id));
  const input: AllocationInput = {
    schema: 'allocation-input/v1',
    asOf: req.asOf,
    season: req.season ?? seasonOf(req.asOf),
    policy: {
      paidFranchiseeOrder: req.policy ?? settings.allocation.paidFranchiseeOrder,
      reservationDays: settings.allocation.reservationDays,
    },
    products: products.map((p) => ({
      sku: p.sku,
      price: p.list_price,
      seasonal: p.seasonal,
      launchPriority: p.launch_priority,
    })),
    available: balances
      .filter((b) => Number(b.available) > 0)
      .map((b) => ({ sku: skuOf.get(b.product_id)!, qty: Number(b.available) })),
    franchisees: franchisees.map((f) => ({
      id: f.code,
      priority: f.priority,
      funds: f.funds ?? '0.00',
      credit: f.credit ?? '0.00',
    })),
    franchiseeOrders: franchiseeLines.map((l) => ({
      franchisee: l.code,
      sku: skuOf.get(l.product_id)!,
      qty: l.backordered,
      price: l.unit_price,
    })),
    regionPriority: settings.allocation.regionPriority,
    stores: stores.map((s) => ({ id: s.code, region: s.region, class: s.class, kind: s.kind })),
    storeDemand: storeDemand
      .filter((d) => skuOf.has(d.product_id))
      .map((d) => ({ store: d.code, sku: skuOf.get(d.product_id)!, qty: d.qty })),
    regionDemand: regionDemand
      .filter((d) => skuOf.has(d.product_id))
      .map((d) => ({ region: d.region, sku: skuOf.get(d.product_id)!, qty: d.qty })),
  };
  return {
    input,
    warehouseId,
    productIdOf: new Map(products.map((p) => [p.sku, p.id])),
    customerIdOf: new Map(franchisees.map((f) => [f.code, f.id])),
    storeIdOf: new Map(stores.map((s) => [s.code, s.id])),
    franchiseeLines,
  };
}
