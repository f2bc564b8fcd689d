import type { Selectable } from 'kysely';
import type { Env } from '../../lib/env';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import { isUniqueViolation } from '../../lib/db-errors';
import type { Actor } from '../auth/auth.service';
import * as repo from './product.repository';
import type { ProductsTable } from './product.table';
import type { CreateProductInput, ListProductsQuery, UpdateProductInput } from './product.schemas';

export function productRowToProduct(row: Omit<Selectable<ProductsTable>, 'company_id'>) {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    spec: row.spec,
    unit: row.unit,
    listPrice: row.list_price,
    standardCost: row.standard_cost,
    seasonal: row.seasonal,
    launchPriority: row.launch_priority,
    allocated: row.allocated,
    returnable: row.returnable,
    active: row.active,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}
export type Product = ReturnType<typeof productRowToProduct>;

const skuTaken = (err: unknown, sku?: string) =>
  isUniqueViolation(err, 'products_company_id_sku_key') ? new AppError('PRODUCT.SKU_TAKEN', { sku: sku ?? '' }) : err;

export const productInsertRow = (actor: Actor, p: CreateProductInput) => ({
  company_id: actor.companyId,
  sku: p.sku,
  name: p.name,
  spec: p.spec,
  unit: p.unit,
  list_price: p.listPrice,
  standard_cost: p.standardCost,
  seasonal: p.seasonal,
  launch_priority: p.launchPriority,
  allocated: p.allocated,
  returnable: p.returnable,
  created_by: actor.userId,
  updated_by: actor.userId,
});

export async function createProduct(db: Db, actor: Actor, input: CreateProductInput): Promise<Product> {
  try {
    const [row] = await repo.insertProducts(db, [productInsertRow(actor, input)]);
    return productRowToProduct(row);
  } catch (err) {
    throw skuTaken(err, input.sku);
  }
}

export async function getProduct(db: Db, actor: Actor, id: string): Promise<Product> {
  const row = await repo.findProduct(db, actor.companyId, id);
  if (!row) throw new AppError('PRODUCT.NOT_FOUND');
  return productRowToProduct(row);
}

export async function listProducts(db: Db, actor: Actor, q: ListProductsQuery) {
  const page = await repo.listProducts(db, actor.companyId, q);
  return { ...page, items: page.items.map(productRowToProduct) };
}

export async function updateProduct(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  input: UpdateProductInput,
): Promise<Product> {
  try {
    const row = await repo.updateProduct(db, actor.companyId, id, {
      sku: input.sku,
      name: input.name,
      spec: input.spec,
      unit: input.unit,
      list_price: input.listPrice,
      standard_cost: input.standardCost,
      seasonal: input.seasonal,
      launch_priority: input.launchPriority,
      allocated: input.allocated,
      returnable: input.returnable,
      active: input.active,
      updated_at: env.now,
      updated_by: actor.userId,
    });
    if (!row) throw new AppError('PRODUCT.NOT_FOUND');
    return productRowToProduct(row);
  } catch (err) {
    throw skuTaken(err, input.sku);
  }
}
