// 询盘 · 报价: inquiries, quotations with their versions, documents and the order made from them.
import { call, urlOf, type BodyOf, type QueryOf } from './client';
import type { Page } from './client';

export type InquiryLine = { productId?: string; description?: string; spec?: string; unit?: string; qty: number };
export type Inquiry = {
  id: string;
  number: string;
  status: 'open' | 'quoted' | 'declined';
  customer: { id: string; code: string; name: string };
  source: string;
  handler: { id: string; name: string };
  description: string;
  lines: InquiryLine[];
  wantedDate: string | null;
  paymentTerms: string;
  packingTerms: string;
  declineReason: string | null;
  createdAt: string;
  actions: string[];
};

export type ExtraCost = { kind: 'packing' | 'freight' | 'tooling' | 'other'; amount: string; note?: string };
/** Where a line's price came from; `unmatched`: an inquiry's description still to be matched to a product. */
export type PriceSource = 'customer_price' | 'customer_discount' | 'list_price' | 'manual' | 'unmatched';
export type QuotationLine = {
  lineNo: number;
  productId: string | null;
  sku: string;
  name: string;
  spec: string;
  unit: string;
  qty: number;
  unitPrice: string;
  listPrice: string;
  standardCost: string;
  amount: string;
  extraCost: string;
  cost: string;
  margin: string;
  remark: string;
  priceSource: PriceSource;
  entitledPrice: string | null;
};
export type Quotation = {
  id: string;
  number: string;
  status: string;
  version: number;
  customer: { id: string; code: string; name: string };
  inquiry: { id: string; number: string } | null;
  source: string;
  validUntil: string;
  expectedDeliveryDate: string | null;
  paymentMethod: string | null;
  paymentDays: number;
  packingTerms: string;
  remarks: string;
  extraCosts: ExtraCost[];
  total: string;
  /** 外贸: prices and totals in `currency`; `rmbTotal` at the stored rate of the quotation's date. */
  currency: string;
  exchangeRate: string;
  rmbTotal: string;
  export: boolean;
  tradeTerm: string | null;
  portOfLoading: string | null;
  portOfDestination: string | null;
  containerType: string | null;
  containerCount: number | null;
  costTotal: string;
  extraCostTotal: string;
  margin: string;
  marginPercent: number | null;
  approvalReasons: string[];
  reviewNote: string | null;
  declineReason: string | null;
  order: { id: string; number: string } | null;
  createdBy: { id: string; name: string };
  createdAt: string;
  actions: string[];
  lines: QuotationLine[];
};
export type QuotationChange = {
  field: string;
  line?: string;
  from: string | number | null;
  to: string | number | null;
};
export type QuotationVersion = {
  version: number;
  changes: QuotationChange[];
  note: string;
  createdAt: string;
  createdBy: { id: string; name: string };
  terms: { total: string; validUntil: string };
  lines: { lineNo: number; sku: string; name: string; qty: number; unitPrice: string; amount: string }[];
};

export type InquiryInput = BodyOf<'POST /api/inquiries'>;
export type QuotationInput = BodyOf<'POST /api/quotations'>;
export type QuotationRevision = BodyOf<'POST /api/quotations/{id}/revise'>;

export const quotationsApi = {
  inquiries: (query?: QueryOf<'GET /api/inquiries'>): Promise<Page<Inquiry>> => call('GET /api/inquiries', { query }),
  handlers: (): Promise<{ id: string; name: string }[]> => call('GET /api/inquiries/handlers'),
  createInquiry: (body: InquiryInput): Promise<Inquiry> => call('POST /api/inquiries', { body }),
  declineInquiry: (id: string, reason: string): Promise<Inquiry> =>
    call('POST /api/inquiries/{id}/decline', { params: { id }, body: { reason } }),
  listUrl: urlOf('GET /api/quotations'),
  list: (query?: QueryOf<'GET /api/quotations'>): Promise<Page<Quotation>> => call('GET /api/quotations', { query }),
  get: (id: string): Promise<Quotation> => call('GET /api/quotations/{id}', { params: { id } }),
  versions: (id: string): Promise<QuotationVersion[]> => call('GET /api/quotations/{id}/versions', { params: { id } }),
  create: (body: QuotationInput): Promise<Quotation> => call('POST /api/quotations', { body }),
  revise: (id: string, body: QuotationRevision): Promise<Quotation> =>
    call('POST /api/quotations/{id}/revise', { params: { id }, body }),
  submit: (id: string): Promise<Quotation> => call('POST /api/quotations/{id}/submit', { params: { id } }),
  review: (id: string, decision: 'approve' | 'reject', note?: string): Promise<Quotation> =>
    call('POST /api/quotations/{id}/review', { params: { id }, body: { decision, ...(note ? { note } : {}) } }),
  send: (id: string): Promise<Quotation> => call('POST /api/quotations/{id}/send', { params: { id } }),
  accept: (id: string): Promise<Quotation> => call('POST /api/quotations/{id}/accept', { params: { id } }),
  decline: (id: string, reason: string): Promise<Quotation> =>
    call('POST /api/quotations/{id}/decline', { params: { id }, body: { reason } }),
  order: (id: string): Promise<{ order: { id: string; number: string }; quotation: Quotation }> =>
    call('POST /api/quotations/{id}/order', { params: { id } }),
  documentUrl: (id: string, format: 'pdf' | 'xlsx', lang: 'zh-CN' | 'en') =>
    urlOf('GET /api/quotations/{id}/document', { params: { id }, query: { format, lang } }),
  /** 形式发票: the proforma invoice of an export quotation (in English). */
  proformaUrl: (id: string, format: 'pdf' | 'xlsx') =>
    urlOf('GET /api/quotations/{id}/document', { params: { id }, query: { format, kind: 'proforma' } }),
};
