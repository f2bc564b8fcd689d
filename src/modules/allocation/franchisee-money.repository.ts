import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database';
import type { FranchiseeLedgerTable } from './allocation.table';

// Queries of a franchisee's funds and credit: the balance row and its ledger.

export async function ensureMoneyRow(db: Db, companyId: string, customerId: string) {
  await db
    .insertInto('franchisee_balances')
    .values({ company_id: companyId, customer_id: customerId, funds: '0', credit: '0' })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function lockMoneyRow(db: Db, companyId: string, customerId: string) {
  return db
    .selectFrom('franchisee_balances')
    .select(['funds', 'credit'])
    .where('company_id', '=', companyId)
    .where('customer_id', '=', customerId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function updateMoneyRow(
  db: Db,
  companyId: string,
  customerId: string,
  m: { funds: string; credit: string; at: Date },
) {
  await db
    .updateTable('franchisee_balances')
    .set({ funds: m.funds, credit: m.credit, updated_at: m.at })
    .where('company_id', '=', companyId)
    .where('customer_id', '=', customerId)
    .execute();
}

export async function insertMoneyLedgerRow(db: Db, row: Insertable<FranchiseeLedgerTable>) {
  await db.insertInto('franchisee_ledger').values(row).execute();
}

export function franchiseeBalanceRows(db: Db, companyId: string) {
  return db
    .selectFrom('customers as c')
    .leftJoin('franchisee_balances as b', (j) =>
      j.onRef('b.company_id', '=', 'c.company_id').onRef('b.customer_id', '=', 'c.id'),
    )
    .select(['c.id', 'c.code', 'c.name', 'c.priority', 'b.funds', 'b.credit', 'b.updated_at'])
    .where('c.company_id', '=', companyId)
    .where('c.kind', '=', 'franchisee')
    .where('c.active', '=', true)
    .orderBy('c.priority')
    .orderBy('c.code')
    .execute();
}

export function moneyLedgerRows(db: Db, companyId: string, customerId: string) {
  return db
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
    .where('l.company_id', '=', companyId)
    .where('l.customer_id', '=', customerId)
    .orderBy('l.id', 'desc')
    .limit(500)
    .execute();
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
