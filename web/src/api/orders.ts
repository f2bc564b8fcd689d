// 订单: an order with its lines and its status history.
import { call, urlOf, type BodyOf, type Page, type QueryOf } from './client';
import type { Checks, Stage } from './review';
import type { ProductionRequest } from './production';
import type { Attachment } from './attachments';
import type { StockRow } from './stock';

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
  /** 外贸: money is in `currency`; `rmbTotal` at the stored rate of the order date. */
  currency: string;
  exchangeRate: string;
  rmbTotal: string;
  rmbMargin: string;
  export: boolean;
  tradeTerm: string | null;
  portOfLoading: string | null;
  portOfDestination: string | null;
  containerType: string | null;
  containerCount: number | null;
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
  /** 归档: when the order became read-only, or null. */
  archivedAt?: string | null;
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

/** Paid, allowed and owed amounts and the payment gates with what each waits for. */
export type OrderPayment = {
  total: string;
  paid: string;
  gates: {
    gate: string;
    ok: boolean;
    waitsFor: string;
    waitsForCode: string | null;
    waitsForParams: Record<string, string> | null;
    checkBy?: string;
    late?: boolean;
  }[];
};
export type OrderShipment = { id: string; number: string; status: string; carrier: string; trackingNo: string };
export type OpenException = { id: string; shipmentNumber: string; type: string; action: string };

/** The review stages of every round and the production answers. */
export type OrderReview = { stages: Stage[]; productionRequests: ProductionRequest[] };
export type OrderInput = BodyOf<'POST /api/orders'>;
export type OrderChanges = BodyOf<'PATCH /api/orders/{id}'>;
export type OrderForm = 'registration' | 'review' | 'confirmation';

export const ordersApi = {
  /** The paged list, for ServerTable and RemoteSelect. */
  listUrl: urlOf('GET /api/orders'),
  exportUrl: (query: QueryOf<'GET /api/orders/export.xlsx'>) => urlOf('GET /api/orders/export.xlsx', { query }),
  printUrl: (id: string, form: OrderForm) => urlOf('GET /api/orders/{id}/forms/{form}', { params: { id, form } }),
  get: (id: string): Promise<Order> => call('GET /api/orders/{id}', { params: { id } }),
  history: (id: string): Promise<HistoryRow[]> => call('GET /api/orders/{id}/history', { params: { id } }),
  review: (id: string): Promise<OrderReview> => call('GET /api/orders/{id}/review', { params: { id } }),
  checks: (id: string): Promise<Checks> => call('GET /api/orders/{id}/checks', { params: { id } }),
  salespeople: (): Promise<{ id: string; name: string }[]> => call('GET /api/orders/salespeople'),
  create: (body: OrderInput): Promise<Order> => call('POST /api/orders', { body }),
  update: (id: string, body: OrderChanges): Promise<Order> => call('PATCH /api/orders/{id}', { params: { id }, body }),
  /** A product's stock rows over the warehouses (what the order form shows as available). */
  productStock: (product: string): Promise<Page<StockRow>> =>
    call('GET /api/stock', { query: { product, pageSize: 100 } }),
  payment: (id: string): Promise<OrderPayment> => call('GET /api/orders/{id}/payment', { params: { id } }),
  shipments: (order: string): Promise<OrderShipment[]> => call('GET /api/shipments', { query: { order } }),
  openExceptions: (order: string): Promise<OpenException[]> =>
    call('GET /api/logistics-exceptions', { query: { order, status: 'open' } }),
  outboundOrderUrl: (shipment: string) => urlOf('GET /api/shipments/{id}/outbound-order', { params: { id: shipment } }),
  deliveryNoteUrl: (shipment: string) => urlOf('GET /api/shipments/{id}/delivery-note', { params: { id: shipment } }),
  /** 发货: a shipment of everything the order still has to ship. */
  ship: (order: string): Promise<unknown> => call('POST /api/shipments', { body: { orderIds: [order] } }),
  addLetterOfCredit: (id: string, body: BodyOf<'POST /api/orders/{id}/letters-of-credit'>): Promise<unknown> =>
    call('POST /api/orders/{id}/letters-of-credit', { params: { id }, body }),
  complete: (id: string, body: BodyOf<'POST /api/orders/{id}/complete'>): Promise<unknown> =>
    call('POST /api/orders/{id}/complete', { params: { id }, body }),
  recordReceipt: (body: BodyOf<'POST /api/receipts'>): Promise<unknown> => call('POST /api/receipts', { body }),
  copy: (id: string): Promise<Order> => call('POST /api/orders/{id}/copy', { params: { id } }),
  attachments: (id: string): Promise<Attachment[]> => call('GET /api/orders/{id}/attachments', { params: { id } }),
  /** Uploads a file (multipart: kind + file). */
  attach: (id: string, body: FormData): Promise<{ id: string }> =>
    call('POST /api/orders/{id}/attachments', { params: { id }, body }),
  submit: (id: string): Promise<{ outcome?: string }> => call('POST /api/orders/{id}/submit', { params: { id } }),
  decide: (id: string, body: BodyOf<'POST /api/orders/{id}/review'>): Promise<{ outcome?: string }> =>
    call('POST /api/orders/{id}/review', { params: { id }, body }),
  confirm: (id: string, body: BodyOf<'POST /api/orders/{id}/confirm'>): Promise<{ outcome?: string }> =>
    call('POST /api/orders/{id}/confirm', { params: { id }, body }),
  // The dialog asks for the reason; an empty one is sent as none and the server answers which field is missing.
  hold: (id: string, reason: string | undefined): Promise<{ outcome?: string }> =>
    call('POST /api/orders/{id}/hold', { params: { id }, body: { reason: reason as string } }),
  resume: (id: string, reason?: string): Promise<{ outcome?: string }> =>
    call('POST /api/orders/{id}/resume', { params: { id }, body: reason ? { reason } : {} }),
  cancel: (id: string, reason: string | undefined): Promise<{ outcome?: string }> =>
    call('POST /api/orders/{id}/cancel', { params: { id }, body: { reason: reason as string } }),
  shortClose: (id: string, reason: string | undefined): Promise<{ outcome?: string }> =>
    call('POST /api/orders/{id}/short-close', { params: { id }, body: { reason: reason as string } }),
  /** 投诉: a complaint about the order. */
  complain: (body: BodyOf<'POST /api/complaints'>): Promise<unknown> => call('POST /api/complaints', { body }),
};
