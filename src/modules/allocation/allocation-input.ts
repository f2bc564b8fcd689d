import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.service';
import { getSettings } from '../settings/settings.service';
import { SHIPPABLE } from '../orders/order.machine';
import type { AllocationInput, Season } from './engine/types';
import * as repo from './allocation.repository';
import * as storeRepo from './stores.repository';

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
    const receipt = await repo.findReceiptWarehouse(db, companyId, req.receiptId);
    if (!receipt) throw new AppError('ALLOCATION.RECEIPT_NOT_FOUND');
    if (receipt.kind !== 'central') throw new AppError('ALLOCATION.RECEIPT_NOT_CENTRAL');
    warehouseId = receipt.warehouse_id;
    productFilter = await repo.productsOfReceipt(db, companyId, req.receiptId);
  } else {
    const central = await repo.firstCentralWarehouse(db, companyId);
    if (!central) throw new AppError('ALLOCATION.NO_CENTRAL_WAREHOUSE');
    warehouseId = central;
  }

  const products = await repo.allocatedProducts(db, companyId, productFilter);
  const productIds = products.map((p) => p.id);
  const skuOf = new Map(products.map((p) => [p.id, p.sku]));

  const [balances, franchisees, lines, stores, storeDemand, regionDemand] = await Promise.all([
    repo.availableAt(db, companyId, warehouseId, productIds),
    repo.activeFranchiseesWithMoney(db, companyId),
    repo.franchiseeBackorders(db, companyId, warehouseId, productIds, SHIPPABLE),
    storeRepo.activeStores(db, companyId),
    storeRepo.openStoreDemand(db, companyId),
    storeRepo.openRegionDemand(db, companyId),
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
