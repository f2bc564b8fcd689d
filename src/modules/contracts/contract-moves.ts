import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { addWorkingHours } from '../../lib/calendar/calendar';
import { applyEvent } from '../../lib/state-machine';
import type { Actor } from '../auth/auth.service';
import { formatYuan, parseMoney } from '../../lib/money';
import { paymentMethodLabels } from '../customers/customer.labels';
import { findAttachment } from '../attachments/attachment.repository';
import * as quotes from '../quotations/quotation.repository';
import { getSettings } from '../settings/settings.service';
import type { Settings } from '../settings/settings.schemas';
import { renderClauses } from './contract-clauses';
import { currentTemplates } from './clause-templates';
import { noticeDrafter, noticeStageStarted } from './contract-notices';
import { contractMachine, type ContractEvent } from './contract.machine';
import * as repo from './contract.repository';
import { getContract, guardContext, numberPrefix, planStages } from './contract.service';
import type { ContractClause, ContractStage } from './contract.table';

type PaymentMethod = keyof typeof paymentMethodLabels;

async function locked(db: Db, actor: Actor, id: string) {
  const row = await repo.lockContract(db, actor.companyId, id);
  if (!row) throw new AppError('CONTRACT.NOT_FOUND');
  return row;
}

/** 生成合同: the accepted quotation's customer, lines, prices and terms, with the clauses rendered for them. */
export async function draftContract(
  db: Db,
  actor: Actor,
  env: Env,
  input: { quotationId: string; customerPo: string; clauses?: ContractClause[]; overdueInterestBp?: number | null },
) {
  const q = await quotes.lockQuotation(db, actor.companyId, input.quotationId);
  if (!q) throw new AppError('QUOTATION.NOT_FOUND');
  if (q.status !== 'accepted') throw new AppError('CONTRACT.QUOTATION_NOT_ACCEPTED');
  const lines = await quotes.findLines(db, actor.companyId, q.id, q.version);
  const facts = {
    lineCount: lines.length,
    // As a reader of the contract expects them: 300,000.00, the payment method by name, no blank date.
    total: formatYuan(parseMoney(q.total)).replace('¥', ''),
    paymentMethod: q.payment_method ? (paymentMethodLabels[q.payment_method as PaymentMethod]?.zh ?? '') : '',
    paymentDays: q.payment_days,
    deliveryDate: q.expected_delivery_date ?? '另行约定',
    customerPo: input.customerPo,
  };
  const method = q.payment_method ? paymentMethodLabels[q.payment_method as PaymentMethod] : undefined;
  const factsEn = {
    ...facts,
    paymentMethod: method?.en ?? '',
    deliveryDate: q.expected_delivery_date ?? 'a date to be agreed',
  };
  const clauses = input.clauses ?? renderClauses(await currentTemplates(db, actor.companyId), facts, factsEn);
  const prefix = numberPrefix(env);
  const { id } = await repo.insertContract(db, {
    company_id: actor.companyId,
    number: await repo.nextNumber(db, actor.companyId, prefix),
    quotation_id: q.id,
    customer_id: q.customer_id,
    customer_po: input.customerPo,
    source: q.source,
    total: q.total,
    payment_method: q.payment_method,
    payment_days: q.payment_days,
    expected_delivery_date: q.expected_delivery_date,
    remarks: q.remarks,
    clauses: JSON.stringify(clauses),
    currency: q.currency,
    exchange_rate: q.exchange_rate,
    export: q.export,
    trade_term: q.trade_term,
    port_of_loading: q.port_of_loading,
    port_of_destination: q.port_of_destination,
    container_type: q.container_type,
    container_count: q.container_count,
    packing: q.packing_terms,
    overdue_interest_bp: input.overdueInterestBp ?? null,
    created_at: env.now,
    created_by: actor.userId,
    updated_at: env.now,
    updated_by: actor.userId,
  });
  await repo.insertLines(
    db,
    lines.map((l) => ({
      company_id: actor.companyId,
      contract_id: id,
      line_no: l.line_no,
      // An accepted quotation's lines are all matched to products: submit and send refuse an unmatched one.
      product_id: l.product_id!,
      sku: l.sku,
      name: l.name,
      spec: l.spec,
      unit: l.unit,
      qty: l.qty,
      unit_price: l.unit_price,
      amount: l.amount,
    })),
  );
  return getContract(db, actor, env, id);
}

/** While draft: the PO number, the clauses and the overdue interest rate. */
export async function updateContract(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  input: { customerPo?: string; clauses?: ContractClause[]; overdueInterestBp?: number | null },
) {
  const k = await locked(db, actor, id);
  if (k.status !== 'draft') throw new AppError('CONTRACT.NOT_DRAFT');
  await repo.updateContract(db, actor.companyId, id, {
    ...(input.customerPo !== undefined ? { customer_po: input.customerPo } : {}),
    ...(input.clauses ? { clauses: JSON.stringify(input.clauses) } : {}),
    ...(input.overdueInterestBp !== undefined ? { overdue_interest_bp: input.overdueInterestBp } : {}),
    updated_at: env.now,
    updated_by: actor.userId,
  });
  return getContract(db, actor, env, id);
}

