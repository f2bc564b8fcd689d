import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { availableEvents } from '../../lib/state-machine';
import { formatMoney, parseMoney, toRmb } from '../../lib/money';
import { todayOf } from '../../lib/local-date';
import type { Actor } from '../auth/auth.service';
import { hasRole } from '../auth/roles';
import { getSettings } from '../settings/settings.service';
import type { Settings } from '../settings/settings.schemas';
import { contractMachine, STAGE_ROLES, type ContractEvent, type ContractGuardContext } from './contract.machine';
import * as repo from './contract.repository';
import type { ContractStage } from './contract.table';
import { exportTermsOf } from '../orders/order-currency';

export type ContractAction = ContractEvent | 'edit' | 'order';

/**
 * The stages of the contract's review: legal and finance, the general manager from the threshold (RMB) up; a
 * foreign-currency total is compared in RMB at the contract's rate.
 */
export function planStages(total: string, settings: Settings, rate = '1'): ContractStage[] {
  const gm = toRmb(parseMoney(total), rate) >= parseMoney(settings.contracts.gmThreshold);
  return gm ? ['legal', 'finance', 'gm'] : ['legal', 'finance'];
}

/** The facts the machine's guards see for the stage under review. */
export function guardContext(
  row: { stage: ContractStage | null; total: string; exchange_rate: string },
  settings: Settings,
): ContractGuardContext {
  const stages = planStages(row.total, settings, row.exchange_rate);
  return {
    stage: row.stage,
    stageRole: row.stage ? STAGE_ROLES[row.stage] : null,
    lastStage: row.stage !== null && stages.indexOf(row.stage) === stages.length - 1,
  };
}

const remainingOf = (lines: repo.ContractLineRow[]) => lines.reduce((n, l) => n + l.qty - l.called_qty, 0);

function contractActions(
  row: repo.ContractRow,
  lines: repo.ContractLineRow[],
  actor: Actor,
  settings: Settings,
): ContractAction[] {
  const events: ContractAction[] = availableEvents(
    contractMachine,
    row.status,
    actor,
    guardContext(row, settings),
  ).filter((e) => e !== 'complete' && e !== 'reopen' && (e !== 'sign' || !actor.roles.every((r) => r === 'customer')));
  const sales = hasRole(actor.roles, ['sales_assistant']);
  if (row.status === 'draft' && sales) events.push('edit');
  if (row.status === 'signed' && sales && remainingOf(lines) > 0) events.push('order');
  return events;
}

function toSummary(row: repo.ContractRow) {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    customer: { id: row.customer_id, code: row.customer_code, name: row.customer_name },
    quotation: row.quotation_id ? { id: row.quotation_id, number: row.quotation_number ?? '' } : null,
    customerPo: row.customer_po,
    total: row.total,
    /** 外贸: the total is in `currency`, at `exchangeRate` RMB per unit (copied from the quotation). */
    ...exportTermsOf(row),
    packing: row.packing,
    stage: row.stage,
    stageDueAt: row.stage_due_at,
    expectedDeliveryDate: row.expected_delivery_date,
    createdAt: row.created_at,
    signedAt: row.customer_signed_at ?? row.company_signed_at,
  };
}

export async function getContract(db: Db, actor: Actor, env: Env, id: string) {
  const row = await repo.findContract(db, actor.companyId, id);
  if (!row) throw new AppError('CONTRACT.NOT_FOUND');
  const [lines, reviews, orders, settings] = await Promise.all([
    repo.findLines(db, actor.companyId, id),
    repo.findReviews(db, actor.companyId, id),
    repo.performance(db, actor.companyId, id),
    getSettings(db, actor.companyId),
  ]);
  const sum = (k: 'ordered' | 'shipped' | 'paid') => formatMoney(orders.reduce((s, o) => s + parseMoney(o[k]), 0n));
  return {
    ...toSummary(row),
    source: row.source,
    paymentMethod: row.payment_method,
    paymentDays: row.payment_days,
    remarks: row.remarks,
    /** 逾期利息 of this contract's receivables (basis points a day); null: the customer's rate. */
    overdueInterestBp: row.overdue_interest_bp,
    closeReason: row.close_reason,
    clauses: row.clauses,
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      productId: l.product_id,
      sku: l.sku,
      name: l.name,
      spec: l.spec,
      unit: l.unit,
      qty: l.qty,
      unitPrice: l.unit_price,
      amount: l.amount,
      calledQty: l.called_qty,
      remainingQty: l.qty - l.called_qty,
    })),
    stages: planStages(row.total, settings, row.exchange_rate),
    reviews: reviews.map((r) => ({
      round: r.round,
      stage: r.stage,
      startedAt: r.started_at,
      dueAt: r.due_at,
      decision: r.decision,
      reason: r.reason,
      decidedBy: r.decided_by ? { id: r.decided_by, name: r.decided_by_name ?? '' } : null,
      decidedAt: r.decided_at,
    })),
    signature: {
      scanId: row.sign_scan_id,
      company: row.company_signed_at
        ? { by: row.company_signed_name ?? '', at: row.company_signed_at, ip: row.company_signed_ip }
        : null,
      customer: row.customer_signed_at
        ? { by: row.customer_signed_by ?? '', at: row.customer_signed_at, ip: row.customer_signed_ip }
        : null,
    },
    performance: {
      ordered: sum('ordered'),
      shipped: sum('shipped'),
      paid: sum('paid'),
      orders: orders.map((o) => ({
        id: o.id,
        number: o.number,
        status: o.status,
        ordered: o.ordered,
        shipped: o.shipped,
        paid: o.paid,
      })),
    },
    actions: contractActions(row, lines, actor, settings),
  };
}
export type Contract = Awaited<ReturnType<typeof getContract>>;

export async function listContracts(
  db: Db,
  actor: Actor,
  env: Env,
  q: {
    q?: string;
    status?: repo.ContractRow['status'];
    customerId?: string;
    from?: string;
    to?: string;
    page: number;
    pageSize: number;
  },
) {
  const r = await repo.listContracts(db, actor.companyId, { ...q, timeZone: env.workingHours.timeZone }, q);
  return { items: r.items.map(toSummary), total: r.total, page: q.page, pageSize: q.pageSize };
}

/** The month part of a contract number, in the company's time zone. */
export const numberPrefix = (env: Env) => `HT${todayOf(env).slice(0, 7).replace('-', '')}-`;
