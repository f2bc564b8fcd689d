// 客户: the customer master data.
import { call, urlOf, type BodyOf } from './client';
import type { Attachment } from './attachments';

export type Contact = { name: string; title?: string; phone?: string; idNumber?: string };

export type Address = {
  label?: string;
  consignee: string;
  phone?: string;
  region?: string;
  address: string;
  isDefault?: boolean;
};

export type Customer = {
  id: string;
  code: string;
  shortCode: string;
  name: string;
  kind: string;
  region: string;
  paymentMethod: string;
  paymentDays: number;
  /** 逾期利息: daily rate in basis points (5 = 0.05 % a day); 0 = none. */
  overdueInterestBp?: number;
  creditLimit: string;
  priority: number;
  contacts: Contact[];
  addresses: Address[];
  remark: string;
  active: boolean;
  updatedAt: string;
};

/** A qualification document kept on the customer. */
export type CustomerDocument = Attachment;

// 信用额度变更: requested terms, approved or rejected by a credit controller.
export type CreditTerms = { creditLimit: string | null; paymentMethod: string | null; paymentDays: number | null };
export type CreditChangeRequest = {
  id: string;
  customerId: string;
  customerCode: string;
  customerName: string;
  status: string;
  old: CreditTerms;
  new: CreditTerms;
  reason: string;
  requestedByName: string;
  requestedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string;
  actions: string[];
};
export type CreditChange = {
  id: string;
  field: 'credit_limit' | 'payment_method' | 'payment_days';
  old: string;
  new: string;
  reason: string;
  changedByName: string;
  changedAt: string;
  requestId: string | null;
};

/** 客户价格: the customer's own prices (with validity and currency) and its discount off the list price. */
export type CustomerPrice = {
  productId: string;
  sku: string;
  name: string;
  listPrice: string;
  price: string;
  currency: string;
  validFrom: string | null;
  validTo: string | null;
};
export type CustomerPrices = { customerId: string; discountPercent: string | null; prices: CustomerPrice[] };
export type CustomerPricesInput = BodyOf<'PUT /api/customers/{id}/prices'>;

export type CustomerInput = BodyOf<'POST /api/customers'>;
export type CustomerChanges = BodyOf<'PATCH /api/customers/{id}'>;

export const customersApi = {
  /** The paged list, for ServerTable and RemoteSelect. */
  listUrl: urlOf('GET /api/customers'),
  exportUrl: urlOf('GET /api/customers/export.xlsx'),
  importUrl: urlOf('POST /api/customers/import'),
  get: (id: string): Promise<Customer> => call('GET /api/customers/{id}', { params: { id } }),
  create: (body: CustomerInput): Promise<Customer> => call('POST /api/customers', { body }),
  update: (id: string, body: CustomerChanges): Promise<Customer> =>
    call('PATCH /api/customers/{id}', { params: { id }, body }),
  documents: (id: string): Promise<CustomerDocument[]> => call('GET /api/customers/{id}/documents', { params: { id } }),
  /** Uploads a document (multipart: kind + file). */
  addDocument: (id: string, body: FormData): Promise<unknown> =>
    call('POST /api/customers/{id}/documents', { params: { id }, body }),
  prices: (id: string): Promise<CustomerPrices> => call('GET /api/customers/{id}/prices', { params: { id } }),
  savePrices: (id: string, body: CustomerPricesInput): Promise<CustomerPrices> =>
    call('PUT /api/customers/{id}/prices', { params: { id }, body }),
  pricesExportUrl: (id: string, lang: 'zh-CN' | 'en') =>
    urlOf('GET /api/customers/{id}/prices/export.xlsx', { params: { id }, query: { lang } }),
  pricesImportUrl: (id: string) => urlOf('POST /api/customers/{id}/prices/import', { params: { id } }),
  creditChanges: (id: string): Promise<CreditChange[]> =>
    call('GET /api/customers/{id}/credit-changes', { params: { id } }),
  pendingCreditRequests: (customer: string): Promise<CreditChangeRequest[]> =>
    call('GET /api/credit-change-requests', { query: { customer, status: 'pending' } }),
  /** Asks for new terms; only the changed ones are sent. */
  requestCredit: (id: string, body: Record<string, unknown>): Promise<unknown> =>
    call('POST /api/customers/{id}/credit-change-requests', {
      params: { id },
      body: body as BodyOf<'POST /api/customers/{id}/credit-change-requests'>,
    }),
  decideCredit: (requestId: string, event: 'approve' | 'reject', note?: string): Promise<unknown> =>
    call(`POST /api/credit-change-requests/{id}/${event}`, { params: { id: requestId }, body: note ? { note } : {} }),
};
