import type { ColumnType, Generated } from 'kysely';

export type InquiryStatus = 'open' | 'quoted' | 'declined';
export type QuotationStatus = 'draft' | 'in_review' | 'approved' | 'sent' | 'accepted' | 'declined' | 'expired';

export type PriceSource = 'customer_price' | 'customer_discount' | 'list_price' | 'manual' | 'unmatched';

type Json<T> = ColumnType<T, string, string>;

/** What the customer asked for: a product of the catalogue or a free description, spec and quantity. */
export type InquiryLine = { productId?: string; description?: string; spec?: string; unit?: string; qty: number };
/** A cost of the whole quotation beyond the products' standard cost (packing, freight, tooling). */
export type ExtraCost = { kind: 'packing' | 'freight' | 'tooling' | 'other'; amount: string; note?: string };
/** One thing a revision changed: a term, or a line's quantity or price (line: its SKU). */
export type QuotationChange = {
  field: string;
  line?: string;
  from: string | number | null;
  to: string | number | null;
};
/** The terms of one version, kept as they were when the version was made. */
export type QuotationTerms = {
  validUntil: string;
  expectedDeliveryDate: string | null;
  paymentMethod: string | null;
  paymentDays: number;
  packingTerms: string;
  remarks: string;
  extraCosts: ExtraCost[];
  total: string;
  costTotal: string;
};

/** 询盘 */
export interface InquiriesTable {
  company_id: string;
  id: Generated<string>;
  number: string;
  customer_id: string;
  source: string;
  handler_id: string;
  description: string;
  lines: Json<InquiryLine[]>;
  wanted_date: string | null;
  payment_terms: string;
  packing_terms: string;
  status: ColumnType<InquiryStatus, InquiryStatus | undefined, InquiryStatus>;
  decline_reason: string | null;
  created_at: Date;
  created_by: string;
}

/** 报价单: the current version's terms; each version's lines and changes are kept beside it. */
export interface QuotationsTable {
  company_id: string;
  id: Generated<string>;
  number: string;
  inquiry_id: string | null;
  customer_id: string;
  status: ColumnType<QuotationStatus, QuotationStatus | undefined, QuotationStatus>;
  version: ColumnType<number, number | undefined, number>;
  source: string;
  valid_until: string;
  expected_delivery_date: string | null;
  payment_method: string | null;
  payment_days: number;
  packing_terms: string;
  remarks: string;
  extra_costs: Json<ExtraCost[]>;
  total: string;
  cost_total: string;
  approval_reasons: Json<string[]>;
  /** 外贸: amounts are in `currency`; `exchange_rate` is RMB per unit on the quotation's date. */
  currency: ColumnType<string, string | undefined, string>;
  exchange_rate: ColumnType<string, string | undefined, string>;
  export: ColumnType<boolean, boolean | undefined, boolean>;
  trade_term: ColumnType<string | null, string | null | undefined, string | null>;
  port_of_loading: ColumnType<string | null, string | null | undefined, string | null>;
  port_of_destination: ColumnType<string | null, string | null | undefined, string | null>;
  container_type: ColumnType<string | null, string | null | undefined, string | null>;
  container_count: ColumnType<number | null, number | null | undefined, number | null>;
  decline_reason: string | null;
  review_note: string | null;
  order_id: string | null;
  sent_at: Date | null;
  accepted_at: Date | null;
  created_at: Date;
  created_by: string;
  updated_at: Date;
  updated_by: string;
}

export interface QuotationVersionsTable {
  company_id: string;
  quotation_id: string;
  version: number;
  terms: Json<QuotationTerms>;
  changes: Json<QuotationChange[]>;
  note: string;
  created_at: Date;
  created_by: string;
}

export interface QuotationLinesTable {
  company_id: string;
  quotation_id: string;
  version: number;
  line_no: number;
  /** Empty while the line is an inquiry's free description not yet matched to a product. */
  product_id: string | null;
  sku: string;
  name: string;
  spec: string;
  unit: string;
  qty: number;
  unit_price: string;
  list_price: string;
  standard_cost: string;
  amount: string;
  extra_cost: string;
  remark: string;
  /** Where the price came from: the customer's price, its discount, the list price, typed, or still unmatched. */
  price_source: ColumnType<PriceSource, PriceSource | undefined, PriceSource>;
  /** The price the customer was entitled to (the quotation's currency): the director's discount check is against it. */
  entitled_price: ColumnType<string | null, string | null | undefined, string | null>;
}
