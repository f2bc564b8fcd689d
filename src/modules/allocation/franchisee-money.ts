import type { Db } from '../../db/database';
import { AppError, type Lang } from '../../lib/errors';
import { reasonCode, reasonFields } from '../../lib/reason-codes';
import { formatMoney, parseMoney } from '../../lib/money';
import type { Actor } from '../auth/auth.service';
import type { FranchiseeLedgerTable } from './allocation.table';
import * as moneyRepo from './franchisee-money.repository';

// A franchisee's funds and credit are a ledger like stock: every change a row, the balance row
// updated in the same transaction, and equal to the sum of its rows.

type Kind = FranchiseeLedgerTable['kind'];

/** Locks (creating if needed) the balance row of a franchisee. */
export async function lockMoney(db: Db, companyId: string, customerId: string) {
  await moneyRepo.ensureMoneyRow(db, companyId, customerId);
  const row = await moneyRepo.lockMoneyRow(db, companyId, customerId);
  return { funds: parseMoney(row.funds), credit: parseMoney(row.credit) };
}

export async function postMoney(
  db: Db,
  actor: Actor,
  customerId: string,
  d: { funds: bigint; credit: bigint; kind: Kind; reason: string; reference?: string; at: Date },
) {
  const now = await lockMoney(db, actor.companyId, customerId);
  const funds = now.funds + d.funds;
  const credit = now.credit + d.credit;
  if (funds < 0n || credit < 0n)
    throw new AppError('FRANCHISEE.INSUFFICIENT_MONEY', {
      funds: formatMoney(now.funds),
      credit: formatMoney(now.credit),
    });
  await moneyRepo.updateMoneyRow(db, actor.companyId, customerId, {
    funds: formatMoney(funds),
    credit: formatMoney(credit),
    at: d.at,
  });
  await moneyRepo.insertMoneyLedgerRow(db, {
    company_id: actor.companyId,
    customer_id: customerId,
    funds_delta: formatMoney(d.funds),
    credit_delta: formatMoney(d.credit),
    kind: d.kind,
    reason: d.reason,
    reference: d.reference ?? '',
    actor_id: actor.userId,
    at: d.at,
  });
  return { funds, credit };
}

/** Finance sets today's funds and credit (by hand or import): the ledger records the difference. */
export async function setMoney(
  db: Db,
  actor: Actor,
  customerId: string,
  target: { funds?: string; credit?: string; reason: string; kind?: Kind; at: Date },
) {
  const now = await lockMoney(db, actor.companyId, customerId);
  const fundsDelta = target.funds === undefined ? 0n : parseMoney(target.funds) - now.funds;
  const creditDelta = target.credit === undefined ? 0n : parseMoney(target.credit) - now.credit;
  const kind: Kind = target.kind ?? (creditDelta !== 0n && fundsDelta === 0n ? 'credit_limit' : 'payment');
  if (fundsDelta === 0n && creditDelta === 0n) return now;
  return postMoney(db, actor, customerId, {
    funds: fundsDelta,
    credit: creditDelta,
    kind,
    reason: target.reason,
    at: target.at,
  });
}

/** Posting a shipment (6.4.4): the cost comes out of funds first, then credit. */
export async function deductForShipment(
  db: Db,
  actor: Actor,
  customerId: string,
  cost: bigint,
  reference: string,
  at: Date,
) {
  const now = await lockMoney(db, actor.companyId, customerId);
  if (now.funds + now.credit < cost)
    throw new AppError('FRANCHISEE.INSUFFICIENT_MONEY', {
      funds: formatMoney(now.funds),
      credit: formatMoney(now.credit),
    });
  const fromFunds = cost < now.funds ? cost : now.funds;
  await postMoney(db, actor, customerId, {
    funds: -fromFunds,
    credit: -(cost - fromFunds),
    kind: 'shipment',
    reason: reasonCode('shipment_deducted'),
    reference,
    at,
  });
  return { fundsUsed: fromFunds, creditUsed: cost - fromFunds };
}

export async function listBalances(db: Db, actor: Actor) {
  const rows = await moneyRepo.franchiseeBalanceRows(db, actor.companyId);
  return rows.map((r) => ({
    customerId: r.id,
    code: r.code,
    name: r.name,
    priority: r.priority,
    funds: r.funds ?? '0.00',
    credit: r.credit ?? '0.00',
    updatedAt: r.updated_at,
  }));
}

export async function ledgerOf(db: Db, actor: Actor, customerId: string, lang: Lang) {
  const rows = await moneyRepo.moneyLedgerRows(db, actor.companyId, customerId);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    kind: r.kind,
    fundsDelta: r.funds_delta,
    creditDelta: r.credit_delta,
    ...reasonFields(r.reason, lang),
    reference: r.reference,
    actorName: r.actor_name,
  }));
}

/** Franchisees whose balance differs from the sum of their ledger rows (empty when the ledger holds). */
export const moneyMismatches = moneyRepo.moneyMismatches;
