import type { ColumnType, Generated } from 'kysely';

export type ContractStatus = 'draft' | 'in_review' | 'approved' | 'signed' | 'completed' | 'closed';
export type ContractStage = 'legal' | 'finance' | 'gm';

type Json<T> = ColumnType<T, string, string>;

/** A clause as the contract keeps it: rendered from the company's template at drafting, editable while draft. */
export type ContractClause = { code: string; title: string; body: string; titleEn?: string; bodyEn?: string };

/** 合同条款模板: the company's standard clauses, {placeholders} filled in at drafting. */
export interface ContractClauseTemplatesTable {
  company_id: string;
  code: string;
  title: string;
  title_en: string;
  body: string;
  body_en: string;
  sort: number;
  /** Retired templates stay for the record; new drafts leave them out. */
  retired_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  updated_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  updated_by: ColumnType<string | null, string | null | undefined, string | null>;
}

/** 销售合同 */
export interface ContractsTable {
  company_id: string;
  id: Generated<string>;
  number: string;
  quotation_id: string | null;
  customer_id: string;
  customer_po: string;
  status: ColumnType<ContractStatus, ContractStatus | undefined, ContractStatus>;
  stage: ContractStage | null;
  stage_due_at: Date | null;
  review_round: ColumnType<number, number | undefined, number>;
  source: string;
  total: string;
  payment_method: string | null;
  payment_days: number;
  expected_delivery_date: string | null;
  remarks: string;
  clauses: Json<ContractClause[]>;
  /** 外贸: copied from the quotation. */
  currency: ColumnType<string, string | undefined, string>;
  exchange_rate: ColumnType<string, string | undefined, string>;
  export: ColumnType<boolean, boolean | undefined, boolean>;
  trade_term: ColumnType<string | null, string | null | undefined, string | null>;
  port_of_loading: ColumnType<string | null, string | null | undefined, string | null>;
  port_of_destination: ColumnType<string | null, string | null | undefined, string | null>;
  container_type: ColumnType<string | null, string | null | undefined, string | null>;
  container_count: ColumnType<number | null, number | null | undefined, number | null>;
  packing: ColumnType<string, string | undefined, string>;
  /** 逾期利息 of this contract's receivables, basis points a day; null: the customer's rate applies. */
  overdue_interest_bp: ColumnType<number | null, number | null | undefined, number | null>;
  /** 提前终止: why the contract was closed before it was fully called off. */
  close_reason: ColumnType<string | null, string | null | undefined, string | null>;
  sign_scan_id: string | null;
  company_signed_by: string | null;
  company_signed_at: Date | null;
  company_signed_ip: string | null;
  customer_signed_by: string | null;
  customer_signed_at: Date | null;
  customer_signed_ip: string | null;
  created_at: Date;
  created_by: string;
  updated_at: Date;
  updated_by: string;
}

export interface ContractLinesTable {
  company_id: string;
  contract_id: string;
  line_no: number;
  product_id: string;
  sku: string;
  name: string;
  spec: string;
  unit: string;
  qty: number;
  unit_price: string;
  amount: string;
  called_qty: ColumnType<number, number | undefined, number>;
}

/** One review stage of a round: started with its due time, then decided (approve, or reject with the reason). */
export interface ContractReviewsTable {
  company_id: string;
  contract_id: string;
  round: number;
  stage: ContractStage;
  started_at: Date;
  due_at: Date;
  decision: 'approve' | 'reject' | null;
  reason: string | null;
  decided_by: string | null;
  decided_at: Date | null;
}
