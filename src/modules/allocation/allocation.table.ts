import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

export interface GoodsReceiptsTable {
  company_id: string;
  id: Generated<string>;
  warehouse_id: string;
  reference: string;
  created_at: Generated<Date>;
  created_by: string;
}
export interface StoresTable {
  company_id: string;
  id: Generated<string>;
  code: string;
  name: string;
  region: string;
  class: 'A' | 'B' | 'C';
  kind: 'direct' | 'joint';
  active: Generated<boolean>;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  updated_by: string | null;
}
export interface StoreDemandTable {
  company_id: string;
  store_id: string;
  product_id: string;
  qty: number;
  updated_at: Generated<Date>;
  updated_by: string | null;
}
export interface RegionDemandTable {
  company_id: string;
  region: string;
  product_id: string;
  qty: number;
  updated_at: Generated<Date>;
  updated_by: string | null;
}
/** Balance per franchisee; always equal to the sum of its ledger rows. */
export interface FranchiseeBalancesTable {
  company_id: string;
  customer_id: string;
  funds: string;
  credit: string;
  updated_at: Generated<Date>;
}
export interface FranchiseeLedgerTable {
  company_id: string;
  id: Generated<string>;
  customer_id: string;
  funds_delta: string;
  credit_delta: string;
  kind: 'payment' | 'credit_limit' | 'shipment' | 'correction' | 'import';
  reason: string;
  reference: string;
  actor_id: string;
  at: Generated<Date>;
}
export interface AllocationRunsTable {
  company_id: string;
  id: Generated<string>;
  receipt_id: string | null;
  warehouse_id: string;
  season: string;
  policy: Json<Record<string, unknown>>;
  input: Json<unknown>;
  result: Json<unknown>;
  created_at: Generated<Date>;
  created_by: string;
}
export interface AllocationReservationsTable {
  company_id: string;
  id: Generated<string>;
  run_id: string;
  customer_id: string;
  order_id: string;
  line_no: number;
  product_id: string;
  warehouse_id: string;
  qty: number;
  unit_price: string;
  expires_on: string;
  status: 'held' | 'converted' | 'expired' | 'released';
  closed_at: Date | null;
  created_at: Generated<Date>;
}
export interface PickListsTable {
  company_id: string;
  id: Generated<string>;
  run_id: string | null;
  warehouse_id: string;
  target_kind: 'franchisee' | 'store' | 'region';
  target_id: string;
  target_name: string;
  status: 'open' | 'posted' | 'cancelled';
  posted_at: Date | null;
  posted_by: string | null;
  created_at: Generated<Date>;
}
export interface PickListLinesTable {
  company_id: string;
  pick_list_id: string;
  line_no: number;
  product_id: string;
  qty: number;
  order_id: string | null;
  order_line_no: number | null;
  unit_price: string | null;
}
