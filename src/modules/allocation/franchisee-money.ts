import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import { formatMoney, parseMoney } from '../../lib/money';
import type { Actor } from '../auth/auth.service';
import type { FranchiseeLedgerTable } from './allocation.table';

// A franchisee's funds and credit are a ledger like stock: every change a row, the balance row
// updated in the same transaction, and equal to the sum of its rows.

type Kind = FranchiseeLedgerTable['kind'];

/** Locks (creating if needed) the balance row of a franchisee. */
export async function lockMoney(db: Db, companyId: string, customerId: string) {
  await db
    .insertInto('franchisee_balances')
    .values({ company_id: companyId, customer_id: customerId, funds: '0', credit: '0' })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const row = await db
    .selectFrom('franchisee_balances')
    .select(['funds', 'credit'])
    .where('company_id', '=', companyId)
    .where('customer_id', '=', customerId)
    .forUpdate()
    .executeTakeFirstOrThrow();
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
  await db
    .updateTable('franchisee_balances')
    .set({ funds: formatMoney(funds), credit: formatMoney(credit), updated_at: d.at })
    .where('company_id', '=', actor.companyId)
    .where('customer_id', '=', customerId)
    .execute();
  await db
    .insertInto('franchisee_ledger')
    .values({
      company_id: actor.companyId,
      customer_id: customerId,
      funds_delta: formatMoney(d.funds),
      credit_delta: formatMoney(d.credit),
      kind: d.kind,
      reason: d.reason,
      reference: d.reference ?? '',
      actor_id: actor.userId,
      at: d.at,
    })
    .execute();
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
    reason: '发货扣款 Shipment posted',
    reference,
    at,
  });
  return { fundsUsed: fromFunds, creditUsed: cost - fromFunds };
}

export async function listBalances(db: Db, actor: Actor) {
  const rows = await db
    .selectFrom('customers as c')
    .leftJoin('franchisee_balances as b', (j) =>
      j.onRef('b.company_id', '=', 'c.company_id').onRef('b.customer_id', '=', 'c.id'),
    )
    .select(['c.id', 'c.code', 'c.name', 'c.priority', 'b.funds', 'b.credit', 'b.updated_at'])
    .where('c.company_id', '=', actor.companyId)
    .where('c.kind', '=', 'franchisee')
    .where('c.active', '=', true)
    .orderBy('c.priority')
    .orderBy('c.code')
    .execute();
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

export async function ledgerOf(db: Db, actor: Actor, customerId: string) {
  const rows = await db
    .selectFrom('franchisee_ledger as l')
    .leftJoin('users as u', 'u.id', 'l.actor_id')
    .select([
      'l.id',
      'l.at',
      'l.kind',
      'l.funds_delta',
      'l.credit_delta',
      'l.reason',
      'l.reference',
      'u.display_name as actor_name',
    ])
    .where('l.company_id', '=', actor.companyId)
    .where('l.customer_id', '=', customerId)
    .orderBy('l.id', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    kind: r.kind,
    fundsDelta: r.funds_delta,
    creditDelta: r.credit_delta,
    reason: r.reason,
    reference: r.reference,
    actorName: r.actor_name,
  }));
}

/** Franchisees whose balance differs from the sum of their ledger rows (empty when the ledger holds). */
export async function moneyMismatches(db: Db, companyId: string) {
  const r = await sql<{ customer_id: string }>`
    select b.customer_id from franchisee_balances b
    left join (
      select customer_id, sum(funds_delta) as f, sum(credit_delta) as c from franchisee_ledger
      where company_id = ${companyId} group by 1
    ) l on l.customer_id = b.customer_id
    where b.company_id = ${companyId} and (b.funds <> coalesce(l.f, 0) or b.credit <> coalesce(l.c, 0))`.execute(db);
  return r.rows;
}
