// 客户门户: what a customer's contact sees and does (its own orders, shipments, money; franchisees' allocations).
import { call, urlOf, type BodyOf } from './client';

export type PortalShipment = {
  id: string;
  number: string;
  status: string;
  statusLabel: string;
  carrier: string;
  trackingNo: string;
  shippedAt: string | null;
  deliveredAt: string | null;
  signedBy: string | null;
  canSign: boolean;
  tracking: { at: string; location: string; description: string }[];
};
export type PortalOrder = {
  id: string;
  number: string;
  status: string;
  statusLabel: string;
  orderDate: string;
  expectedDeliveryDate: string | null;
  total: string;
  customerPo: string;
  actions: string[];
};
export type PortalOrderDetail = PortalOrder & {
  lines: { lineNo: number; sku: string; name: string; spec: string; unit: string; qty: number; amount: string }[];
  timeline: { status: string; label: string; at: string }[];
  documents: { id: string; kind: string; filename: string }[];
  shipments: PortalShipment[];
  changesAwaitingConfirmation: { id: string; number: string }[];
};
export type PortalMoney = {
  receivables: {
    id: string;
    kindLabel: string;
    amount: string;
    dueDate: string;
    overdue: boolean;
    orderNumber: string | null;
  }[];
  statements: { id: string; period: string; amount: string; dueDate: string; closingBalance: string }[];
  payments: { id: string; amount: string; receivedOn: string; method: string; reference: string }[];
};
export type PortalAllocations = {
  franchisee: boolean;
  allocations: { runId: string; sku: string; qty: number; rule: string; explanation: string }[];
  reservations: { id: string; orderNumber: string; sku: string; name: string; qty: number; daysLeft: number | null }[];
  money: {
    funds: string;
    credit: string;
    ledger: { id: string; at: string; kind: string; fundsDelta: string; creditDelta: string }[];
  } | null;
};

export const portalApi = {
  orders: (): Promise<PortalOrder[]> => call('GET /api/portal/orders'),
  order: (id: string): Promise<PortalOrderDetail> => call('GET /api/portal/orders/{id}', { params: { id } }),
  confirm: (id: string): Promise<{ outcome: string; order: PortalOrderDetail }> =>
    call('POST /api/portal/orders/{id}/confirm', { params: { id }, body: {} }),
  confirmChange: (id: string): Promise<unknown> =>
    call('POST /api/portal/changes/{id}/confirm', { params: { id }, body: {} }),
  shipments: (): Promise<PortalShipment[]> => call('GET /api/portal/shipments'),
  signFor: (id: string, signedBy: string, photo: File): Promise<unknown> => {
    const form = new FormData();
    form.append('signedBy', signedBy);
    form.append('file', photo);
    return call('POST /api/portal/shipments/{id}/proof', { params: { id }, body: form });
  },
  documentUrl: (id: string) => urlOf('GET /api/portal/documents/{id}', { params: { id } }),
  money: (): Promise<PortalMoney> => call('GET /api/portal/receivables'),
  moneyExportUrl: () => urlOf('GET /api/portal/receivables/export.xlsx'),
  statementUrl: (id: string, format: 'html' | 'xlsx') =>
    urlOf('GET /api/portal/statements/{id}', { params: { id }, query: { format } }),
  complain: (body: BodyOf<'POST /api/portal/complaints'>): Promise<{ id: string }> =>
    call('POST /api/portal/complaints', { body }),
  requestReturn: (body: BodyOf<'POST /api/portal/returns'>): Promise<{ id: string }> =>
    call('POST /api/portal/returns', { body }),
  allocations: (): Promise<PortalAllocations> => call('GET /api/portal/allocations'),
  /** Staff: a login for a contact of the customer; the answer carries the one-time password when none was set. */
  invite: (
    customerId: string,
    body: BodyOf<'POST /api/customers/{id}/portal-users'>,
  ): Promise<{ id: string; username: string; initialPassword?: string }> =>
    call('POST /api/customers/{id}/portal-users', { params: { id: customerId }, body }),
};
