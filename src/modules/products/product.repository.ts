import { sql } from 'kysely';
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database';
import { fetchPage, likePattern } from '../../lib/paging';
import type { ProductsTable } from './product.table';
import type { ListProductsQuery } from './product.schemas';

const columns = [
  'id',
  'sku',
  'name',
  'spec',
  'unit',
  'list_price',
  'standard_cost',
  'seasonal',
  'launch_priority',
  'allocated',
  'returnable',
  'active',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
] as const;
const sortable = {
  sku: 'sku',
  name: 'name',
  listPrice: 'list_price',
  launchPriority: 'launch_priority',
  updatedAt: 'updated_at',
};

export function findProduct(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('products')
    .select(columns)
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findProductsByIds(db: Db, companyId: string, ids: string[]) {
  return db
    .selectFrom('products')
    .select(columns)
    .where('company_id', '=', companyId)
    .where('id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000'])
    .execute();
}

export function listProducts(db: Db, companyId: string, q: ListProductsQuery) {
  let query = db.selectFrom('products').select(columns).where('company_id', '=', companyId);
  if (q.q) {
    const p = likePattern(q.q);
    query = query.where((eb) => eb.or([eb('sku', 'ilike', p), eb('name', 'ilike', p), eb('spec', 'ilike', p)]));
  }
  if (q.active !== undefined) query = query.where('active', '=', q.active);
  if (q.seasonal !== undefined) query = query.where('seasonal', '=', q.seasonal);
  return fetchPage(query, q, sortable, 'sku');
}

export function allProducts(db: Db, companyId: string) {
  return db.selectFrom('products').select(columns).where('company_id', '=', companyId).orderBy('sku').execute();
}

export function insertProducts(db: Db, rows: Insertable<ProductsTable>[]) {
  return db.insertInto('products').values(rows).returning(columns).execute();
}

export function updateProduct(db: Db, companyId: string, id: string, patch: Updateable<ProductsTable>) {
  return db
    .updateTable('products')
    .set(patch)
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirst();
}

export function findTakenSkus(db: Db, companyId: string, skus: string[]) {
  return db
    .selectFrom('products')
    .select('sku')
    .where('company_id', '=', companyId)
    .where('sku', 'in', skus.length ? skus : [''])
    .execute();
}

/** Products by SKU, for an import naming them (one query for the whole file). */
export function findProductsBySkus(db: Db, companyId: string, skus: string[]) {
  return db
    .selectFrom('products')
    .select(columns)
    .where('company_id', '=', companyId)
    .where('sku', '=', sql<string>`any(${skus}::text[])`)
    .execute();
}
