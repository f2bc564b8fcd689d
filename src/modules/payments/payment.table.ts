import type { Generated } from 'kysely';

/** Money received (收款); a correction is a reversing receipt with the opposite amount. */
export interface CustomerReceiptsTable {
  company_id: string;
  id: Generated<string>;
  customer_id: string;
  amount: string;
  received_on: string;
  method: string;
  reference: string;
  reverses_id: string | null;
  created_at: Generated<Date>;
  created_by: string;
}
/** Part of a receipt applied to an order; unapplying is a negative row, never an edit. */
export interface ReceiptApplicationsTable {
  company_id: string;
  id: Generated<string>;
  receipt_id: string;
  order_id: string;
  amount: string;
  created_at: Generated<Date>;
  created_by: string;
}
export interface LettersOfCreditTable {
  company_id: string;
  id: Generated<string>;
  order_id: string;
  number: string;
  amount: string;
  expiry_date: string;
  latest_shipment_date: string;
  checked_by: string;
  checked_at: Generated<Date>;
}
