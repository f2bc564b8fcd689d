import { sql, type Updateable } from 'kysely';
import type { Db } from '../../db/database';
import type { ReviewStagesTable, StageName } from './review.table';
import { DECIDED_STAGE } from './review-stage.machine';

const stageColumns = [
  'id',
  'order_id',
  'round',
  'seq',
  'stage',
  'role',
  'status',
  'started_at',
  'due_at',
  'late_at',
  'claimed_by',
  'claim_expires_at',
  'decided_by',
  'decided_at',
  'reason',
] as const;

export function insertStages(
  db: Db,
  companyId: string,
  orderId: string,
  round: number,
  stages: { stage: StageName; role: string }[],
  firstDue: { startedAt: Date; dueAt: Date },
  startSeq = 1,
) {
  return db
    .insertInto('review_stages')
    .values(
      stages.map((s, i) => ({
        company_id: companyId,
        order_id: orderId,
        round,
        seq: startSeq + i,
        stage: s.stage,
        role: s.role,
        status: 'pending' as const,
        started_at: i === 0 ? firstDue.startedAt : null,
        due_at: i === 0 ? firstDue.dueAt : null,
      })),
    )
    .execute();
}

export function listStages(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('review_stages')
    .select(stageColumns)
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .orderBy('round')
    .orderBy('seq')
    .execute();
}
export type StageRow = Awaited<ReturnType<typeof listStages>>[number];

/** The round's first pending stage: the one waiting now. */
export function currentStage(db: Db, companyId: string, orderId: string, round: number) {
  return db
    .selectFrom('review_stages')
    .select(stageColumns)
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .where('round', '=', round)
    .where('status', '=', 'pending')
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
}

export function updateStage(
  db: Db,
  companyId: string,
  orderId: string,
  round: number,
  seq: number,
  patch: Omit<Updateable<ReviewStagesTable>, 'status'>,
) {
  return db
    .updateTable('review_stages')
    .set(patch)
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .where('round', '=', round)
    .where('seq', '=', seq)
    .execute();
}

/** The stages of an order still waiting for a decision, any round. */
export function pendingStages(db: Db, companyId: string, orderId: string) {
  return db
    .selectFrom('review_stages')
    .select(stageColumns)
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .where('status', '=', 'pending')
    .orderBy('round')
    .orderBy('seq')
    .execute();
}

/** Who decided the round's stages other than `seq` (approved or rejected). */
export async function decidersInRound(db: Db, companyId: string, orderId: string, round: number, seq: number) {
  const rows = await db
    .selectFrom('review_stages')
    .select('decided_by')
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .where('round', '=', round)
    .where('seq', '<>', seq)
    .where('status', 'in', [...DECIDED_STAGE])
    .where('decided_by', 'is not', null)
    .execute();
  return rows.map((r) => r.decided_by!);
}

export async function lastSeq(db: Db, companyId: string, orderId: string, round: number): Promise<number> {
  const r = await sql<{ m: number }>`
    select coalesce(max(seq), 0)::int as m from review_stages
    where company_id = ${companyId} and order_id = ${orderId} and round = ${round}`.execute(db);
  return r.rows[0].m;
}

/** Whether a stage of the round has been approved (e.g. the director's credit approval). */
export async function approvedInRound(
  db: Db,
  companyId: string,
  orderId: string,
  round: number,
  stage: StageName,
): Promise<boolean> {
  const r = await db
    .selectFrom('review_stages')
    .select('seq')
    .where('company_id', '=', companyId)
    .where('order_id', '=', orderId)
    .where('round', '=', round)
    .where('stage', '=', stage)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  return !!r;
}

/** Current stages waiting for any of the roles (admin: all), excluding orders the user registered. */
function openStages(db: Db, companyId: string, userId: string, roles: readonly string[], now: Date) {
  let q = db
    .selectFrom('review_stages as s')
    .innerJoin('orders as o', (j) =>
      j
        .onRef('o.company_id', '=', 's.company_id')
        .onRef('o.id', '=', 's.order_id')
        .onRef('o.review_round', '=', 's.round'),
    )
    .where('s.company_id', '=', companyId)
    .where('s.status', '=', 'pending')
    .where('s.started_at', 'is not', null)
    .where('o.status', '=', 'in_review')
    .where('o.registrar_id', '<>', userId)
    .where((eb) =>
      eb.or([eb('s.claimed_by', 'is', null), eb('s.claimed_by', '=', userId), eb('s.claim_expires_at', '<', now)]),
    );
  if (!roles.includes('admin')) q = q.where('s.role', 'in', roles.length ? [...roles] : ['']);
  return q;
}

