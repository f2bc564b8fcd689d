// 客服: call-backs after delivery, and complaints resolved and closed with the customer's satisfaction.
import { call, urlOf, type BodyOf } from './client';

export type Callback = {
  id: string;
  orderId: string;
  orderNumber: string;
  customerName: string;
  dueAt: string;
  late: boolean;
  status: string;
  outcome: string | null;
  actions: string[];
};
export type Complaint = {
  id: string;
  orderId: string;
  orderNumber: string;
  customerName: string;
  createdAt: string;
  amount: string | null;
  type: string;
  description: string;
  status: string;
  dueAt: string;
  late: boolean;
  resolution: string | null;
  closeResult: string | null;
  satisfaction: number | null;
  actions: string[];
};
export type CallbackBody = BodyOf<'POST /api/callbacks/{id}'>;
export type ResolveBody = BodyOf<'POST /api/complaints/{id}/resolve'>;
export type CloseComplaintBody = BodyOf<'POST /api/complaints/{id}/close'>;

export const feedbackApi = {
  /** The paged, filtered complaint list, for ServerTable, and its export. */
  complaintsUrl: urlOf('GET /api/complaints/search'),
  complaintsExportUrl: urlOf('GET /api/complaints/export.xlsx'),
  openCallbacks: (): Promise<Callback[]> => call('GET /api/callbacks', { query: { status: 'open' } }),
  recordCallback: (id: string, body: CallbackBody): Promise<unknown> =>
    call('POST /api/callbacks/{id}', { params: { id }, body }),
  resolve: (id: string, body: ResolveBody): Promise<unknown> =>
    call('POST /api/complaints/{id}/resolve', { params: { id }, body }),
  close: (id: string, body: CloseComplaintBody): Promise<unknown> =>
    call('POST /api/complaints/{id}/close', { params: { id }, body }),
};
