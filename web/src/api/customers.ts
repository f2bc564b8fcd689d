// 客户: the customer master data.
import { call, urlOf, type BodyOf } from './client';

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
  creditLimit: string;
  priority: number;
  contacts: Contact[];
  addresses: Address[];
  remark: string;
  active: boolean;
  updatedAt: string;
};

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
};
