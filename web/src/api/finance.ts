// 财务: receipts, receivables and their aging, statements of account, invoices, letters of credit, credit changes.
import { call, urlOf, type BodyOf, type QueryOf } from './client';
import type { CreditChangeRequest } from '../pages/CustomerCredit';

export type Receipt = {
  id: string;
  customerName: string;
  /** In `currency`; `amountRmb` at the rate it was converted at. */
  amount: string;
  currency: string;
  exchangeRate: string;
  amountRmb: string;
  receivedOn: string;
  method: string;
  reference: string;
  reversesId: string | null;
};
export type Receivable = {
  id: string;
  customerName: string;
  orderId: string | null;
  orderNumber: string | null;
  /** In the order's `currency`; the *Rmb ones at the order's stored rate. */
  amount: string;
  outstanding: string;
  currency: string;
  amountRmb: string;
  outstandingRmb: string;
  dueDate: string;
  daysOverdue: number;
  bucket: string;
};
/** What a customer owes, by aging bucket. */
export type Aging = {
  customerId: string;
  customerName: string;
  total: string;
  not_due: string;
  '0-30': string;
  '31-60': string;
  '61-90': string;
  '>90': string;
};
export type Invoice = {
  id: string;
  orderId: string;
  orderNumber: string;
  customerName: string;
  number: string;
  issuedOn: string;
  amount: string;
  taxRate: string;
  type: string;
  outboundVoucher: string;
};
export type LetterOfCredit = {
  id: string;
  orderId: string;
  orderNumber: string;
  customerName: string;
  number: string;
  amount: string;
  expiryDate: string;
  latestShipmentDate: string;
  checkedBy: string;
  valid: boolean;
};
/** A monthly statement that was issued. */
export type IssuedStatement = {
  id: string;
  customerId: string;
  customerName: string;
  period: string;
  from: string;
  to: string;
  amount: string;
  dueDate: string;
  closingBalance: string;
  issuedAt: string;
};
export type Statement = {
  /** In RMB (every currency at its rate); `byCurrency` has each currency's own. */
  opening: string;
  closing: string;
  byCurrency?: { currency: string; opening: string; closing: string }[];
  /** debit, credit and balance (running in that currency) in the line's currency; balanceRmb over all of them. */
  lines: {
    date: string;
    kind: string;
    reference: string;
    currency?: string;
    debit: string;
    credit: string;
    balance: string;
    balanceRmb?: string;
  }[];
  /** 逾期利息: lines of their own, never part of the receivables' balance. */
  interest?: {
    lines: {
      receivableId: string;
      reference: string;
      outstanding: string;
      days: number;
      rateBp: number;
      interest: string;
    }[];
    total: string;
  };
  closingWithInterest?: string;
};
export type ReceiptBody = BodyOf<'POST /api/receipts'>;
/** A list's filter as the finance tabs keep it (customer, from, to, one kind); the server checks its values. */
export type FinanceQuery = Record<string, string | undefined>;
export type StatementRange = { from: string; to: string };

export const financeApi = {
  /** The paged lists, for ServerTable (page, pageSize, sort, order, q and the list's filter). */
  receiptsUrl: urlOf('GET /api/receipts'),
  receivablesUrl: urlOf('GET /api/receivables'),
  agingUrl: urlOf('GET /api/receivables/aging'),
  invoicesUrl: urlOf('GET /api/invoices'),
  receiptsExportUrl: (query: FinanceQuery) =>
    urlOf('GET /api/receipts/export.xlsx', { query: query as QueryOf<'GET /api/receipts/export.xlsx'> }),
  recordReceipt: (body: ReceiptBody): Promise<unknown> => call('POST /api/receipts', { body }),
  reverseReceipt: (id: string, reason: string): Promise<unknown> =>
    call('POST /api/receipts/{id}/reverse', { params: { id }, body: { reason } }),
  /** Orders a receipt can be applied to, for RemoteSelect. */
  ordersUrl: urlOf('GET /api/orders'),
  receivablesExportUrl: (query: FinanceQuery) =>
    urlOf('GET /api/receivables/export.xlsx', { query: query as QueryOf<'GET /api/receivables/export.xlsx'> }),
  agingExportUrl: (query: FinanceQuery) =>
    urlOf('GET /api/receivables/aging/export.xlsx', {
      query: query as QueryOf<'GET /api/receivables/aging/export.xlsx'>,
    }),
  invoicesExportUrl: (query: FinanceQuery) =>
    urlOf('GET /api/invoices/export.xlsx', { query: query as QueryOf<'GET /api/invoices/export.xlsx'> }),
  lettersOfCredit: (): Promise<LetterOfCredit[]> => call('GET /api/letters-of-credit'),
  issuedStatements: (): Promise<IssuedStatement[]> => call('GET /api/statements'),
  statement: (customer: string, range: StatementRange): Promise<Statement> =>
    call('GET /api/customers/{id}/statement', { params: { id: customer }, query: range }),
  /** The statement as a file (xlsx) or a printable page (html). */
  statementUrl: (customer: string, range: StatementRange, format: 'html' | 'xlsx') =>
    urlOf('GET /api/customers/{id}/statement', { params: { id: customer }, query: { ...range, format } }),
  pendingCreditChanges: (): Promise<CreditChangeRequest[]> =>
    call('GET /api/credit-change-requests', { query: { status: 'pending' } }),
};
