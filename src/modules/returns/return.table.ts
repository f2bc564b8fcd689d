import type { ColumnType, Generated } from 'kysely';

export type ReturnStatus =
  | 'requested'
  | 'approved'
  | 'rejected'
  | 'awaiting_goods'
  | 'received'
  | 'inspected'
  | 'refund_pending'
  | 'exchange'
  | 'refunded'
  | 'closed';
export type ReturnReason = 'quality' | 'wrong_item' | 'damage' | 'changed_mind' | 'other';

/** The policy a return was checked against when it was requested (退货政策). */
export type ReturnPolicy = {
  days: number;
  daysSinceDelivery: number | null;
  withinDays: boolean;
  lines: { lineNo: number; returnable: boolean; feePercent: string }[];
  inPolicy: boolean;
};

/** 退货单 (table return_requests, 0004 + 0012). */
export interface ReturnsTable {
  company_id: string;
  id: Generated<string>;
  number: Generated<string>;
  order_id: string;
  complaint_id: string | null;
  reason: string;
  status: ReturnStatus;
  note: Generated<string>;
  policy: ColumnType<ReturnPolicy | null, string | null, string | null>;
  review_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  ship_method: 'pickup' | 'customer_sends' | null;
  carrier: string | null;
  tracking_no: string | null;
  received_by: string | null;
  received_at: Date | null;
  warehouse_id: string | null;
  inspected_by: string | null;
  inspected_at: Date | null;
  refund_amount: string | null;
  refund_approved_by: string | null;
  refund_approved_at: Date | null;
  credit_amount: string | null;
  refund_paid: string | null;
  refund_receipt_id: string | null;
  invoice_reversal_id: string | null;
  refunded_by: string | null;
  refunded_at: Date | null;
  replacement_order_id: string | null;
  closed_at: Date | null;
  created_by: string;
  created_at: Generated<Date>;
}
/** A returned order line: requested quantity and reason; good and defective units once inspected. */
export interface ReturnLinesTable {
  company_id: string;
  return_id: string;
  line_no: number;
  product_id: string;
  qty: number;
  reason: ReturnReason;
  unit_price: string;
  returnable: boolean;
  fee_percent: string;
  good: number | null;
  defective: number | null;
}
/** 隔离区: defective returned units. Not stock: allocation and reservation read stock_balances only. */
export interface QuarantineBalancesTable {
  company_id: string;
  warehouse_id: string;
  product_id: string;
  qty: number;
}
export interface QuarantineMovementsTable {
  company_id: string;
  id: Generated<string>;
  warehouse_id: string;
  product_id: string;
  qty_delta: number;
  reason: Generated<string>;
  reference: string;
  return_id: string | null;
  actor_id: string;
  at: Generated<Date>;
}
/** 红字发票信息表: a reversal of (part of) an issued invoice; the invoice itself is never edited. */
export interface InvoiceReversalsTable {
  company_id: string;
  id: Generated<string>;
  invoice_id: string;
  return_id: string;
  red_letter_number: string;
  amount: string;
  issued_on: string;
  created_by: string;
  created_at: Generated<Date>;
}
