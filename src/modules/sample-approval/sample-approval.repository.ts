import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database';
import type { SampleApprovalsTable, SampleRoundsTable } from './sample-approval.table';

const approvalColumns = [
  'id',
  'order_id',
  'quotation_id',
  'status',
  'note',
  'approved_at',
  'created_at',
  'created_by',
] as const;
const roundColumns = [
  'id',
  'approval_id',
  'round_no',
  'sent_at',
  'description',
  'quantity',
  'tracking',
  'feedback',
  'decision',
  'decided_by',
  'decided_by_customer',
  'decided_at',
  'created_at',
  'created_by',
] as const;

export function orderExists(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('orders')
    .select(['id', 'customer_id'])
    .where('company_id', '=', companyId)
    .where('id', '=', orderId)
    .executeTakeFirst();
}

export function findApprovalOfOrder(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('sample_approvals')
    .select(approvalColumns)
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .executeTakeFirst();
}
export type SampleApprovalRow = NonNullable<Awaited<ReturnType<typeof findApprovalOfOrder>>>;

export function lockApproval(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('sample_approvals')
    .select(approvalColumns)
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function insertApproval(db: Db, row: Insertable<SampleApprovalsTable>) {
  return db
    .insertInto('sample_approvals')
    .values(row)
    .onConflict((c) => c.columns(['company_id', 'order_id']).doNothing())
    .returning(approvalColumns)
    .executeTakeFirst();
}

export function roundsOf(db: Db, companyId: string, approvalId: string) {
  return db
    .selectFrom('sample_rounds')
    .select(roundColumns)
    .where('company_id', '=', companyId)
    .where('approval_id', '=', approvalId)
    .orderBy('round_no')
    .execute();
}
export type SampleRoundRow = Awaited<ReturnType<typeof roundsOf>>[number];

export function insertRound(db: Db, row: Insertable<SampleRoundsTable>) {
  return db.insertInto('sample_rounds').values(row).returning(roundColumns).executeTakeFirstOrThrow();
}

export function lockRound(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('sample_rounds')
    .select(roundColumns)
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function updateRound(db: Db, companyId: string, id: string, patch: Updateable<SampleRoundsTable>) {
  return db.updateTable('sample_rounds').set(patch).where('company_id', '=', companyId).where('id', '=', id).execute();
}

/** The approval a round belongs to, with its order (the portal checks the order is the customer's). */
export function approvalOfRound(db: Db, companyId: string, roundId: string) {
  return db
    .selectFrom('sample_rounds as r')
    .innerJoin('sample_approvals as a', (j) =>
      j.onRef('a.company_id', '=', 'r.company_id').onRef('a.id', '=', 'r.approval_id'),
    )
    .innerJoin('orders as o', (j) => j.onRef('o.company_id', '=', 'a.company_id').onRef('o.id', '=', 'a.order_id'))
    .select(['a.id', 'a.order_id', 'o.customer_id'])
    .where('r.company_id', '=', companyId)
    .where('r.id', '=', roundId)
    .executeTakeFirst();
}
