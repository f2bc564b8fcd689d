import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError, type Lang } from '../../lib/errors';
import { todayOf } from '../../lib/local-date';
import { toXlsx } from '../../lib/excel';
import type { Actor } from '../auth/auth.service';
import { explainRow } from '../allocation/engine/explain';
import type { AllocationResult, RowFacts } from '../allocation/engine/types';
import { statementKinds } from '../receivables/statement';
import { customerOf } from './portal.service';
import * as repo from './portal.repository';

// 客户门户 · 往来: what the customer owes and paid, its statements; for franchisees, allocations and money.

const DAY = 86_400_000;
const daysFrom = (today: string, day: string) => Math.round((Date.parse(day) - Date.parse(today)) / DAY);
const say = (l: { zh: string; en: string } | undefined, lang: Lang, code: string) =>
  l ? (lang === 'en' ? l.en : l.zh) : code;

export async function myMoney(db: Db, actor: Actor, env: Env, lang: Lang) {
  if (!actor.customerId) return { receivables: [], statements: [], payments: [] };
  const [receivables, statements, payments] = await Promise.all([
    repo.receivables(db, actor.companyId, actor.customerId),
    repo.statements(db, actor.companyId, actor.customerId),
    repo.payments(db, actor.companyId, actor.customerId),
  ]);
  const today = todayOf(env);
  return {
    receivables: receivables.map((r) => ({
      id: r.id,
      kind: r.kind,
      kindLabel: say(statementKinds[r.kind], lang, r.kind),
      amount: r.amount,
      dueDate: r.due_date,
      overdue: r.due_date < today,
      period: r.period,
      orderNumber: r.order_number,
      createdAt: r.created_at,
    })),
    statements: statements.map((s) => ({
      id: s.id,
      period: s.period,
      from: s.from_date,
      to: s.to_date,
      amount: s.amount,
      dueDate: s.due_date,
      closingBalance: s.closing_balance,
      issuedAt: s.issued_at,
    })),
    payments: payments.map((p) => ({
      id: p.id,
      amount: p.amount,
      receivedOn: p.received_on,
      method: p.method,
      reference: p.reference,
      reversal: p.reverses_id !== null,
    })),
  };
}

/** The period of one of the customer's monthly statements (its printable form is made by the caller). */
export async function myStatementPeriod(db: Db, actor: Actor, id: string) {
  const customerId = customerOf(actor, 'CUSTOMER.NOT_FOUND');
  const s = await repo.findStatement(db, actor.companyId, customerId, id);
  if (!s) throw new AppError('CUSTOMER.NOT_FOUND');
  return { customerId, from: s.from_date, to: s.to_date, period: s.period };
}

export async function exportMyMoney(db: Db, actor: Actor, env: Env, lang: Lang) {
  const m = await myMoney(db, actor, env, lang);
  const en = lang === 'en';
  return toXlsx([
    {
      name: en ? 'Receivables' : '应收',
      columns: [
        { key: 'kindLabel', header: en ? 'Kind' : '类型' },
        { key: 'orderNumber', header: en ? 'Order' : '订单号', width: 22 },
        { key: 'period', header: en ? 'Period' : '账期' },
        { key: 'amount', header: en ? 'Amount' : '金额' },
        { key: 'dueDate', header: en ? 'Due' : '到期日' },
      ],
      rows: m.receivables,
    },
    {
      name: en ? 'Payments' : '付款',
      columns: [
        { key: 'receivedOn', header: en ? 'Received on' : '收款日' },
        { key: 'amount', header: en ? 'Amount' : '金额' },
        { key: 'method', header: en ? 'Method' : '方式' },
        { key: 'reference', header: en ? 'Reference' : '流水号', width: 24 },
      ],
      rows: m.payments,
    },
  ]);
}

/**
 * 加盟商 · 分货: the franchisee's rows of recent allocation runs, each with its rule and the sentence that explains
 * it; its held reservations with the days left to pay; its funds and credit with their ledger.
 */
export async function myAllocations(db: Db, actor: Actor, env: Env, lang: Lang) {
  const customerId = actor.customerId;
  const c = customerId ? await repo.customerHead(db, actor.companyId, customerId) : undefined;
  if (!c || c.kind !== 'franchisee') return { franchisee: false, allocations: [], reservations: [], money: null };
  const runs = await repo.recentRunResults(db, actor.companyId);
  const allocations = runs.flatMap((run) => {
    const stored = run.result as { result: AllocationResult; facts: RowFacts[] };
    return stored.result.allocations.flatMap((row, i) =>
      row.to.kind === 'franchisee' && row.to.id === c.code
        ? [
            {
              runId: run.id,
              at: run.created_at,
              sku: row.sku,
              qty: row.qty,
              status: row.status,
              rule: row.rule,
              expiresOn: row.expiresOn ?? null,
              explanation: explainRow({ ...row, facts: stored.facts[i] })[lang],
            },
          ]
        : [],
    );
  });
  const today = todayOf(env);
  const [reservations, balance, ledger] = await Promise.all([
    repo.reservations(db, actor.companyId, c.id),
    repo.franchiseeMoney(db, actor.companyId, c.id),
    repo.franchiseeLedger(db, actor.companyId, c.id),
  ]);
  return {
    franchisee: true,
    allocations,
    reservations: reservations.map((r) => ({
      id: r.id,
      orderNumber: r.order_number,
      sku: r.sku,
      name: r.name,
      qty: r.qty,
      unitPrice: r.unit_price,
      expiresOn: r.expires_on,
      status: r.status,
      daysLeft: r.status === 'held' ? Math.max(0, daysFrom(today, r.expires_on)) : null,
    })),
    money: {
      funds: balance?.funds ?? '0.00',
      credit: balance?.credit ?? '0.00',
      ledger: ledger.map((l) => ({
        id: l.id,
        at: l.at,
        kind: l.kind,
        fundsDelta: l.funds_delta,
        creditDelta: l.credit_delta,
        reference: l.reference,
      })),
    },
  };
}
