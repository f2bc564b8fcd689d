import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import { formatMoney, parseMoney, toChineseCapital } from '../../lib/money';
import type { Actor } from '../auth/auth.service';
import type { Form } from '../../lib/printable';
import * as repo from './receivable.repository';

/** 对账单: receivables (debit) and receipts (credit) of a customer in a period, with running balance. */
export async function statement(db: Db, actor: Actor, customerId: string, from: string, to: string) {
  const c = await repo.findCustomerHead(db, actor.companyId, customerId);
  if (!c) throw new AppError('CUSTOMER.NOT_FOUND');
  const movements = await repo.statementMovements(db, actor.companyId, customerId);
  let balance = 0n;
  let opening = 0n;
  const lines = [];
  for (const m of movements) {
    const delta = parseMoney(m.debit) - parseMoney(m.credit);
    if (m.date < from) {
      opening += delta;
      balance += delta;
      continue;
    }
    if (m.date > to) continue;
    balance += delta;
    lines.push({
      date: m.date,
      kind: m.kind,
      reference: m.reference,
      debit: formatMoney(parseMoney(m.debit)),
      credit: formatMoney(parseMoney(m.credit)),
      balance: formatMoney(balance),
    });
  }
  return {
    customer: { id: c.id, code: c.code, name: c.name },
    from,
    to,
    opening: formatMoney(opening),
    closing: formatMoney(balance),
    lines,
  };
}

const KIND: Record<string, string> = {
  shipment: '发货应收',
  statement: '月结应收',
  allowance: '折让',
  return_credit: '退货冲减',
  receipt: '收款',
};

/** The printable 对账单, to send or hand to the customer for signature. */
export function statementForm(s: Awaited<ReturnType<typeof statement>>): Form {
  return {
    title: '对账单 Statement of Account',
    head: [
      ['客户 Customer', `${s.customer.name}（${s.customer.code}）`],
      ['期间 Period', `${s.from} — ${s.to}`],
      ['期初余额 Opening', s.opening],
    ],
    table: {
      columns: ['日期 Date', '类型 Kind', '单据 Reference', '应收 Debit', '收款 Credit', '余额 Balance'],
      rows: s.lines.map((l) => [l.date, KIND[l.kind] ?? l.kind, l.reference, l.debit, l.credit, l.balance]),
    },
    foot: [
      ['期末余额 Closing', s.closing],
      ['大写 In words', toChineseCapital(parseMoney(s.closing))],
      ['客户确认 Confirmed by customer', '（签字 / 盖章）______________  日期 Date: __________'],
    ],
  };
}
