import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { applyEvent, availableEvents } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { sampleApprovalMachine } from './sample-approval.machine';
import * as repo from './sample-approval.repository';
import type { SampleDecision } from './sample-approval.table';

// 样品确认: an order that needs sample approval goes round by round (what was sent, the customer's feedback,
// the decision) until one round is approved; bulk production waits for that (see assertSampleApproved).

const toRound = (r: repo.SampleRoundRow) => ({
  id: r.id,
  roundNo: r.round_no,
  sentAt: r.sent_at,
  description: r.description,
  quantity: r.quantity,
  tracking: r.tracking,
  feedback: r.feedback,
  decision: r.decision,
  decidedBy: r.decided_by,
  decidedByCustomer: r.decided_by_customer,
  decidedAt: r.decided_at,
  createdAt: r.created_at,
});

async function view(db: Db, actor: Actor, a: repo.SampleApprovalRow) {
  const rounds = (await repo.roundsOf(db, actor.companyId, a.id)).map(toRound);
  const last = rounds.at(-1);
  return {
    id: a.id,
    orderId: a.order_id,
    quotationId: a.quotation_id,
    status: a.status,
    note: a.note,
    approvedAt: a.approved_at,
    createdAt: a.created_at,
    rounds,
    // A new round may go out while pending and no round waits for feedback.
    canAddRound: a.status === 'pending' && (!last || last.decision !== null),
    actions: availableEvents(sampleApprovalMachine, a.status, actor),
  };
}
export type SampleApproval = Awaited<ReturnType<typeof view>>;

/** The order's sample approval, or null when the order needs none. */
export async function getSampleApproval(db: Db, actor: Actor, orderId: string): Promise<SampleApproval | null> {
  if (!(await repo.orderExists(db, actor.companyId, orderId))) throw new AppError('ORDER.NOT_FOUND');
  const a = await repo.findApprovalOfOrder(db, actor.companyId, orderId);
  return a ? view(db, actor, a) : null;
}

/** Marks the order as needing sample approval before bulk production (once; asking again returns it). */
export async function requireSampleApproval(
  db: Db,
  actor: Actor,
  env: Env,
  orderId: string,
  input: { quotationId?: string; note?: string },
) {
  if (!(await repo.orderExists(db, actor.companyId, orderId))) throw new AppError('ORDER.NOT_FOUND');
  await repo.insertApproval(db, {
    company_id: actor.companyId,
    order_id: orderId,
    quotation_id: input.quotationId ?? null,
    note: input.note ?? '',
    created_at: env.now,
    created_by: actor.userId,
  });
  return (await getSampleApproval(db, actor, orderId))!;
}

/** A sample went out: the next round, once the one before has its decision. */
export async function addSampleRound(
  db: Db,
  actor: Actor,
  env: Env,
  approvalId: string,
  input: { sentAt: string; description: string; quantity: number; tracking?: string },
) {
  const a = await repo.lockApproval(db, actor.companyId, approvalId);
  if (!a) throw new AppError('SAMPLE_APPROVAL.NOT_FOUND');
  if (a.status === 'approved') throw new AppError('SAMPLE_APPROVAL.ALREADY_APPROVED');
  const rounds = await repo.roundsOf(db, actor.companyId, a.id);
  const last = rounds.at(-1);
  if (last && last.decision === null) throw new AppError('SAMPLE_APPROVAL.ROUND_OPEN', { round: last.round_no });
  await repo.insertRound(db, {
    company_id: actor.companyId,
    approval_id: a.id,
    round_no: (last?.round_no ?? 0) + 1,
    sent_at: input.sentAt,
    description: input.description,
    quantity: input.quantity,
    tracking: input.tracking ?? '',
    created_at: env.now,
    created_by: actor.userId,
  });
  return view(db, actor, a);
}

/**
 * The customer's feedback and the decision on a round: approved approves the sample for good (through the
 * machine, with its history row); rejected or revise leaves it pending for the next round.
 */
export async function recordSampleFeedback(
  db: Db,
  actor: Actor,
  env: Env,
  roundId: string,
  input: { feedback: string; decision: SampleDecision },
  byCustomer = false,
) {
  const head = await repo.approvalOfRound(db, actor.companyId, roundId);
  if (!head) throw new AppError('SAMPLE_APPROVAL.ROUND_NOT_FOUND');
  const a = (await repo.lockApproval(db, actor.companyId, head.id))!;
  const round = (await repo.lockRound(db, actor.companyId, roundId))!;
  if (round.decision !== null) throw new AppError('SAMPLE_APPROVAL.ROUND_DECIDED', { round: round.round_no });
  if (a.status === 'approved') throw new AppError('SAMPLE_APPROVAL.ALREADY_APPROVED');
  await repo.updateRound(db, actor.companyId, roundId, {
    feedback: input.feedback,
    decision: input.decision,
    decided_by: actor.userId,
    decided_by_customer: byCustomer,
    decided_at: env.now,
  });
  if (input.decision === 'approved')
    await applyEvent(db, sampleApprovalMachine, {
      entityId: a.id,
      current: a.status,
      event: 'approve',
      actor,
      reason: input.feedback,
      context: undefined,
      at: env.now,
      patch: { approved_at: env.now },
    });
  return view(db, actor, (await repo.findApprovalOfOrder(db, actor.companyId, a.order_id))!);
}

/** 客户门户: the customer answers a round of its own order (any other round is not found). */
export async function recordMySampleFeedback(
  db: Db,
  actor: Actor,
  env: Env,
  roundId: string,
  input: { feedback: string; decision: SampleDecision },
) {
  const head = await repo.approvalOfRound(db, actor.companyId, roundId);
  if (!actor.customerId || head?.customer_id !== actor.customerId)
    throw new AppError('SAMPLE_APPROVAL.ROUND_NOT_FOUND');
  return recordSampleFeedback(db, actor, env, roundId, input, true);
}

/** 批量生产前须样品确认: refuses when the order needs sample approval and has none yet. */
export async function assertSampleApproved(db: Db, companyId: string, orderId: string, orderNumber: string) {
  const a = await repo.findApprovalOfOrder(db, companyId, orderId);
  if (a && a.status !== 'approved') throw new AppError('SAMPLE.APPROVAL_REQUIRED', { number: orderNumber });
}
