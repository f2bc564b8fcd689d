// 备货 · 备料: prep requests ahead of orders.
import { call, type BodyOf } from './client';

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

/** One request with what became of it: its production requests and the stock earmarked for its customer. */
export type PrepDetail = PrepRequest & {
  productionRequests: { id: string; sku: string; qty: number; status: string; completionDate: string | null }[];
  earmarks: { id: string; productId: string; qty: number; remaining: number; idleFlaggedAt: string | null }[];
};
export type PrepInput = BodyOf<'POST /api/prep-requests'>;
export type PrepReview = BodyOf<'POST /api/prep-requests/{id}/review'>;

export const prepApi = {
  list: (): Promise<PrepRequest[]> => call('GET /api/prep-requests'),
  get: (id: string): Promise<PrepDetail> => call('GET /api/prep-requests/{id}', { params: { id } }),
  create: (body: PrepInput): Promise<PrepRequest> => call('POST /api/prep-requests', { body }),
  review: (id: string, body: PrepReview): Promise<PrepRequest> =>
    call('POST /api/prep-requests/{id}/review', { params: { id }, body }),
};
