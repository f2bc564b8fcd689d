import type { Env } from '../../lib/env';
import type { Db } from '../../db/database';
import { AppError, type Lang } from '../../lib/errors';
import { pick, type LocalColumn } from '../../lib/local-sheet';
import { isUniqueViolation } from '../../lib/db-errors';
import type { Actor } from '../auth/auth.service';
import { findProductsByIds } from '../products/product.repository';
import type { ImportError } from '../../lib/excel';
import { importFailed } from '../../lib/import-rows';
import * as repo from './stores.repository';

// Direct (直营) and joint (联营) stores, and the demand the engine serves in phase 3: each store's
// shortfall against safety stock (安全库存) and each region's prep stock (区域备货).

type StoreInput = {
  code: string;
  name: string;
  region: string;
  class: 'A' | 'B' | 'C';
  kind: 'direct' | 'joint';
  active?: boolean;
};
export async function listStores(db: Db, actor: Actor) {
  return repo.listStoreRows(db, actor.companyId);
}

export async function createStore(db: Db, actor: Actor, input: StoreInput) {
  try {
    return await repo.insertStore(db, actor.companyId, actor.userId, input);
  } catch (err) {
    if (isUniqueViolation(err, 'stores_company_id_code_key'))
      throw new AppError('STORE.CODE_TAKEN', { code: input.code });
    throw err;
  }
}

export async function updateStore(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  input: Partial<Omit<StoreInput, 'code'>>,
) {
  const row = await repo.updateStoreRow(db, actor.companyId, id, {
    ...input,
    updated_at: env.now,
    updated_by: actor.userId,
  });
  if (!row) throw new AppError('STORE.NOT_FOUND');
  return row;
}

export async function listDemand(db: Db, actor: Actor) {
  const [stores, regions] = await Promise.all([
    repo.storeDemandRows(db, actor.companyId),
    repo.regionDemandRows(db, actor.companyId),
  ]);
  return {
    stores: stores.map((d) => ({
      storeId: d.store_id,
      storeCode: d.store_code,
      region: d.region,
      productId: d.product_id,
      sku: d.sku,
      qty: d.qty,
      updatedAt: d.updated_at,
    })),
    regions: regions.map((d) => ({
      region: d.region,
      productId: d.product_id,
      sku: d.sku,
      qty: d.qty,
      updatedAt: d.updated_at,
    })),
  };
}

/** Sets demand rows (upsert; quantity 0 clears a need). */
export async function setDemand(
  db: Db,
  actor: Actor,
  env: Env,
  input: {
    stores?: { storeId: string; productId: string; qty: number }[];
    regions?: { region: string; productId: string; qty: number }[];
  },
) {
  const productIds = [...(input.stores ?? []), ...(input.regions ?? [])].map((d) => d.productId);
  const products = await findProductsByIds(db, actor.companyId, productIds);
  if (new Set(productIds).size !== products.length) throw new AppError('PRODUCT.NOT_FOUND');
  const storeIds = [...new Set((input.stores ?? []).map((d) => d.storeId))];
  if (storeIds.length && (await repo.countStores(db, actor.companyId, storeIds)) !== storeIds.length)
    throw new AppError('STORE.NOT_FOUND');
  const who = { companyId: actor.companyId, userId: actor.userId, at: env.now };
  for (const d of input.stores ?? []) await repo.upsertStoreDemand(db, who, d);
  for (const d of input.regions ?? []) await repo.upsertRegionDemand(db, who, d);
  return listDemand(db, actor);
}

export const demandColumns: LocalColumn[] = [
  { key: 'store', header: { zh: '门店编码', en: 'Store' } },
  { key: 'region', header: { zh: '区域', en: 'Region' } },
  { key: 'sku', header: { zh: 'SKU', en: 'SKU' } },
  { key: 'qty', header: { zh: '数量', en: 'Qty' } },
];

/** Demand from a spreadsheet: a row names a store (safety stock) or a region (prep stock); all rows or none. */
export async function importDemand(
  db: Db,
  actor: Actor,
  env: Env,
  rows: { row: number; values: Record<string, string> }[],
  headerErrors: ImportError[],
  lang: Lang,
) {
  const column = (key: string) => pick(demandColumns.find((c) => c.key === key)!.header, lang);
  const stores = new Map((await listStores(db, actor)).map((s) => [s.code, s.id]));
  const products = await repo.productIdsBySku(db, actor.companyId);
  const errors = [...headerErrors];
  const input: Parameters<typeof setDemand>[3] = { stores: [], regions: [] };
  for (const { row, values } of rows) {
    const productId = products.get(values.sku);
    const qty = Number(values.qty);
    if (!productId) errors.push({ row, column: 'SKU', message: `unknown SKU "${values.sku}"` });
    if (!/^\d+$/.test(values.qty) || qty > 10_000_000)
      errors.push({ row, column: column('qty'), message: 'a whole number of units, 0 or more' });
    if (values.store) {
      if (!stores.has(values.store))
        errors.push({ row, column: column('store'), message: `unknown store "${values.store}"` });
      else if (productId) input.stores!.push({ storeId: stores.get(values.store)!, productId, qty });
    } else if (values.region) {
      if (productId) input.regions!.push({ region: values.region.slice(0, 50), productId, qty });
    } else errors.push({ row, column: column('store'), message: 'a store or a region is required' });
  }
  if (errors.length) throw importFailed(errors);
  await setDemand(db, actor, env, input);
  return { imported: rows.length };
}
