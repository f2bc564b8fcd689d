import type { Generated } from 'kysely';

/** What a customer owes (应收), from a shipment or a monthly statement; an allowance is a negative one. */
export interface ReceivablesTable {
  company_id: string;
  id: Generated<string>;
  customer_id: string;
  order_id: string | null;
  shipment_id: string | null;
  period: string | null;
  kind: 'shipment' | 'statement' | 'allowance' | 'return_credit';
  amount: string;
  due_date: string;
  reminded_at: Date | null;
  /** When subscribers were told it became overdue (once). */
  overdue_published_at: Generated<Date | null>;
  created_at: Generated<Date>;
}

/** A 月结 statement issued for one closed period (sent to the customer once). */
export interface CustomerStatementsTable {
  company_id: string;
  id: Generated<string>;
  customer_id: string;
  period: string;
  from_date: string;
  to_date: string;
  amount: string;
  due_date: string;
  closing_balance: string;
  issued_at: Generated<Date>;
}
