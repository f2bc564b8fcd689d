// 生产申请: shortages the production planner answers with a completion date.
import { call, urlOf, type BodyOf } from './client';

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

export const productionApi = {
  list: (): Promise<ProductionRequest[]> => call('GET /api/production-requests'),
  progress: (id: string, body: BodyOf<'POST /api/production-requests/{id}/progress'>): Promise<unknown> =>
    call('POST /api/production-requests/{id}/progress', { params: { id }, body }),
  answer: (id: string, body: BodyOf<'POST /api/production-requests/{id}/answer'>): Promise<unknown> =>
    call('POST /api/production-requests/{id}/answer', { params: { id }, body }),
};
