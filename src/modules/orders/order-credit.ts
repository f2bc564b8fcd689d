import type { Db } from '../../db/database';
import { formatMoney, parseMoney, toRmb } from '../../lib/money';
import { owedOnOrders, owedOnOrdersQuery } from '../credit/credit.repository';
import { CREDIT_HOLDING } from './order.machine';

/** Payment methods that give the customer credit; a prepaid order takes none. */
export const CREDIT_METHODS = ['credit', 'monthly', 'cod', 'lc', 'tt', 'dp', 'da', 'open_account'];

/**
 * The customer's credit in use (额度占用): what its open confirmed orders and its receivables still owe —
 * each order's total, less allowances and the receipts applied to it — until the order is paid.
 */
export function creditUsed(db: Db, companyId: string, customerId: string, exceptOrderId?: string): Promise<bigint> {
  return owedOnOrders(db, companyId, customerId, {
    statuses: [...CREDIT_HOLDING, 'completed'],
    methods: CREDIT_METHODS,
    exceptOrderId,
  });
}

/** `creditUsed` as a query, for a statement that reads it together with other facts (one round trip). */
export function creditUsedQuery(companyId: string, customerId: string, exceptOrderId?: string) {
  return owedOnOrdersQuery(companyId, customerId, {
    statuses: [...CREDIT_HOLDING, 'completed'],
    methods: CREDIT_METHODS,
    exceptOrderId,
  });
}

export type CreditCheck = {
  applies: boolean;
  limit: string;
  used: string;
  thisOrder: string;
  available: string;
  ok: boolean;
};

type CreditTerms = {
  customerId: string;
  creditLimit: string;
  orderId: string;
  total: string;
  paymentMethod: string;
  /** RMB per unit of the order's currency: credit is in RMB. */
  exchangeRate?: string;
};

export async function checkCredit(db: Db, companyId: string, c: CreditTerms): Promise<CreditCheck> {
  return creditCheckOf(c, await creditUsed(db, companyId, c.customerId, c.orderId));
}

/** The check itself, given the credit in use (read under the lock on the customer). */
export function creditCheckOf(c: CreditTerms, used: bigint): CreditCheck {
  const applies = CREDIT_METHODS.includes(c.paymentMethod);
  const limit = parseMoney(c.creditLimit);
  const total = toRmb(parseMoney(c.total), c.exchangeRate ?? '1');
  return {
    applies,
    limit: c.creditLimit,
    used: formatMoney(used),
    thisOrder: formatMoney(total),
    available: formatMoney(limit - used),
    ok: !applies || used + total <= limit,
  };
}
