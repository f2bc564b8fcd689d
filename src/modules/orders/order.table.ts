import type { ColumnType, Generated } from 'kysely';
import type { Address, Contact } from '../customers/customer.table';

export type OrderStatus =
  | 'draft'
  | 'in_review'
  | 'rejected'
  | 'awaiting_confirmation'
  | 'confirmed'
  | 'in_fulfillment'
  | 'partially_shipped'
  | 'shipped'
  | 'delivered'
  | 'completed'
  | 'cancelled'
  | 'on_hold';
export type OrderSource = 'email' | 'crm' | 'fax' | 'phone' | 'ecommerce' | 'onsite' | 'import';
export type OrderType = 'standard' | 'sample' | 'replacement' | 'material_prep' | 'stock_prep';
export type FaultParty = 'company' | 'carrier' | 'customer';
export type Confirmation = {
  method: 'signature' | 'stamp' | 'electronic';
  attachmentId?: string;
  note?: string;
  /** Given in the customer portal: the client address it came from (who and when are in the history row). */
  portal?: { address: string };
};

type Json<T> = ColumnType<T, string, string>;

export interface OrdersTable {
  company_id: string;
  id: Generated<string>;
  number: string;
  status: OrderStatus;
  customer_id: string;
  contact: Json<Contact | null>;
  order_date: string;
  source: OrderSource;
  urgency: 'normal' | 'urgent';
  expected_delivery_date: string | null;
  delivery: Json<Address | null>;
  payment_method: string;
  payment_days: number;
  deposit_percent: string | null;
  order_type: OrderType;
  buyer_remark: string;
  seller_remark: string;
  customer_po: string;
  /** 要货订单: the sales contract this order calls off. */
  contract_id: ColumnType<string | null, string | null | undefined, string | null>;
  warehouse_id: string;
  total: Generated<string>;
  cost_total: Generated<string>;
  written_confirmation_missing: boolean;
  review_round: Generated<number>;
  registrar_id: string;
  submitted_at: Date | null;
  confirmed_at: Date | null;
  confirmed_by: string | null;
  confirmation: ColumnType<Confirmation | null, string | undefined, string | null>;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  /** Set once when an L/C order passes its check-by date without a valid credit. */
  lc_late_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** 短结: closed for the rest after a partial shipment; `closed_amount` is the value taken off the total. */
  short_closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  short_close_reason: ColumnType<string | null, string | null | undefined, string | null>;
  closed_amount: Generated<string>;
  /** 赔货: who is at fault, who bears the cost, why, and the order it replaces. */
  fault_party: ColumnType<FaultParty | null, FaultParty | null | undefined, FaultParty | null>;
  cost_bearer: ColumnType<FaultParty | null, FaultParty | null | undefined, FaultParty | null>;
  replacement_reason: ColumnType<string | null, string | null | undefined, string | null>;
  replaces_order_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** 外贸: the order's currency (its money columns are in it) and the RMB per unit of its order date. */
  currency: Generated<string>;
  exchange_rate: Generated<string>;
  export: Generated<boolean>;
  trade_term: ColumnType<string | null, string | null | undefined, string | null>;
  port_of_loading: ColumnType<string | null, string | null | undefined, string | null>;
  port_of_destination: ColumnType<string | null, string | null | undefined, string | null>;
  container_type: ColumnType<string | null, string | null | undefined, string | null>;
  container_count: ColumnType<number | null, number | null | undefined, number | null>;
  version: Generated<number>;
  /** 归档: set once the order is finished, paid and has nothing open; from then on it is read-only. */
  archived_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: Generated<Date>;
  created_by: string;
  updated_at: Generated<Date>;
  updated_by: string;
}

export interface OrderLinesTable {
  company_id: string;
  order_id: string;
  line_no: number;
  product_id: string;
  sku: string;
  name: string;
  spec: string;
  unit: string;
  qty: number;
  unit_price: string;
  amount: string;
  standard_cost: string;
  gift: boolean;
  reserved: number;
  backordered: number;
  shipped: number;
  /** Units that came back on inspected returns (退货); never more than shipped. */
  returned: Generated<number>;
  /** Units closed unshipped by a short-close (短结). */
  closed_qty: Generated<number>;
  /** Units in shipments still in the warehouse (kept by triggers, 0052): part of `reserved`, not yet shipped. */
  in_shipment: Generated<number>;
}

export interface OrderNumberCountersTable {
  company_id: string;
  customer_id: string;
  period: string;
  last_seq: number;
}
