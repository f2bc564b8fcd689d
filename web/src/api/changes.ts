import { api } from './client';

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
  open: (orderId: string, body: { actions: ChangeAction[]; reason: string; requestedBy: string }) =>
    api.post<ChangeRequest>(`/api/orders/${orderId}/changes`, body),
  get: (id: string) => api.get<ChangeRequest>(`/api/change-requests/${id}`),
  list: (q: { status?: string; order?: string; stage?: 'mine' }) =>
    api.get<{ items: ChangeRequest[] }>('/api/change-requests', q),
  submit: (id: string) => api.post<ChangeRequest>(`/api/change-requests/${id}/submit`),
  review: (id: string, decision: 'approve' | 'reject', reason?: string) =>
    api.post<ChangeRequest>(`/api/change-requests/${id}/review`, { decision, reason }),
  apply: (id: string) => api.post<ChangeRequest>(`/api/change-requests/${id}/apply`),
  cancel: (id: string, reason: string) => api.post<ChangeRequest>(`/api/change-requests/${id}/cancel`, { reason }),
  confirm: (id: string, body: { method: string; attachmentId?: string; note?: string }) =>
    api.post<ChangeRequest>(`/api/change-requests/${id}/confirm`, body),
  /** Uploads the scan of a signed or stamped 变更确认书 to the order; its attachment id. */
  attachScan: async (orderId: string, file: File) => {
    const body = new FormData();
    body.append('kind', 'confirmation');
    body.append('file', file);
    return (await api.post<{ id: string }>(`/api/orders/${orderId}/attachments`, body)).id;
  },
  formUrl: (id: string, format: 'html' | 'xlsx' = 'html') => `/api/change-requests/${id}/form?format=${format}`,
  versions: (orderId: string) =>
    api.get<{ currentVersion: number; items: OrderVersionItem[] }>(`/api/orders/${orderId}/versions`),
  version: (orderId: string, n: number) => api.get<OrderVersionDetail>(`/api/orders/${orderId}/versions/${n}`),
};

/** ¥1,234.50 from a money string. */
export function yuan(s: string | null | undefined): string {
  if (s === null || s === undefined || s === '') return '';
  const negative = s.startsWith('-');
  const [whole, frac = '00'] = (negative ? s.slice(1) : s).split('.');
  return `${negative ? '-' : ''}¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac.padEnd(2, '0')}`;
}
