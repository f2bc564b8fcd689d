import type { Env } from '../../lib/env';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import { isUniqueViolation } from '../../lib/db-errors';
import type { Actor } from '../auth/auth.service';
import { findProductsByIds } from '../products/product.repository';
import type { ImportError } from '../../lib/excel';
import { importFailed } from '../../lib/import-rows';

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
const columns = ['id', 'code', 'name', 'region', 'class', 'kind', 'active'] as const;

export async function listStores(db: Db, actor: Actor) {
  return db
    .selectFrom('stores')
    .select(columns)
    .where('company_id', '=', actor.companyId)
    .orderBy('region')
    .orderBy('class')
    .orderBy('code')
    .execute();
}

export async function createStore(db: Db, actor: Actor, input: StoreInput) {
  try {
    return await db
      .insertInto('stores')
      .values({ company_id: actor.companyId, ...input, created_by: actor.userId, updated_by: actor.userId })
      .returning(columns)
      .executeTakeFirstOrThrow();
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
  const row = await db
    .updateTable('stores')
    .set({ ...input, updated_at: env.now, updated_by: actor.userId })
    .where('company_id', '=', actor.companyId)
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirst();
  if (!row) throw new AppError('STORE.NOT_FOUND');
  return row;
}

export async function listDemand(db: Db, actor: Actor) {
  const [stores, regions] = await Promise.all([
    db
      .selectFrom('store_demand as d')
      .innerJoin('stores as s', (j) => j.onRef('s.company_id', '=', 'd.company_id').onRef('s.id', '=', 'd.store_id'))
      .innerJoin('products as p', (j) =>
        j.onRef('p.company_id', '=', 'd.company_id').onRef('p.id', '=', 'd.product_id'),
      )
      .select(['d.store_id', 's.code as store_code', 's.region', 'd.product_id', 'p.sku', 'd.qty', 'd.updated_at'])
      .where('d.company_id', '=', actor.companyId)
      .orderBy('s.code')
      .orderBy('p.sku')
      .execute(),
    db
      .selectFrom('region_demand as d')
      .innerJoin('products as p', (j) =>
        j.onRef('p.company_id', '=', 'd.company_id').onRef('p.id', '=', 'd.product_id'),
      )
      .select(['d.region', 'd.product_id', 'p.sku', 'd.qty', 'd.updated_at'])
      .where('d.company_id', '=', actor.companyId)
      .orderBy('d.region')
      .orderBy('p.sku')
      .execute(),
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
  if (storeIds.length) {
    const found = await db
      .selectFrom('stores')
      .select('id')
      .where('company_id', '=', actor.companyId)
      .where('id', 'in', storeIds)
      .execute();
    if (found.length !== storeIds.length) throw new AppError('STORE.NOT_FOUND');
  }
  for (const d of input.stores ?? []) {
    await db
      .insertInto('store_demand')
      .values({
        company_id: actor.companyId,
        store_id: d.storeId,
        product_id: d.productId,
        qty: d.qty,
        updated_by: actor.userId,
      })
      .onConflict((oc) =>
        oc
          .columns(['company_id', 'store_id', 'product_id'])
          .doUpdateSet({ qty: d.qty, updated_at: env.now, updated_by: actor.userId }),
      )
      .execute();
  }
  for (const d of input.regions ?? []) {
    await db
      .insertInto('region_demand')
      .values({
        company_id: actor.companyId,
        region: d.region,
        product_id: d.productId,
        qty: d.qty,
        updated_by: actor.userId,
      })
      .onConflict((oc) =>
        oc
          .columns(['company_id', 'region', 'product_id'])
          .doUpdateSet({ qty: d.qty, updated_at: env.now, updated_by: actor.userId }),
      )
      .execute();
  }
  return listDemand(db, actor);
}

export const demandColumns = [
  { key: 'store', header: '门店编码 Store' },
  { key: 'region', header: '区域 Region' },
  { key: 'sku', header: 'SKU' },
  { key: 'qty', header: '数量 Qty' },
];

/** Demand from a spreadsheet: a row names a store (safety stock) or a region (prep stock); all rows or none. */
export async function importDemand(
  db: Db,
  actor: Actor,
  env: Env,
  rows: { row: number; values: Record<string, string> }[],
  headerErrors: ImportError[],
) {
  const stores = new Map((await listStores(db, actor)).map((s) => [s.code, s.id]));
  const products = new Map(
    (await db.selectFrom('products').select(['id', 'sku']).where('company_id', '=', actor.companyId).execute()).map(
      (p) => [p.sku, p.id],
    ),
  );
  const errors = [...headerErrors];
  const input: Parameters<typeof setDemand>[3] = { stores: [], regions: [] };
  for (const { row, values } of rows) {
    const productId = products.get(values.sku);
    const qty = Number(values.qty);
    if (!productId) errors.push({ row, column: 'SKU', message: `unknown SKU "${values.sku}"` });
    if (!/^\d+$/.test(values.qty) || qty > 10_000_000)
      errors.push({ row, column: '数量 Qty', message: 'a whole number of units, 0 or more' });
    if (values.store) {
      if (!stores.has(values.store))
        errors.push({ row, column: '门店编码 Store', message: `unknown store "${values.store}"` });
      else if (productId) input.stores!.push({ storeId: stores.get(values.store)!, productId, qty });
    } else if (values.region) {
      if (productId) input.regions!.push({ region: values.region.slice(0, 50), productId, qty });
    } else errors.push({ row, column: '门店编码 Store', message: 'a store or a region is required' });
  }
  if (errors.length) throw importFailed(errors);
  await setDemand(db, actor, env, input);
  return { imported: rows.length };
}
