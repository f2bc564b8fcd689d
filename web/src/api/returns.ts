// 退货单: returns and refunds.
import { call, urlOf, type BodyOf, type Page } from './client';
import type { HistoryRow } from './orders';

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

/** The route of each action of the return machine (approve and reject are both the review). */
const ACTION_KEYS = {
  approve: 'POST /api/returns/{id}/review',
  reject: 'POST /api/returns/{id}/review',
  ship: 'POST /api/returns/{id}/ship',
  receive: 'POST /api/returns/{id}/receive',
  inspect: 'POST /api/returns/{id}/inspect',
  approve_refund: 'POST /api/returns/{id}/refund/approve',
  refund: 'POST /api/returns/{id}/refund',
  exchange: 'POST /api/returns/{id}/exchange',
  close: 'POST /api/returns/{id}/close',
} as const;
export type ReturnAction = keyof typeof ACTION_KEYS;

export const returnsApi = {
  /** The paged list, for ServerTable. */
  listUrl: urlOf('GET /api/returns'),
  exportUrl: urlOf('GET /api/returns/export.xlsx'),
  formUrl: (id: string) => urlOf('GET /api/returns/{id}/form', { params: { id } }),
  get: (id: string): Promise<ReturnDoc> => call('GET /api/returns/{id}', { params: { id } }),
  history: (id: string): Promise<ReturnHistoryRow[]> => call('GET /api/returns/{id}/history', { params: { id } }),
  /** The history rows of every return of one order. */
  orderHistory: (order: string): Promise<ReturnHistoryRow[]> => call('GET /api/returns/history', { query: { order } }),
  ofOrder: (order: string): Promise<Page<ReturnListItem>> =>
    call('GET /api/returns', { query: { order, pageSize: 100 } }),
  create: (body: BodyOf<'POST /api/returns'>): Promise<ReturnDoc> => call('POST /api/returns', { body }),
  /** Applies one action of the machine; the payload is the form's values as the action's route takes them. */
  act: (id: string, action: ReturnAction, body: Record<string, unknown>): Promise<unknown> =>
    call(ACTION_KEYS[action], { params: { id }, body } as never),
  /** The warehouses an inspection may put the goods into. */
  warehouses: (): Promise<Page<{ id: string; code: string; name: string }>> =>
    call('GET /api/warehouses', { query: { pageSize: 100 } }),
  /** Uploads a photo (multipart: file). */
  addPhoto: (id: string, body: FormData): Promise<unknown> =>
    call('POST /api/returns/{id}/photos', { params: { id }, body }),
};
