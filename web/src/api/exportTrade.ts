// 外贸: letters of credit (versions, check, amend), inspections and exchange rates.
import { call, type BodyOf, type ResponseOf } from './client';

export type Lc = ResponseOf<'GET /api/export/letters-of-credit'>[number];
export type Inspection = ResponseOf<'GET /api/inspections'>[number];
export type ExchangeRate = ResponseOf<'GET /api/exchange-rates'>[number];

export const exportApi = {
  lcs: () => call('GET /api/export/letters-of-credit'),
  receiveLc: (body: BodyOf<'POST /api/export/letters-of-credit'>) =>
    call('POST /api/export/letters-of-credit', { body }),
  checkLc: (id: string, discrepancies: string[]) =>
    call('POST /api/export/letters-of-credit/{id}/check', { params: { id }, body: { discrepancies } }),
  amendLc: (id: string, body: BodyOf<'POST /api/export/letters-of-credit/{id}/amend'>) =>
    call('POST /api/export/letters-of-credit/{id}/amend', { params: { id }, body }),
  inspections: () => call('GET /api/inspections'),
  book: (body: BodyOf<'POST /api/inspections'>) => call('POST /api/inspections', { body }),
  result: (id: string, result: 'passed' | 'failed', note: string) =>
    call('POST /api/inspections/{id}/result', { params: { id }, body: { result, note } }),
  waive: (orderId: string, reason: string) =>
    call('POST /api/orders/{id}/inspection-waiver', { params: { id: orderId }, body: { reason } }),
  rates: () => call('GET /api/exchange-rates'),
  setRate: (body: BodyOf<'POST /api/exchange-rates'>) => call('POST /api/exchange-rates', { body }),
};
