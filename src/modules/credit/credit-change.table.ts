import type { ColumnType, Generated } from 'kysely';
import type { PaymentMethod } from '../customers/customer.table';

export type CreditChangeStatus = 'requested' | 'approved' | 'rejected';
export type CreditField = 'credit_limit' | 'payment_method' | 'payment_days';

/** A request to change a customer's credit terms (信用变更申请), decided by a credit controller. */
export interface CreditChangeRequestsTable {
  company_id: string;
  id: Generated<string>;
  customer_id: string;
  status: CreditChangeStatus;
  old_credit_limit: string;
  new_credit_limit: string | null;
  old_payment_method: PaymentMethod;
  new_payment_method: PaymentMethod | null;
  old_payment_days: number;
  new_payment_days: number | null;
  reason: string;
  requested_by: string;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: ColumnType<string, string | undefined, string>;
}

/** One field of a customer's credit terms changed: old and new value, who, when and why. Append-only. */
export interface CustomerCreditChangesTable {
  company_id: string;
  id: Generated<string>;
  customer_id: string;
  field: CreditField;
  old_value: string;
  new_value: string;
  reason: string;
  changed_by: string;
  changed_at: Date;
  request_id: string | null;
}
