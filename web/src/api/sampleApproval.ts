// 样品确认: sample rounds before bulk production of an order.
import { call, type BodyOf } from './client';

export type SampleRound = {
  id: string;
  roundNo: number;
  sentAt: string;
  description: string;
  quantity: number;
  tracking: string;
  feedback: string | null;
  decision: 'approved' | 'rejected' | 'revise' | null;
  decidedByCustomer: boolean;
  decidedAt: string | null;
};

export type SampleApproval = {
  id: string;
  orderId: string;
  quotationId: string | null;
  status: 'pending' | 'approved';
  note: string;
  approvedAt: string | null;
  rounds: SampleRound[];
  canAddRound: boolean;
};

export const sampleApprovalApi = {
  ofOrder: (id: string): Promise<SampleApproval | null> =>
    call('GET /api/orders/{id}/sample-approval', { params: { id } }) as Promise<SampleApproval | null>,
  require: (id: string, note: string): Promise<SampleApproval> =>
    call('POST /api/orders/{id}/sample-approval', { params: { id }, body: { note } }) as Promise<SampleApproval>,
  addRound: (id: string, body: BodyOf<'POST /api/sample-approvals/{id}/rounds'>): Promise<SampleApproval> =>
    call('POST /api/sample-approvals/{id}/rounds', { params: { id }, body }) as Promise<SampleApproval>,
  feedback: (id: string, body: BodyOf<'POST /api/sample-rounds/{id}/feedback'>): Promise<SampleApproval> =>
    call('POST /api/sample-rounds/{id}/feedback', { params: { id }, body }) as Promise<SampleApproval>,
};
