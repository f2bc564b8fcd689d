import type { ColumnType, Generated } from 'kysely';

export type SampleLoanStatus = 'out' | 'returned' | 'written_off';

/** 免费样机: a shipped sample line, out with the customer until returned or written off. */
export interface SampleLoansTable {
  company_id: string;
  id: Generated<string>;
  order_id: string;
  order_line_no: number;
  shipment_id: string;
  customer_id: string;
  warehouse_id: string;
  product_id: string;
  qty: number;
  status: ColumnType<SampleLoanStatus, SampleLoanStatus | undefined, SampleLoanStatus>;
  out_at: Date;
  returned_at: Date | null;
  written_off_at: Date | null;
  closed_by: string | null;
  reason: string | null;
}
