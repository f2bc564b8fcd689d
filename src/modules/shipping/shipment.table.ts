import type { ColumnType, Generated } from 'kysely';
import type { Address } from '../customers/customer.table';

export type ShipmentStatus = 'to_pick' | 'picked' | 'rechecked' | 'packed' | 'shipped' | 'delivered' | 'cancelled';

export interface ShipmentsTable {
  company_id: string;
  id: Generated<string>;
  number: string;
  status: ShipmentStatus;
  warehouse_id: string;
  customer_id: string;
  consignee: ColumnType<Address, string, string>;
  carrier: string;
  tracking_no: string;
  pick_due_at: Date;
  picked_at: Date | null;
  shipped_at: Date | null;
  tracking_due_at: Date | null;
  tracking_entered_at: Date | null;
  delivered_at: Date | null;
  signed_by: string | null;
  last_event_at: Date | null;
  created_at: Generated<Date>;
  created_by: string;
}
export interface ShipmentLinesTable {
  company_id: string;
  shipment_id: string;
  line_no: number;
  order_id: string;
  order_line_no: number;
  product_id: string;
  qty: number;
  unit_price: string;
}
export interface CarrierRulesTable {
  company_id: string;
  region: string;
  carrier: string;
  /** Days the carrier takes to the region: the expected arrival in the shipping notice. */
  transit_days: Generated<number>;
}
export interface TrackingEventsTable {
  company_id: string;
  id: Generated<string>;
  shipment_id: string;
  at: Date;
  location: string;
  description: string;
  source: string;
  created_at: Generated<Date>;
}
export interface LogisticsExceptionsTable {
  company_id: string;
  id: Generated<string>;
  shipment_id: string;
  type: 'delay' | 'wrong_address' | 'damage' | 'loss';
  found_at: Date;
  action: string;
  result: string;
  customer_informed: boolean;
  status: 'open' | 'closed';
  created_by: string;
  created_at: Generated<Date>;
}
export interface OutboxMessagesTable {
  company_id: string;
  id: Generated<string>;
  customer_id: string;
  channel: string;
  kind: string;
  params: ColumnType<Record<string, string>, string, string>;
  created_at: Generated<Date>;
  sent_at: Date | null;
  /** When the message router made its messages (per contact and channel). */
  routed_at: Date | null;
}
