import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError, type Lang } from '../../lib/errors';
import { parseReason, reasonCode, renderReason } from '../../lib/reason-codes';
import { recordDomainEvent } from '../../lib/domain-events';
import { formatAmount, formatMoney, parseMoney, toRmb } from '../../lib/money';
import { assertCurrency, HOME_CURRENCY, rateFor } from '../settings/exchange-rates';
import type { Actor } from '../auth/auth.service';
import { paymentGates } from './payment-gates';
import { todayOf } from '../../lib/local-date';
import type { PageQuery } from '../../lib/schemas';
import * as repo from './payment.repository';

// Receipts (收款) and their application to orders. Nothing is edited or deleted: a correction is a
// reversing receipt, unapplying is a negative application. What is not applied is the customer's balance.

export { orderSettlement, settlementOf, type Settlement } from './payment.repository';

/** What has been paid on the order: the receipts applied to it (allowances are not payments). */
export async function orderPaid(db: Db, companyId: string, orderId: string): Promise<bigint> {
  return (await repo.orderSettlement(db, companyId, [orderId])).get(orderId)?.paid ?? 0n;
}

async function receiptUnapplied(db: Db, companyId: string, receiptId: string) {
  const r = await repo.receiptAmounts(db, companyId, receiptId);
  return r.amount - r.applied;
}

/** The customer's unapplied money (预收/余额): receipts minus applications, in RMB and per currency. */
export async function getCustomerBalance(db: Db, actor: Actor, customerId: string) {
  if (!(await repo.customerExists(db, actor.companyId, customerId))) throw new AppError('CUSTOMER.NOT_FOUND');
  const totals = await repo.customerReceiptTotals(db, actor.companyId, customerId);
  return {
    balance: formatMoney(totals.reduce((n, c) => n + c.receivedRmb - c.appliedRmb, 0n)),
    byCurrency: totals.map((c) => ({ currency: c.currency, balance: formatMoney(c.received - c.applied) })),
  };
}

/** The order's total, what is paid, what allowances took off, what is still owed, and its payment gates. */
export async function orderPayment(db: Db, actor: Actor, env: Env, orderId: string, lang: Lang) {
  const o = await repo.orderPaymentTerms(db, actor.companyId, orderId);
  if (!o) throw new AppError('ORDER.NOT_FOUND');
  const s = (await repo.orderSettlement(db, actor.companyId, [o.id])).get(o.id)!;
  return {
    total: o.total,
    paid: formatMoney(s.paid),
    allowances: formatMoney(s.allowances),
    owed: formatMoney(parseMoney(o.total) - s.allowances - s.paid),
    gates: (await paymentGates(db, actor.companyId, o, todayOf(env))).map((g) => ({
      ...g,
      waitsFor: renderReason(g.waitsFor, lang),
      waitsForCode: parseReason(g.waitsFor)?.code ?? null,
      waitsForParams: parseReason(g.waitsFor)?.params ?? null,
    })),
  };
}

export async function applyReceipt(
  db: Db,
  actor: Actor,
  receiptId: string,
  a: { orderId: string; amount: string },
  /** The request field naming the order, for a refusal. */
  path = 'orderId',
) {
  const receipt = await repo.lockReceipt(db, actor.companyId, receiptId);
  if (!receipt) throw new AppError('RECEIPT.NOT_FOUND');
  const order = await repo.lockOrderForPayment(db, actor.companyId, a.orderId);
  if (!order) throw new AppError('ORDER.NOT_FOUND');
  if (order.customer_id !== receipt.customer_id) throw new AppError('RECEIPT.WRONG_CUSTOMER');
  // A receipt settles only orders in its own currency, amount for amount (as SAP and Odoo match open items in
  // the document currency). Converting a EUR receipt onto a USD order would need a cross rate nobody agreed to
  // and would hide the exchange difference; the customer owes the contract currency, so a receipt in another
  // currency is refused, naming the field, and stays on the customer's balance in its currency.
  if (order.currency !== receipt.currency)
    throw new AppError(
      'RECEIPT.CURRENCY_MISMATCH',
      { field: path, receiptCurrency: receipt.currency, orderCurrency: order.currency, order: order.number },
      [{ path, message: `order ${order.number} is in ${order.currency}, the receipt in ${receipt.currency}` }],
    );
  const money = (fen: bigint) => formatAmount(fen, receipt.currency);
  const amount = parseMoney(a.amount);
  const available = await receiptUnapplied(db, actor.companyId, receiptId);
  if (amount > available) throw new AppError('RECEIPT.OVER_APPLIED', { available: money(available) });
  const { paid, allowances } = (await repo.orderSettlement(db, actor.companyId, [a.orderId])).get(a.orderId)!;
  if (amount < 0n && -amount > paid) throw new AppError('RECEIPT.OVER_APPLIED', { available: money(paid) });
  // Overpayment is the customer's balance (预收), never an order paid beyond what it owes after allowances.
  const owed = parseMoney(order.total) - allowances - paid;
  if (amount > 0n && amount > owed) throw new AppError('RECEIPT.OVER_ORDER', { owed: money(owed) });
  await repo.insertApplications(db, [
    {
      company_id: actor.companyId,
      receipt_id: receiptId,
      order_id: a.orderId,
      amount: formatMoney(amount),
      created_by: actor.userId,
    },
  ]);
}

