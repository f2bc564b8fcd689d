// 分货 · 门店与需求 · 预留: allocation runs over a receipt, the stores' demand and the held reservations.
import { apiLanguage, call, urlOf, type BodyOf, type QueryOf } from './client';

export type Store = {
  id: string;
  code: string;
  name: string;
  region: string;
  class: string;
  kind: string;
  active: boolean;
};
export type Demand = {
  stores: { storeId: string; storeCode: string; region: string; sku: string; qty: number }[];
  regions: { region: string; sku: string; qty: number }[];
};
/** One row of a run: units to one target, the rule that decided it and why (in both languages). */
export type AllocationRow = {
  sku: string;
  to: { kind: string; id: string };
  qty: number;
  status: string;
  rule: string;
  fundsUsed?: string;
  creditUsed?: string;
  expiresOn?: string;
  explain: { 'zh-CN': string; en: string };
};
export type AllocationRun = { id?: string; rows: AllocationRow[]; totals: Record<string, number>; replayed?: boolean };
export type Receipt = { id: string; reference: string; createdAt: string; runId: string | null };
export type RunInput = BodyOf<'POST /api/allocation/runs'>;
export type StoreInput = BodyOf<'POST /api/stores'>;
export type Reservation = {
  id: string;
  customerCode: string;
  customerName: string;
  orderId: string;
  orderNumber: string;
  sku: string;
  qty: number;
  unitPrice: string;
  expiresOn: string;
  status: string;
  daysLeft: number | null;
  /** What I may do with it now, from the server. */
  actions: string[];
};
export type ReservationStatus = NonNullable<QueryOf<'GET /api/allocation/reservations'>['status']>;

export const allocationApi = {
  receipts: (): Promise<Receipt[]> => call('GET /api/allocation/receipts'),
  /** What a run would do; changes nothing. */
  preview: (body: RunInput): Promise<AllocationRun> => call('POST /api/allocation/preview', { body }),
  commit: (body: RunInput): Promise<AllocationRun> => call('POST /api/allocation/runs', { body }),
  runExportUrl: (id: string) =>
    urlOf('GET /api/allocation/runs/{id}/export.xlsx', { params: { id }, query: { lang: apiLanguage() } }),
  reservations: (status?: ReservationStatus): Promise<Reservation[]> =>
    call('GET /api/allocation/reservations', { query: { status } }),
  release: (id: string): Promise<unknown> => call('POST /api/allocation/reservations/{id}/release', { params: { id } }),
};

export const storesApi = {
  list: (): Promise<Store[]> => call('GET /api/stores'),
  create: (body: StoreInput): Promise<Store> => call('POST /api/stores', { body }),
  demand: (): Promise<Demand> => call('GET /api/allocation/demand'),
  addDemand: (body: BodyOf<'POST /api/allocation/demand'>): Promise<Demand> =>
    call('POST /api/allocation/demand', { body }),
  demandExportUrl: () => urlOf('GET /api/allocation/demand/export.xlsx', { query: { lang: apiLanguage() } }),
  demandImportUrl: urlOf('POST /api/allocation/demand/import'),
};
