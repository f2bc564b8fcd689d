// 加盟商资金: funds and credit per franchisee, and the ledger of their changes.
import { apiLanguage, call, urlOf, type BodyOf } from './client';

export type FranchiseeBalance = {
  customerId: string;
  code: string;
  name: string;
  priority: number;
  funds: string;
  credit: string;
};
export type LedgerRow = {
  id: string;
  at: string;
  kind: string;
  fundsDelta: string;
  creditDelta: string;
  reason: string;
  reasonCode: string | null;
  reasonParams: Record<string, string> | null;
  reference: string;
  actorName: string;
};

export const franchiseesApi = {
  list: (): Promise<FranchiseeBalance[]> => call('GET /api/franchisees'),
  ledger: (id: string): Promise<LedgerRow[]> => call('GET /api/franchisees/{id}/ledger', { params: { id } }),
  /** Sets funds and credit; held reservations the new money covers turn into shipments (their count). */
  setMoney: (id: string, body: BodyOf<'POST /api/franchisees/{id}/money'>): Promise<{ converted: number }> =>
    call('POST /api/franchisees/{id}/money', { params: { id }, body }),
  /** The import format, headers in the user's language. */
  exportUrl: () => urlOf('GET /api/franchisees/export.xlsx', { query: { lang: apiLanguage() } }),
  importUrl: urlOf('POST /api/franchisees/import'),
};
