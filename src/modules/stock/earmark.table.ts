import type { ColumnType, Generated } from 'kysely';

/**
 * Stock earmarked for a customer (备货预留): prepared for them by a prep request. Their later orders take it first;
 * no other customer's reservation may take it while `remaining` lasts.
 */
export interface StockEarmarksTable {
  company_id: string;
  id: Generated<string>;
  warehouse_id: string;
  product_id: string;
  customer_id: string;
  prep_request_id: string | null;
  qty: number;
  remaining: number;
  created_at: Date;
  flagged_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}
