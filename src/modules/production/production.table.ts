import type { ColumnType, Generated } from 'kysely';

export type ProductionRequestStatus =
  'requested' | 'answered' | 'declined' | 'cancelled' | 'in_production' | 'in_stock';

/** A request to the planner for stock an order lacks (生产可行性), or for a prep request (备货 · 备料). */
export interface ProductionRequestsTable {
  company_id: string;
  id: Generated<string>;
  /** The order line short of stock; none for a prep request's line. */
  order_id: string | null;
  line_no: number | null;
  prep_request_id: ColumnType<string | null, string | null | undefined, string | null>;
  product_id: string;
  qty: number;
  status: ProductionRequestStatus;
  due_at: Date;
  completion_date: string | null;
  reason: string | null;
  answered_by: string | null;
  answered_at: Date | null;
  created_at: Generated<Date>;
  last_progress_at: Date | null;
  progress_flagged_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  progress_note: Generated<string>;
}
