// 仓库: the warehouse master data.
import { call, urlOf, type BodyOf } from './client';

export type Warehouse = { id: string; code: string; name: string; kind: string; address: string; active: boolean };

export type WarehouseInput = BodyOf<'POST /api/warehouses'>;
export type WarehouseChanges = BodyOf<'PATCH /api/warehouses/{id}'>;

export const warehousesApi = {
  /** The paged list, for ServerTable. */
  listUrl: urlOf('GET /api/warehouses'),
  exportUrl: urlOf('GET /api/warehouses/export.xlsx'),
  get: (id: string): Promise<Warehouse> => call('GET /api/warehouses/{id}', { params: { id } }),
  create: (body: WarehouseInput): Promise<Warehouse> => call('POST /api/warehouses', { body }),
  update: (id: string, body: WarehouseChanges): Promise<Warehouse> =>
    call('PATCH /api/warehouses/{id}', { params: { id }, body }),
};
