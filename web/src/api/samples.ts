// 样机: free samples out with customers.
import { call } from './client';
import type { QueryOf } from './client';

export type SampleLoan = {
  id: string;
  orderId: string;
  orderNumber: string;
  shipmentNumber: string;
  customerId: string;
  customerName: string;
  sku: string;
  productName: string;
  qty: number;
  status: string;
  outAt: string;
  returnedAt: string | null;
  writtenOffAt: string | null;
  reason: string | null;
  actions: string[];
};

export type SampleStatus = NonNullable<QueryOf<'GET /api/samples'>['status']>;

export const samplesApi = {
  list: (status?: SampleStatus): Promise<SampleLoan[]> => call('GET /api/samples', { query: { status } }),
  /** The warehouse took the sample back. */
  returned: (id: string): Promise<unknown> => call('POST /api/samples/{id}/return', { params: { id }, body: {} }),
  writeOff: (id: string, reason: string): Promise<unknown> =>
    call('POST /api/samples/{id}/write-off', { params: { id }, body: { reason } }),
};