export async function recordReceipt(
  db: Db,
  actor: Actor,
  input: {
    customerId: string;
    amount: string;
    /** The currency received (RMB unless said) and, for a foreign one, the RMB rate the bank converted at. */
    currency?: string;
    exchangeRate?: string;
    receivedOn: string;
    method: string;
    reference: string;
    applications: { orderId: string; amount: string }[];
  },
) {
  if (!(await repo.customerExists(db, actor.companyId, input.customerId))) throw new AppError('CUSTOMER.NOT_FOUND');
  const currency = input.currency ?? HOME_CURRENCY;
  await assertCurrency(db, actor.companyId, currency);
  if (currency === HOME_CURRENCY && input.exchangeRate !== undefined && Number(input.exchangeRate) !== 1)
    throw new AppError('VALIDATION.FAILED', { summary: 'exchangeRate' }, [
      { path: 'exchangeRate', message: 'an RMB receipt has rate 1' },
    ]);
  // Without the bank's rate, the company's rate of the day received (the latest on or before it).
  const rate = input.exchangeRate ?? (await rateFor(db, actor.companyId, currency, input.receivedOn));
  const id = await repo.insertReceipt(db, {
    company_id: actor.companyId,
    customer_id: input.customerId,
    amount: input.amount,
    currency,
    exchange_rate: rate,
    amount_rmb: formatMoney(toRmb(parseMoney(input.amount), rate)),
    received_on: input.receivedOn,
    method: input.method,
    reference: input.reference,
    created_by: actor.userId,
  });
  for (const [i, a] of input.applications.entries()) await applyReceipt(db, actor, id, a, `applications.${i}.orderId`);
  await recordDomainEvent(db, {
    companyId: actor.companyId,
    type: 'receipt.recorded',
    entityType: 'receipt',
    entityId: id,
    data: { customerId: input.customerId, amount: input.amount, receivedOn: input.receivedOn },
  });
  return getReceipt(db, actor, id);
}

/** 冲销: a receipt entered wrongly is reversed by its negative twin; its applications are undone the same way. */
export async function reverseReceipt(db: Db, actor: Actor, id: string, reason: string, lang: Lang = 'zh-CN') {
  const original = await repo.lockReceipt(db, actor.companyId, id);
  if (!original) throw new AppError('RECEIPT.NOT_FOUND');
  const already = await repo.findReversal(db, actor.companyId, id);
  if (already || original.reverses_id) throw new AppError('RECEIPT.ALREADY_REVERSED');
  const reversal = await repo.insertReceipt(db, {
    company_id: actor.companyId,
    customer_id: original.customer_id,
    amount: formatMoney(-parseMoney(original.amount)),
    currency: original.currency,
    exchange_rate: original.exchange_rate,
    amount_rmb: formatMoney(-parseMoney(original.amount_rmb)),
    received_on: original.received_on,
    method: original.method,
    reference: reasonCode('receipt_reversal', { note: reason }),
    reverses_id: id,
    created_by: actor.userId,
  });
  const applied = await repo.appliedByOrder(db, actor.companyId, id);
  await repo.insertApplications(
    db,
    applied.map((a) => ({
      company_id: actor.companyId,
      receipt_id: id,
      order_id: a.order_id,
      amount: formatMoney(-parseMoney(a.s)),
      created_by: actor.userId,
    })),
  );
  return getReceipt(db, actor, reversal, lang);
}

/** A receipt's amount in its currency, the rate it was converted at and its RMB amount. */
const receiptMoney = (r: { amount: string; currency: string; exchange_rate: string; amount_rmb: string }) => ({
  amount: r.amount,
  currency: r.currency,
  exchangeRate: r.exchange_rate,
  amountRmb: r.amount_rmb,
});

export async function getReceipt(db: Db, actor: Actor, id: string, lang: Lang = 'zh-CN') {
  const r = await repo.findReceipt(db, actor.companyId, id);
  if (!r) throw new AppError('RECEIPT.NOT_FOUND');
  const applications = await repo.listApplications(db, actor.companyId, id);
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    ...receiptMoney(r),
    receivedOn: r.received_on,
    method: r.method,
    reference: renderReason(r.reference, lang),
    reversesId: r.reverses_id,
    unapplied: formatMoney(await receiptUnapplied(db, actor.companyId, id)),
    applications: applications.map((a) => ({
      orderId: a.order_id,
      orderNumber: a.number,
      amount: a.amount,
      at: a.created_at,
    })),
  };
}

/** One page of the receipts the filter shows, newest first unless sorted. */
export async function listReceipts(db: Db, actor: Actor, f: repo.ReceiptFilter, q: PageQuery, lang: Lang) {
  const page = await repo.pageReceipts(db, actor.companyId, f, q);
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id,
      customerId: r.customer_id,
      customerName: r.customer_name,
      ...receiptMoney(r),
      receivedOn: r.received_on,
      method: r.method,
      reference: renderReason(r.reference, lang),
      reversesId: r.reverses_id,
    })),
  };
}
