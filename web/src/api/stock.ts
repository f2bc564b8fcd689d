// 库存: stock per warehouse and product, and its movements.
import { call, urlOf, type BodyOf, type Page } from './client';
import type { Warehouse } from './warehouses';
import type { QuarantineRow } from './returns';

export type StockRow = {
  productId: string;
  sku: string;
  productName: string;
  spec: string;
  unit: string;
  warehouseId: string;
  warehouseCode: string;
  warehouseName: string;
  onHand: number;
  reserved: number;
  available: number;
  updatedAt: string;
};

export type Movement = {
  id: string;
  at: string;
  kind: string;
  sku: string;
  productName: string;
  warehouseCode: string;
  onHandDelta: number;
  reservedDelta: number;
  reason: string;
  reference: string;
  actorName: string;
};

export type StockReceiptBody = BodyOf<'POST /api/stock/receipts'>;
export type StockAdjustmentBody = BodyOf<'POST /api/stock/adjustments'>;

export const stockApi = {
  /** The paged balances, for ServerTable. */
  balancesUrl: urlOf('GET /api/stock'),
  balancesExportUrl: urlOf('GET /api/stock/export.xlsx'),
  movementsUrl: urlOf('GET /api/stock/movements'),
  /** Warehouses and products to pick in the posting form (RemoteSelect). */
  warehousesUrl: urlOf('GET /api/warehouses'),
  productsUrl: urlOf('GET /api/products'),
  /** The first 100 warehouses, for the quarantine filter. */
  warehouses: (): Promise<Page<Warehouse>> => call('GET /api/warehouses', { query: { pageSize: 100 } }),
  /** Returned goods held in quarantine, per warehouse. */
  quarantine: (warehouse?: string): Promise<QuarantineRow[]> =>
    call('GET /api/returns/quarantine', { query: warehouse ? { warehouse } : {} }),
  receive: (body: StockReceiptBody): Promise<unknown> => call('POST /api/stock/receipts', { body }),
  adjust: (body: StockAdjustmentBody): Promise<unknown> => call('POST /api/stock/adjustments', { body }),
};
