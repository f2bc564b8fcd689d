import type { Generated } from 'kysely';

export type CallbackStatus = 'open' | 'done';
export interface CallbacksTable {
  company_id: string;
  id: Generated<string>;
  order_id: string;
  shipment_id: string;
  due_at: Date;
  status: CallbackStatus;
  outcome: 'ok' | 'problem' | null;
  notes: string;
  done_by: string | null;
  done_at: Date | null;
}
export type ComplaintStatus = 'open' | 'resolved' | 'closed';
export interface ComplaintsTable {
  company_id: string;
  id: Generated<string>;
  order_id: string;
  callback_id: string | null;
  type: 'short' | 'damage' | 'wrong_item' | 'quality' | 'late';
  description: string;
  status: ComplaintStatus;
  due_at: Date;
  late_at: Date | null;
  resolution: 'reship' | 'return' | 'allowance' | null;
  amount: string | null;
  replacement_order_id: string | null;
  return_request_id: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
  close_result: string | null;
  /** The customer's satisfaction when the complaint was closed, 1 (very unhappy) to 5 (very happy). */
  satisfaction: number | null;
  closed_by: string | null;
  closed_at: Date | null;
  created_by: string;
  created_at: Generated<Date>;
}
export type ReturnRequestStatus = 'requested' | 'approved' | 'rejected' | 'closed';
export interface ReturnRequestsTable {
  company_id: string;
  id: Generated<string>;
  order_id: string;
  complaint_id: string | null;
  reason: string;
  status: ReturnRequestStatus;
  created_by: string;
  created_at: Generated<Date>;
}
export interface InvoicesTable {
  company_id: string;
  id: Generated<string>;
  order_id: string;
  number: string;
  issued_on: string;
  amount: string;
  tax_rate: string;
  type: 'normal' | 'special' | 'digital';
  outbound_voucher: string;
  created_by: string;
  created_at: Generated<Date>;
}
