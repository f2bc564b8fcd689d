import type { ColumnType, Generated } from 'kysely';

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
  /** The receipt's currency, the RMB per unit it was converted at, and its RMB amount (amount × rate, half-up). */
  currency: Generated<string>;
  exchange_rate: Generated<string>;
  amount_rmb: string;
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
  /** Who checked the current version and when (a credit recorded by finance is checked when recorded). */
  checked_by: string | null;
  checked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** received → checked_ok | discrepant; an amendment makes a new version, received again. */
  status: Generated<string>;
  currency: Generated<string>;
  version: Generated<number>;
  documents_required: ColumnType<string[], string | undefined, string>;
  discrepancies: ColumnType<string[], string | undefined, string>;
  received_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
}
