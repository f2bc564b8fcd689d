import type { Db } from '../../db/database';

// Queries of stores (直营 / 联营) and their demand (安全库存, 区域备货). Plain functions, db first.

const columns = ['id', 'code', 'name', 'region', 'class', 'kind', 'active'] as const;

type StoreFields = {
  name: string;
  region: string;
  class: 'A' | 'B' | 'C';
  kind: 'direct' | 'joint';
  active?: boolean;
};

export function listStoreRows(db: Db, companyId: string) {
  return db
    .selectFrom('stores')
    .select(columns)
    .where('company_id', '=', companyId)
    .orderBy('region')
    .orderBy('class')
    .orderBy('code')
    .execute();
}

export function insertStore(db: Db, companyId: string, userId: string, input: StoreFields & { code: string }) {
  return db
    .insertInto('stores')
    .values({ company_id: companyId, ...input, created_by: userId, updated_by: userId })
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export function updateStoreRow(
  db: Db,
  companyId: string,
  id: string,
  set: Partial<StoreFields> & { updated_at: Date; updated_by: string },
) {
  return db
    .updateTable('stores')
    .set(set)
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirst();
}

export async function countStores(db: Db, companyId: string, ids: string[]) {
  const found = await db
    .selectFrom('stores')
    .select('id')
    .where('company_id', '=', companyId)
    .where('id', 'in', ids)
    .execute();
  return found.length;
}

export function storeDemandRows(db: Db, companyId: string) {
  return db
    .selectFrom('store_demand as d')
    .innerJoin('stores as s', (j) => j.onRef('s.company_id', '=', 'd.company_id').onRef('s.id', '=', 'd.store_id'))
    .innerJoin('products as p', (j) => j.onRef('p.company_id', '=', 'd.company_id').onRef('p.id', '=', 'd.product_id'))
    .select(['d.store_id', 's.code as store_code', 's.region', 'd.product_id', 'p.sku', 'd.qty', 'd.updated_at'])
    .where('d.company_id', '=', companyId)
    .orderBy('s.code')
    .orderBy('p.sku')
    .execute();
}

export function regionDemandRows(db: Db, companyId: string) {
  return db
    .selectFrom('region_demand as d')
    .innerJoin('products as p', (j) => j.onRef('p.company_id', '=', 'd.company_id').onRef('p.id', '=', 'd.product_id'))
    .select(['d.region', 'd.product_id', 'p.sku', 'd.qty', 'd.updated_at'])
    .where('d.company_id', '=', companyId)
    .orderBy('d.region')
    .orderBy('p.sku')
    .execute();
}

type Who = { companyId: string; userId: string; at: Date };

export async function upsertStoreDemand(db: Db, w: Who, d: { storeId: string; productId: string; qty: number }) {
  await db
    .insertInto('store_demand')
    .values({
      company_id: w.companyId,
      store_id: d.storeId,
      product_id: d.productId,
      qty: d.qty,
      updated_by: w.userId,
    })
    .onConflict((oc) =>
      oc
        .columns(['company_id', 'store_id', 'product_id'])
        .doUpdateSet({ qty: d.qty, updated_at: w.at, updated_by: w.userId }),
    )
    .execute();
}

export async function upsertRegionDemand(db: Db, w: Who, d: { region: string; productId: string; qty: number }) {
  await db
    .insertInto('region_demand')
    .values({
      company_id: w.companyId,
      region: d.region,
      product_id: d.productId,
      qty: d.qty,
      updated_by: w.userId,
    })
    .onConflict((oc) =>
      oc
        .columns(['company_id', 'region', 'product_id'])
        .doUpdateSet({ qty: d.qty, updated_at: w.at, updated_by: w.userId }),
    )
    .execute();
}

/** SKU → product id of the company's products (to read an import). */
export async function productIdsBySku(db: Db, companyId: string) {
  const rows = await db.selectFrom('products').select(['id', 'sku']).where('company_id', '=', companyId).execute();
  return new Map(rows.map((p) => [p.sku, p.id]));
}

// What the allocation engine's input reads of stores and demand.

export function activeStores(db: Db, companyId: string) {
  return db
    .selectFrom('stores')
    .select(['id', 'code', 'region', 'class', 'kind'])
    .where('company_id', '=', companyId)
    .where('active', '=', true)
    .orderBy('code')
    .execute();
}

export function openStoreDemand(db: Db, companyId: string) {
  return db
    .selectFrom('store_demand as d')
    .innerJoin('stores as s', (j) => j.onRef('s.company_id', '=', 'd.company_id').onRef('s.id', '=', 'd.store_id'))
    .select(['s.code', 'd.product_id', 'd.qty'])
    .where('d.company_id', '=', companyId)
    .where('s.active', '=', true)
    .where('d.qty', '>', 0)
    .orderBy('s.code')
    .execute();
}

export function openRegionDemand(db: Db, companyId: string) {
  return db
    .selectFrom('region_demand')
    .select(['region', 'product_id', 'qty'])
    .where('company_id', '=', companyId)
    .where('qty', '>', 0)
    .orderBy('region')
    .execute();
}