/** The stages the user may take, with their orders, most urgent first (the review queue). */
export function openStagesFor(db: Db, companyId: string, userId: string, roles: readonly string[], now: Date) {
  return openStages(db, companyId, userId, roles, now)
    .innerJoin('customers as c', (j) =>
      j.onRef('c.company_id', '=', 'o.company_id').onRef('c.id', '=', 'o.customer_id'),
    )
    .select([
      's.order_id',
      's.round',
      's.seq',
      's.stage',
      's.role',
      's.started_at',
      's.due_at',
      's.late_at',
      's.claimed_by',
      's.claim_expires_at',
      'o.number',
      'o.total',
      'o.urgency',
      'c.name as customer_name',
      's.status',
      sql<boolean>`exists (
        select 1 from review_stages d
        where d.company_id = s.company_id and d.order_id = s.order_id and d.round = s.round and d.seq <> s.seq
          and d.decided_by = ${userId} and d.status = any(${[...DECIDED_STAGE]}::text[]))`.as('decided_other_by_me'),
    ])
    .orderBy(sql`o.urgency = 'urgent'`, 'desc')
    .orderBy('s.due_at')
    .orderBy('o.number');
}

/** How many stages the user may take, and how many of them are past their time limit (the 工作台's card). */
export function countOpenStagesFor(db: Db, companyId: string, userId: string, roles: readonly string[], now: Date) {
  return openStages(db, companyId, userId, roles, now)
    .select([
      sql<number>`count(*)::int`.as('count'),
      sql<number>`(count(*) filter (where s.due_at < ${now}))::int`.as('late'),
    ])
    .executeTakeFirstOrThrow();
}

/** Claims up to `limit` unclaimed (or expired) current stages; SKIP LOCKED so two reviewers never take one order. */
export async function claimStages(
  db: Db,
  companyId: string,
  userId: string,
  roles: readonly string[],
  now: Date,
  until: Date,
  limit: number,
) {
  const candidates = await openStagesFor(db, companyId, userId, roles, now)
    .where((eb) => eb.or([eb('s.claimed_by', 'is', null), eb('s.claim_expires_at', '<', now)]))
    .limit(limit)
    .forUpdate('s')
    .skipLocked()
    .execute();
  if (!candidates.length) return [];
  await sql`
    update review_stages s set claimed_by = ${userId}, claim_expires_at = ${until}
    from unnest(
      ${candidates.map((c) => c.order_id)}::uuid[],
      ${candidates.map((c) => c.round)}::int[],
      ${candidates.map((c) => c.seq)}::int[]
    ) as k(order_id, round, seq)
    where s.company_id = ${companyId} and s.order_id = k.order_id and s.round = k.round and s.seq = k.seq`.execute(db);
  return candidates.map((c) => c.order_id);
}

export function releaseClaims(db: Db, companyId: string, userId: string, orderIds?: string[]) {
  let q = db
    .updateTable('review_stages')
    .set({ claimed_by: null, claim_expires_at: null })
    .where('company_id', '=', companyId)
    .where('claimed_by', '=', userId)
    .where('status', '=', 'pending');
  if (orderIds) q = q.where('order_id', 'in', orderIds.length ? orderIds : ['00000000-0000-0000-0000-000000000000']);
  return q.executeTakeFirst();
}

/** Marks every overdue current stage late, once; returns them so their supervisors can be told. */
export function markLateStages(db: Db, now: Date) {
  return db
    .updateTable('review_stages as s')
    .from('orders as o')
    .set({ late_at: now })
    .whereRef('o.company_id', '=', 's.company_id')
    .whereRef('o.id', '=', 's.order_id')
    .whereRef('o.review_round', '=', 's.round')
    .where('o.status', '=', 'in_review')
    .where('s.status', '=', 'pending')
    .where('s.due_at', '<', now)
    .where('s.late_at', 'is', null)
    .returning(['s.company_id', 's.order_id', 's.stage', 'o.number'])
    .execute();
}
