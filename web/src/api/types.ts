// Shapes the API returns (see /docs for the full OpenAPI document).
export type Me = {
  user: { id: string; username: string; displayName: string };
  company?: { id: string; code: string; name: string };
  roles: string[];
  companies: { id: string; code: string; name: string; roles: string[] }[];
  csrfToken?: string;
  /** Logged in with a one-time password: only the password change is open until it is changed. */
  passwordChangeRequired?: boolean;
};
export type Contact = { name: string; title?: string; phone?: string; idNumber?: string };
export type Address = {
  label?: string;
  consignee: string;
  phone?: string;
  region?: string;
  address: string;
  isDefault?: boolean;
};
export type Customer = {
  id: string;
  code: string;
  shortCode: string;
  name: string;
  kind: string;
  region: string;
  paymentMethod: string;
  paymentDays: number;
  creditLimit: string;
  priority: number;
  contacts: Contact[];
  addresses: Address[];
  remark: string;
  active: boolean;
  updatedAt: string;
};
export type Product = {
  id: string;
  sku: string;
  name: string;
  spec: string;
  unit: string;
  listPrice: string;
  standardCost: string;
  seasonal: boolean;
  launchPriority: number;
  allocated: boolean;
  returnable: boolean;
  active: boolean;
};
export type Warehouse = { id: string; code: string; name: string; kind: string; address: string; active: boolean };
export type StockRow = {
  productId: string;
  sku: string;
  productName: string;
  spec: string;
  unit: string;
  warehouseId: string;
  warehouseCode: string;
  warehouseName: string;
  onHand: number;
  reserved: number;
  available: number;
  updatedAt: string;
};
export type Movement = {
  id: string;
  at: string;
  kind: string;
  sku: string;
  productName: string;
  warehouseCode: string;
  onHandDelta: number;
  reservedDelta: number;
  reason: string;
  reference: string;
  actorName: string;
};
export type User = { id: string; username: string; displayName: string; active: boolean; roles: string[] };
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
export type Stage = {
  round: number;
  seq: number;
  stage: string;
  role: string;
  status: string;
  startedAt: string | null;
  dueAt: string | null;
  late: boolean;
  decidedByName: string | null;
  decidedAt: string | null;
  reason: string | null;
};
export type ProductionRequest = {
  id: string;
  orderId: string;
  orderNumber: string;
  sku: string;
  productName: string;
  qty: number;
  status: string;
  dueAt: string;
  completionDate: string | null;
  reason: string | null;
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
export type Checks = {
  completeness: { ok: boolean; missing: string[]; writtenConfirmationMissing: boolean };
  qualification: { newCustomer: boolean; documents: number; ok: boolean };
  credit: { applies: boolean; limit: string; used: string; thisOrder: string; available: string; ok: boolean };
  stock: { ok: boolean; lines: { lineNo: number; sku: string; qty: number; available: number; shortage: number }[] };
  margin: { total: string; cost: string; margin: string; ok: boolean };
};
export type QueueItem = {
  orderId: string;
  number: string;
  customerName: string;
  total: string;
  urgency: string;
  stage: string;
  dueAt: string | null;
  late: boolean;
  claimedByMe: boolean;
};
export type Notice = {
  id: string;
  kind: string;
  params: Record<string, string>;
  orderId: string | null;
  orderNumber: string | null;
  createdAt: string;
  readAt: string | null;
};

// Returns and refunds (退货单)
export type ReturnLine = {
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  spec: string;
  unit: string;
  qty: number;
  reason: string;
  unitPrice: string;
  returnable: boolean;
  feePercent: string;
  good: number | null;
  defective: number | null;
};
export type ReturnDoc = {
  id: string;
  number: string;
  orderId: string;
  orderNumber: string;
  customerName: string;
  complaintId: string | null;
  status: string;
  note: string;
  policy: {
    days: number;
    daysSinceDelivery: number | null;
    withinDays: boolean;
    inPolicy: boolean;
    fee: string;
    lines: { lineNo: number; returnable: boolean; feePercent: string }[];
  } | null;
  review: { reason: string | null; at: string } | null;
  shipping: { method: string; carrier: string | null; trackingNo: string | null } | null;
  lines: ReturnLine[];
  refund: {
    value: string;
    fee: string;
    amount: string;
    needsGm: boolean;
    credit: string | null;
    paid: string | null;
    redLetter: { number: string; invoiceNumber: string; amount: string } | null;
  };
  replacementOrderId: string | null;
  replacementOrderNumber: string | null;
  photos: { id: string; filename: string }[];
  createdAt: string;
  actions: string[];
};
export type ReturnListItem = {
  id: string;
  number: string;
  orderId: string;
  orderNumber: string;
  customerName: string;
  status: string;
  refundAmount: string | null;
  replacementOrderId: string | null;
  createdAt: string;
  actions: string[];
};
/** 隔离库存: defective returned units held per warehouse and product. */
export type QuarantineRow = {
  warehouseId: string;
  warehouseCode: string;
  productId: string;
  sku: string;
  name: string;
  qty: number;
};
export type ReturnHistoryRow = HistoryRow & { returnId: string; returnNumber: string };
// Short-closing and special orders: sample loans (样机) and prep requests (备货 · 备料).
export type SampleLoan = {
  id: string;
  orderId: string;
  orderNumber: string;
  shipmentNumber: string;
  customerId: string;
  customerName: string;
  sku: string;
  productName: string;
  qty: number;
  status: string;
  outAt: string;
  returnedAt: string | null;
  writtenOffAt: string | null;
  reason: string | null;
  actions: string[];
};
export type PrepRequest = {
  id: string;
  number: string;
  kind: 'stock' | 'material';
  status: string;
  customer: { id: string; name: string | null } | null;
  forecastNote: string;
  expectedDate: string;
  amount: string;
  requestedBy: { id: string; name: string | null };
  decisionReason: string | null;
  createdAt: string;
  lines: { lineNo: number; productId: string; sku: string; name: string; qty: number }[];
  actions: string[];
};
