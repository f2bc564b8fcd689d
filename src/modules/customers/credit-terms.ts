import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import { formatMoney, parseMoney } from '../../lib/money';
import type { Actor } from '../auth/auth.service';
import { hasRole } from '../auth/roles';
import type { CreditField } from '../credit/credit-change.table';
import { insertCreditChanges } from './customer.repository';
import type { PaymentMethod } from './customer.table';

// 信用条件 (segregation of duties): a customer's credit limit, payment method and payment days are changed by a
// credit controller only; the rules the customer's own use cases apply (the request workflow is in credit/).

/** The duty that decides customers' credit terms (given to finance users). */
export const CREDIT_CONTROLLERS = ['credit_controller'] as const;

export type CreditTerms = { creditLimit: string; paymentMethod: PaymentMethod; paymentDays: number };
export type CreditChange = { field: CreditField; key: keyof CreditTerms; old: string; new: string };

const FIELDS: { key: keyof CreditTerms; field: CreditField }[] = [
  { key: 'creditLimit', field: 'credit_limit' },
  { key: 'paymentMethod', field: 'payment_method' },
  { key: 'paymentDays', field: 'payment_days' },
];
const canonical = (key: keyof CreditTerms, v: string | number) =>
  key === 'creditLimit' ? formatMoney(parseMoney(String(v))) : String(v);

/**
 * The terms a new customer gets unless a credit controller sets others (no company defaults are configured):
 * paid before shipping, no credit. 新客户默认信用条件
 */
export const SAFE_CREDIT_TERMS: CreditTerms = { creditLimit: '0.00', paymentMethod: 'prepaid', paymentDays: 0 };

export const isCreditController = (actor: Pick<Actor, 'roles'>) => hasRole(actor.roles, CREDIT_CONTROLLERS);

/** The credit fields `next` would change on a customer whose terms are `current` (same values are no change). */
export function creditChanges(current: CreditTerms, next: Partial<CreditTerms>): CreditChange[] {
  return FIELDS.flatMap(({ key, field }) => {
    const v = next[key];
    if (v === undefined) return [];
    const [o, n] = [canonical(key, current[key]), canonical(key, v)];
    return o === n ? [] : [{ field, key, old: o, new: n }];
  });
}

/** A customer update that changes credit terms is refused, naming the field, unless a credit controller makes it. */
export function assertMayChangeCredit(actor: Actor, changes: CreditChange[]) {
  if (!changes.length || isCreditController(actor)) return;
  throw new AppError(
    'CUSTOMER.CREDIT_FINANCE_ONLY',
    { field: changes[0].key },
    changes.map((c) => ({ path: c.key, message: 'changed by a credit controller only' })),
  );
}

/** Keeps the history of a change that took effect (append-only). */
export function recordCreditChanges(
  db: Db,
  actor: Actor,
  customerId: string,
  changes: CreditChange[],
  change: { reason: string; at: Date; requestId?: string },
) {
  return insertCreditChanges(
    db,
    changes.map((c) => ({
      company_id: actor.companyId,
      customer_id: customerId,
      field: c.field,
      old_value: c.old,
      new_value: c.new,
      reason: change.reason,
      changed_by: actor.userId,
      changed_at: change.at,
      request_id: change.requestId ?? null,
    })),
  );
}
