// 销售合同: contracts drafted from accepted quotations, their review, signing, call-off orders and the PDF.
import { call, urlOf, type BodyOf, type Page, type QueryOf } from './client';

export type ContractLine = {
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  spec: string;
  unit: string;
  qty: number;
  unitPrice: string;
  amount: string;
  calledQty: number;
  remainingQty: number;
};
export type ContractClause = { code: string; title: string; body: string; titleEn?: string; bodyEn?: string };
export type ContractReview = {
  round: number;
  stage: 'legal' | 'finance' | 'gm';
  startedAt: string;
  dueAt: string;
  decision: 'approve' | 'reject' | null;
  reason: string | null;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
};
type Signer = { by: string; at: string; ip: string | null } | null;
export type Contract = {
  id: string;
  number: string;
  status: 'draft' | 'in_review' | 'approved' | 'signed' | 'completed' | 'closed';
  customer: { id: string; code: string; name: string };
  quotation: { id: string; number: string } | null;
  customerPo: string;
  total: string;
  stage: 'legal' | 'finance' | 'gm' | null;
  stageDueAt: string | null;
  expectedDeliveryDate: string | null;
  createdAt: string;
  signedAt: string | null;
  paymentMethod: string | null;
  paymentDays: number;
  remarks: string;
  /** 逾期利息 of the contract, basis points a day; null: the customer's rate. */
  overdueInterestBp: number | null;
  closeReason: string | null;
  clauses: ContractClause[];
  lines: ContractLine[];
  stages: string[];
  reviews: ContractReview[];
  signature: { scanId: string | null; company: Signer; customer: Signer };
  performance: {
    ordered: string;
    shipped: string;
    paid: string;
    orders: { id: string; number: string; status: string; ordered: string; shipped: string; paid: string }[];
  };
  actions: string[];
};

export type CallOffInput = BodyOf<'POST /api/contracts/{id}/orders'>;

export const contractsApi = {
  list: (query?: QueryOf<'GET /api/contracts'>): Promise<Page<Contract>> => call('GET /api/contracts', { query }),
  get: (id: string): Promise<Contract> => call('GET /api/contracts/{id}', { params: { id } }),
  create: (quotationId: string, customerPo?: string): Promise<Contract> =>
    call('POST /api/contracts', { body: { quotationId, ...(customerPo ? { customerPo } : {}) } }),
  update: (id: string, body: BodyOf<'PATCH /api/contracts/{id}'>): Promise<Contract> =>
    call('PATCH /api/contracts/{id}', { params: { id }, body }),
  review: (id: string, decision: 'submit' | 'approve' | 'reject', reason?: string): Promise<Contract> =>
    call('POST /api/contracts/{id}/review', { params: { id }, body: { decision, ...(reason ? { reason } : {}) } }),
  sign: (id: string, attachmentId: string, customerSignatory?: string): Promise<Contract> =>
    call('POST /api/contracts/{id}/sign', { params: { id }, body: { attachmentId, customerSignatory } }),
  callOff: (id: string, body: CallOffInput): Promise<{ order: { id: string; number: string }; contract: Contract }> =>
    call('POST /api/contracts/{id}/orders', { params: { id }, body }),
  close: (id: string, reason: string): Promise<Contract> =>
    call('POST /api/contracts/{id}/close', { params: { id }, body: { reason } }),
  attachScan: (id: string, body: FormData): Promise<{ id: string }> =>
    call('POST /api/contracts/{id}/attachments', { params: { id }, body }),
  documentUrl: (id: string) => urlOf('GET /api/contracts/{id}/document', { params: { id } }),
};
