import type { Db } from '../../db/database';
import { AppError, type Label, type Lang } from '../../lib/errors';
import { renderReason } from '../../lib/reason-codes';
import { formatMoney, parseMoney, toChineseCapital } from '../../lib/money';
import type { Actor } from '../auth/auth.service';
import { labelFor, wordsFor, type Form, type PrintContext } from '../../lib/printable';
import * as repo from './receivable.repository';
import { overdueInterestLines, type InterestLine } from './overdue-interest';

/** 对账单: receivables (debit) and receipts (credit) of a customer in a period, with running balance. */
export async function statement(
  db: Db,
  actor: Actor,
  customerId: string,
  from: string,
  to: string,
  lang: Lang = 'zh-CN',
  /** With today, the customer's overdue interest (逾期利息) is counted up to it, as lines of its own. */
  today?: string,
) {
  const c = await repo.findCustomerHead(db, actor.companyId, customerId);
  if (!c) throw new AppError('CUSTOMER.NOT_FOUND');
  const movements = await repo.statementMovements(db, actor.companyId, customerId);
  // Balances run per currency (a USD debt is settled in USD) and, beside them, in RMB: receivables at their order's
  // rate, receipts at the rate they were converted at. opening/closing are the RMB figures.
  const opening = new Map<string, bigint>();
  const running = new Map<string, bigint>();
  let openingRmb = 0n;
  let balanceRmb = 0n;
  const lines = [];
  for (const m of movements) {
    if (m.date > to) continue;
    const delta = parseMoney(m.amount);
    const deltaRmb = parseMoney(m.amount_rmb);
    const balance = (running.get(m.currency) ?? 0n) + delta;
    running.set(m.currency, balance);
    balanceRmb += deltaRmb;
    if (m.date < from) {
      opening.set(m.currency, balance);
      openingRmb += deltaRmb;
      continue;
    }
    lines.push({
      date: m.date,
      kind: m.kind,
      reference: renderReason(m.reference, lang),
      currency: m.currency,
      debit: formatMoney(delta > 0n ? delta : 0n),
      credit: formatMoney(delta < 0n ? -delta : 0n),
      balance: formatMoney(balance),
      amountRmb: formatMoney(deltaRmb),
      balanceRmb: formatMoney(balanceRmb),
    });
  }
  const byCurrency = [...running.keys()].sort().map((currency) => ({
    currency,
    opening: formatMoney(opening.get(currency) ?? 0n),
    closing: formatMoney(running.get(currency)!),
  }));
  const balance = balanceRmb;
  const interest = today
    ? await overdueInterestLines(db, actor.companyId, customerId, c.overdue_interest_bp, { from, to, today })
    : { lines: [], total: '0.00' };
  return {
    customer: { id: c.id, code: c.code, name: c.name, overdueInterestBp: c.overdue_interest_bp },
    from,
    to,
    opening: formatMoney(openingRmb),
    closing: formatMoney(balance),
    byCurrency,
    lines,
    // Never part of the receivables' balance above: shown apart, with its basis.
    interest,
    closingWithInterest: formatMoney(balance + parseMoney(interest.total)),
  };
}

/** What each statement line is (应收/收款 kinds), in the reader's language. */
export const statementKinds: Record<string, Label> = {
  shipment: { zh: '发货应收', en: 'Shipment receivable' },
  statement: { zh: '月结应收', en: 'Monthly statement' },
  allowance: { zh: '折让', en: 'Allowance' },
  return_credit: { zh: '退货冲减', en: 'Return credit' },
  receipt: { zh: '收款', en: 'Receipt' },
  overdue_interest: { zh: '逾期利息', en: 'Overdue interest' },
};

/** How an interest line was counted: outstanding × days × daily rate. */
const interestBasis = (l: InterestLine, t: (zh: string, en: string) => string) =>
  `${l.reference} ¥${l.outstanding} × ${l.days}${t('天', ' days')} × ${(l.rateBp / 100).toFixed(2)}%${t('/日', '/day')}`;

/** The printable 对账单, to send or hand to the customer for signature. */
export function statementForm(s: Awaited<ReturnType<typeof statement>>, p: PrintContext): Form {
  const t = wordsFor(p);
  const foreign = s.byCurrency.some((c) => c.currency !== 'CNY');
  return {
    print: p,
    title: t('对账单', 'Statement of Account'),
    head: [
      [t('客户', 'Customer'), `${s.customer.name} (${s.customer.code})`],
      [t('期间', 'Period'), `${s.from} — ${s.to}`],
      [t('期初余额', 'Opening'), s.opening],
    ],
    table: {
      columns: [
        t('日期', 'Date'),
        t('类型', 'Kind'),
        t('单据', 'Reference'),
        t('币种', 'Currency'),
        t('应收', 'Debit'),
        t('收款', 'Credit'),
        t('余额', 'Balance'),
      ],
      rows: [
        ...s.lines.map((l) => [
          l.date,
          labelFor(p, statementKinds[l.kind], l.kind),
          l.reference,
          l.currency,
          l.debit,
          l.credit,
          l.balance,
        ]),
        ...s.interest.lines.map((l) => [
          s.to,
          labelFor(p, statementKinds.overdue_interest, 'overdue_interest'),
          interestBasis(l, t),
          'CNY',
          l.interest,
          '',
          '',
        ]),
      ],
    },
    foot: [
      // With more than RMB, the closing balance of each currency, then all of them in RMB.
      ...(foreign
        ? s.byCurrency.map((c) => [`${t('期末余额', 'Closing')} ${c.currency}`, c.closing] as [string, string])
        : []),
      [foreign ? t('期末余额（折人民币）', 'Closing (in RMB)') : t('期末余额', 'Closing'), s.closing],
      ...(s.interest.lines.length
        ? ([
            [t('逾期利息合计', 'Overdue interest'), s.interest.total],
            [t('含逾期利息', 'Closing with interest'), s.closingWithInterest],
          ] as [string, string][])
        : []),
      ...(p.lang === 'en' ? [] : [['大写', toChineseCapital(parseMoney(s.closing))] as [string, string]]),
      [
        t('客户确认', 'Confirmed by customer'),
        t('（签字 / 盖章）______________  日期：__________', 'Signature / stamp: ______________  Date: __________'),
      ],
    ],
  };
}
