import type { ColumnType, Generated } from 'kysely';

export type PrepKind = 'stock' | 'material';
export type PrepRequestStatus = 'pending_director' | 'pending_gm' | 'approved' | 'rejected' | 'prepared';

/** 备货 · 备料: stock or material prepared without a sales order, on a forecast. */
export interface PrepRequestsTable {
  company_id: string;
  id: Generated<string>;
  number: string;
  kind: PrepKind;
  status: PrepRequestStatus;
  customer_id: string | null;
  warehouse_id: string;
  note: string;
  expected_date: string;
  amount: string;
  requested_by: string;
  decided_by: ColumnType<string | null, string | null | undefined, string | null>;
  decided_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  decision_reason: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Date;
}

export interface PrepRequestLinesTable {
  company_id: string;
  prep_request_id: string;
  line_no: number;
  product_id: string;
  qty: number;
  standard_cost: string;
}