/** Opens a stage: its time limit runs in working hours from now, like an order's review stage. */
async function startStage(
  db: Db,
  env: Env,
  settings: Settings,
  k: repo.LockedContract,
  round: number,
  stage: ContractStage,
) {
  const dueAt = addWorkingHours(env.now, settings.contracts.stageHours[stage], env.workingHours);
  await repo.insertReview(db, {
    company_id: k.company_id,
    contract_id: k.id,
    round,
    stage,
    started_at: env.now,
    due_at: dueAt,
  });
  return { stage, stage_due_at: dueAt };
}

/**
 * submit (sales) starts a review round at legal; each stage approves to the next, or rejects to draft. The role of
 * each stage that starts is notified; the drafter hears of a rejection and of the approval.
 */
export async function reviewContract(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  input: { decision: 'submit' | 'approve' | 'reject'; reason?: string },
) {
  const k = await locked(db, actor, id);
  const settings = await getSettings(db, actor.companyId);
  const context = guardContext(k, settings);
  const stages = planStages(k.total, settings, k.exchange_rate);
  let event: ContractEvent = input.decision === 'submit' ? 'submit' : input.decision;
  if (event === 'approve' && !context.lastStage) event = 'pass';
  let patch: Record<string, unknown> = {};
  let started: ContractStage | null = null;
  if (event === 'submit') {
    const round = k.review_round + 1;
    started = stages[0];
    patch = { review_round: round, ...(await startStage(db, env, settings, k, round, started)) };
  } else if (event === 'pass' && k.stage) {
    started = stages[stages.indexOf(k.stage) + 1];
    patch = await startStage(db, env, settings, k, k.review_round, started);
  } else patch = { stage: null, stage_due_at: null };
  await applyEvent(db, contractMachine, {
    entityId: id,
    current: k.status,
    event,
    actor,
    context,
    reason: input.reason,
    at: env.now,
    patch,
  });
  if (event !== 'submit' && k.stage)
    await repo.decideReview(
      db,
      { companyId: actor.companyId, contractId: id, round: k.review_round, stage: k.stage },
      {
        decision: input.decision === 'reject' ? 'reject' : 'approve',
        reason: input.reason ?? null,
        decided_by: actor.userId,
        decided_at: env.now,
      },
    );
  const after = await getContract(db, actor, env, id);
  if (started) await noticeStageStarted(db, actor.companyId, after, started);
  else if (event === 'approve') await noticeDrafter(db, actor.companyId, k.created_by, after, 'contract_approved');
  else if (event === 'reject')
    await noticeDrafter(db, actor.companyId, k.created_by, after, 'contract_rejected', input.reason);
  return after;
}

/** Both sides sign: the scan of the paper signed and sealed, or the customer's electronic confirmation. */
export async function signContract(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  input: { attachmentId?: string; electronic?: true; customerSignatory?: string; ip: string },
) {
  const k = await locked(db, actor, id);
  if (input.attachmentId) {
    const scan = await findAttachment(db, actor.companyId, input.attachmentId);
    if (!scan || scan.owner_type !== 'contract' || scan.owner_id !== id) throw new AppError('CONTRACT.SCAN_NOT_FOUND');
  }
  const electronic = !!input.electronic;
  await applyEvent(db, contractMachine, {
    entityId: id,
    current: k.status,
    event: 'sign',
    actor,
    context: guardContext(k, await getSettings(db, actor.companyId)),
    at: env.now,
    patch: {
      sign_scan_id: input.attachmentId ?? null,
      company_signed_by: electronic ? (k.company_signed_by ?? k.created_by) : actor.userId,
      company_signed_at: electronic ? (k.company_signed_at ?? env.now) : env.now,
      company_signed_ip: electronic ? k.company_signed_ip : input.ip,
      customer_signed_by: electronic ? `portal:${actor.userId}` : (input.customerSignatory ?? ''),
      customer_signed_at: env.now,
      customer_signed_ip: electronic ? input.ip : null,
    },
  });
  const after = await getContract(db, actor, env, id);
  if (actor.userId !== k.created_by) await noticeDrafter(db, actor.companyId, k.created_by, after, 'contract_signed');
  return after;
}

/** 提前终止: closed before it is fully called off, saying why; no order is called off it any more. */
export async function closeContract(db: Db, actor: Actor, env: Env, id: string, reason: string) {
  const k = await locked(db, actor, id);
  await applyEvent(db, contractMachine, {
    entityId: id,
    current: k.status,
    event: 'close',
    actor,
    context: guardContext(k, await getSettings(db, actor.companyId)),
    reason,
    at: env.now,
    patch: { close_reason: reason },
  });
  return getContract(db, actor, env, id);
}

/** 电子确认: the customer's portal login signs its own approved contract; another's is not found. */
export async function signAsCustomer(db: Db, actor: Actor, env: Env, id: string, customerId: string, ip: string) {
  const k = await repo.lockContract(db, actor.companyId, id);
  if (!k || k.customer_id !== customerId) throw new AppError('CONTRACT.NOT_FOUND');
  const signed = await signContract(db, actor, env, id, { electronic: true, ip });
  return { id: signed.id, number: signed.number, status: signed.status, signedAt: signed.signedAt };
}
