import { call, urlOf, type BodyOf, type QueryOf } from './client';
import { money } from '../format';

// 订单变更申请: the typed client of the change request routes.

export type ChangeAction =
  | { type: 'change_qty'; lineNo: number; qty: number }
  | { type: 'add_line'; productId: string; qty: number; unitPrice?: string; gift?: boolean }
  | { type: 'remove_line'; lineNo: number }
  | { type: 'change_price'; lineNo: number; unitPrice: string }
  | { type: 'change_delivery_date'; expectedDeliveryDate: string }
  | { type: 'change_delivery'; delivery: { consignee: string; phone?: string; region?: string; address: string } }
  | { type: 'change_payment_terms'; paymentMethod: string; paymentDays: number };
export type ActionType = ChangeAction['type'];
export const ACTION_TYPES: ActionType[] = [
  'change_qty',
  'add_line',
  'remove_line',
  'change_price',
  'change_delivery_date',
  'change_delivery',
  'change_payment_terms',
];

type Amounts = { qty: number; unitPrice: string; amount: string };
export type ChangePreview = {
  baseVersion: number;
  orderVersion: number;
  stale: boolean;
  lines: {
    lineNo: number;
    sku: string;
    name: string;
    change: 'added' | 'removed' | 'changed' | 'unchanged';
    shipped: number;
    old: Amounts | null;
    new: Amounts | null;
  }[];
  head: { field: string; old: unknown; new: unknown }[];
  totals: {
    old: { total: string; cost: string; margin: string };
    new: { total: string; cost: string; margin: string };
    totalDelta: string;
    marginDelta: string;
  };
  stock: {
    lineNo: number;
    sku: string;
    reserve: number;
    release: number;
    backorder: number;
    dropBackorder: number;
  }[];
  credit: { applies: boolean; limit: string; used: string; thisOrder: string; available: string; ok: boolean };
  production: { required: boolean; lines: { lineNo: number; sku: string; qty: number }[]; answerBy: string | null };
  shipments: { id: string; number: string; status: string; lineNos: number[]; reasons: string[] }[];
  approvals: string[];
};
export type ChangeApproval = {
  id: string;
  stage: string;
  status: string;
  dueAt: string;
  late: boolean;
  decidedByName: string | null;
  decidedAt: string | null;
  reason: string | null;
};
export type ChangeRequest = {
  id: string;
  number: string;
  status: string;
  order: { id: string; number: string; customerName: string };
  baseVersion: number;
  appliedVersion: number | null;
  actions: ChangeAction[];
  reason: string;
  requestedBy: 'customer' | 'internal';
  createdBy: { name: string | null };
  createdAt: string;
  decisionReason: string | null;
  approvals: ChangeApproval[];
  /** Events the current user may apply now. */
  availableActions: string[];
  preview?: ChangePreview | null;
};
export type OrderVersionItem = {
  version: number;
  current: boolean;
  total: string;
  changeRequestId: string | null;
  changeNumber: string | null;
  createdAt: string;
  createdByName: string | null;
};

export type VersionLine = {
  lineNo: number;
  sku: string;
  name: string;
  spec: string;
  unit: string;
  qty: number;
  unitPrice: string;
  amount: string;
  gift: boolean;
};
/** One version of an order as it stood: head fields a change may touch, and its lines. */
export type OrderVersionDetail = {
  orderId: string;
  number: string;
  version: number;
  current: boolean;
  head: {
    expectedDeliveryDate: string | null;
    delivery: { consignee: string; phone?: string; address: string } | null;
    paymentMethod: string;
    paymentDays: number;
    depositPercent: string | null;
    total: string;
  };
  lines: VersionLine[];
};

export const changes = {
  open: (
    orderId: string,
    body: { actions: ChangeAction[]; reason: string; requestedBy: 'customer' | 'internal' },
    // The form picks the payment method from the server's list; the server checks it again.
  ): Promise<ChangeRequest> =>
    call('POST /api/orders/{id}/changes', {
      params: { id: orderId },
      body: body as BodyOf<'POST /api/orders/{id}/changes'>,
    }),
  get: (id: string): Promise<ChangeRequest> => call('GET /api/change-requests/{id}', { params: { id } }),
  list: (query: QueryOf<'GET /api/change-requests'>): Promise<{ items: ChangeRequest[] }> =>
    call('GET /api/change-requests', { query }),
  submit: (id: string): Promise<ChangeRequest> => call('POST /api/change-requests/{id}/submit', { params: { id } }),
  review: (id: string, decision: 'approve' | 'reject', reason?: string): Promise<ChangeRequest> =>
    call('POST /api/change-requests/{id}/review', { params: { id }, body: { decision, reason } }),
  apply: (id: string): Promise<ChangeRequest> => call('POST /api/change-requests/{id}/apply', { params: { id } }),
  cancel: (id: string, reason: string): Promise<ChangeRequest> =>
    call('POST /api/change-requests/{id}/cancel', { params: { id }, body: { reason } }),
  confirm: (id: string, body: BodyOf<'POST /api/change-requests/{id}/confirm'>): Promise<ChangeRequest> =>
    call('POST /api/change-requests/{id}/confirm', { params: { id }, body }),
  /** Uploads the scan of a signed or stamped 变更确认书 to the order; its attachment id. */
  attachScan: async (orderId: string, file: File) => {
    const body = new FormData();
    body.append('kind', 'confirmation');
    body.append('file', file);
    const saved: { id: string } = await call('POST /api/orders/{id}/attachments', { params: { id: orderId }, body });
    return saved.id;
  },
  formUrl: (id: string, format: 'html' | 'xlsx' = 'html') =>
    urlOf('GET /api/change-requests/{id}/form', { params: { id }, query: { format } }),
  versions: (orderId: string): Promise<{ currentVersion: number; items: OrderVersionItem[] }> =>
    call('GET /api/orders/{id}/versions', { params: { id: orderId } }),
  version: (orderId: string, n: number): Promise<OrderVersionDetail> =>
    call('GET /api/orders/{id}/versions/{n}', { params: { id: orderId, n } }),
};

/** ¥1,234.50 from a money string (the app's one formatter). */
export const yuan = (s: string | null | undefined): string => money(s);
