// 订单: an order with its lines and its status history.

export type OrderLine = {
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  spec: string;
  unit: string;
  qty: number;
  unitPrice: string;
  amount: string;
  gift: boolean;
  reserved: number;
  backordered: number;
  shipped: number;
  /** Units closed unshipped by a short-close (短结). */
  closedQty?: number;
};

export type Order = {
  id: string;
  number: string;
  status: string;
  customer: { id: string; code: string; shortCode: string; name: string };
  contact: { name: string; phone?: string } | null;
  orderDate: string;
  source: string;
  urgency: 'normal' | 'urgent';
  expectedDeliveryDate: string | null;
  delivery: { consignee: string; phone?: string; address: string } | null;
  paymentMethod: string;
  paymentDays: number;
  depositPercent: string | null;
  orderType: string;
  buyerRemark: string;
  sellerRemark: string;
  customerPo: string;
  total: string;
  margin: string;
  writtenConfirmationMissing: boolean;
  locked: boolean;
  reviewRound: number;
  registrar: { id: string; name: string | null };
  version: number;
  /** A change applied and not yet confirmed by the customer: its number. */
  pendingChange: string | null;
  lines: OrderLine[];
  confirmedAt: string | null;
  cancelReason: string | null;
  shortClosedAt?: string | null;
  shortCloseReason?: string | null;
  closedAmount?: string;
  replacement?: {
    faultParty: string | null;
    costBearer: string | null;
    reason: string | null;
    replacesOrderId: string | null;
  } | null;
  /** Events of the order's lifecycle this user may apply now. */
  actions: string[];
};

export type HistoryRow = {
  id: string;
  from: string | null;
  to: string;
  event: string;
  actorName: string | null;
  at: string;
  reason: string | null;
};
