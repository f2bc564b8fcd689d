import type { Selectable } from 'kysely';
import type { Env } from '../../lib/env';
import type { Db } from '../../db/database';
import { AppError, type Lang } from '../../lib/errors';
import { isUniqueViolation } from '../../lib/db-errors';
import { localXlsx, nameOf } from '../../lib/local-sheet';
import { warehouseKindLabels } from './warehouse.labels';
import type { Actor } from '../auth/auth.service';
import * as repo from './warehouse.repository';
import type { WarehousesTable } from './warehouse.table';
import type { CreateWarehouseInput, ListWarehousesQuery, UpdateWarehouseInput } from './warehouse.schemas';

export const warehouseRowToWarehouse = (r: Omit<Selectable<WarehousesTable>, 'company_id'>) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  address: r.address,
  active: r.active,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export async function createWarehouse(db: Db, actor: Actor, input: CreateWarehouseInput) {
  try {
    const row = await repo.insertWarehouse(db, {
      company_id: actor.companyId,
      ...input,
      created_by: actor.userId,
      updated_by: actor.userId,
    });
    return warehouseRowToWarehouse(row);
  } catch (err) {
    if (isUniqueViolation(err, 'warehouses_company_id_code_key'))
      throw new AppError('WAREHOUSE.CODE_TAKEN', { code: input.code });
    throw err;
  }
}

export async function getWarehouse(db: Db, actor: Actor, id: string) {
  const row = await repo.findWarehouse(db, actor.companyId, id);
  if (!row) throw new AppError('WAREHOUSE.NOT_FOUND');
  return warehouseRowToWarehouse(row);
}

export async function listWarehouses(db: Db, actor: Actor, q: ListWarehousesQuery) {
  const page = await repo.listWarehouses(db, actor.companyId, q);
  return { ...page, items: page.items.map(warehouseRowToWarehouse) };
}

export async function updateWarehouse(db: Db, actor: Actor, env: Env, id: string, input: UpdateWarehouseInput) {
  const row = await repo.updateWarehouse(db, actor.companyId, id, {
    ...input,
    updated_at: env.now,
    updated_by: actor.userId,
  });
  if (!row) throw new AppError('WAREHOUSE.NOT_FOUND');
  return warehouseRowToWarehouse(row);
}

export async function exportWarehouses(db: Db, actor: Actor, lang: Lang) {
  const rows = (await repo.allWarehouses(db, actor.companyId)).map(warehouseRowToWarehouse);
  return localXlsx(
    { zh: '仓库', en: 'Warehouses' },
    [
      { key: 'code', header: { zh: '编码', en: 'Code' } },
      { key: 'name', header: { zh: '名称', en: 'Name' }, width: 24 },
      { key: 'kind', header: { zh: '类型', en: 'Kind' } },
      { key: 'address', header: { zh: '地址', en: 'Address' }, width: 40 },
      { key: 'active', header: { zh: '启用', en: 'Active' } },
    ],
    rows.map((w) => ({ ...w, kind: nameOf(warehouseKindLabels, w.kind, lang), active: w.active ? 'Y' : 'N' })),
    lang,
  );
}
