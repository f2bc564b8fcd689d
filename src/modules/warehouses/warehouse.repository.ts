import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database';
import { fetchPage, likePattern } from '../../lib/paging';
import type { WarehousesTable } from './warehouse.table';
import type { ListWarehousesQuery } from './warehouse.schemas';

const columns = [
  'id',
  'code',
  'name',
  'kind',
  'address',
  'active',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
] as const;

export function findWarehouse(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('warehouses')
    .select(columns)
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listWarehouses(db: Db, companyId: string, q: ListWarehousesQuery) {
  let query = db.selectFrom('warehouses').select(columns).where('company_id', '=', companyId);
  if (q.q)
    query = query.where((eb) =>
      eb.or([eb('code', 'ilike', likePattern(q.q!)), eb('name', 'ilike', likePattern(q.q!))]),
    );
  if (q.active !== undefined) query = query.where('active', '=', q.active);
  return fetchPage(query, q, { code: 'code', name: 'name', kind: 'kind' }, 'code');
}

export function allWarehouses(db: Db, companyId: string) {
  return db.selectFrom('warehouses').select(columns).where('company_id', '=', companyId).orderBy('code').execute();
}

export function insertWarehouse(db: Db, row: Insertable<WarehousesTable>) {
  return db.insertInto('warehouses').values(row).returning(columns).executeTakeFirstOrThrow();
}

export function updateWarehouse(db: Db, companyId: string, id: string, patch: Updateable<WarehousesTable>) {
  return db
    .updateTable('warehouses')
    .set(patch)
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirst();
}
