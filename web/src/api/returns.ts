// 退货单: returns and refunds.
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
