import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { todayOf } from '../../lib/local-date';
import { formatMoney, parseMoney } from '../../lib/money';
import type { Actor } from '../auth/auth.service';
import { insertApplications, orderSettlement } from '../payments/payment.repository';
import { recordReceipt } from '../payments/payment.service';
import { moveReturn } from './return.service';
import * as ledger from './return-effects.repository';
import * as repo from './return.repository';

/** 退款审批: the general manager approves; finance alone may approve refunds below its limit (settings). */
export function approveRefund(db: Db, actor: Actor, env: Env, id: string, input: { reason?: string }) {
  return moveReturn(db, actor, env, id, 'approve_refund', {
    reason: input.reason,
    patch: { refund_approved_by: actor.userId, refund_approved_at: env.now },
  });
}

export type RecordRefundInput = { method?: string; redLetterNumber?: string; refundTo?: 'customer' | 'balance' };

/** 退回余额: what was paid is unapplied from the order (newest receipts first) and stays the customer's balance. */
async function refundToBalance(db: Db, actor: Actor, orderId: string, amount: bigint) {
  let left = amount;
  const rows = [];
  for (const r of await ledger.receiptsAppliedTo(db, actor.companyId, orderId)) {
    if (left <= 0n) break;
    const take = [left, parseMoney(r.applied)].reduce((a, b) => (b < a ? b : a));
    rows.push({
      company_id: actor.companyId,
      receipt_id: r.receipt_id,
      order_id: orderId,
      amount: formatMoney(-take),
      created_by: actor.userId,
    });
    left -= take;
  }
  await insertApplications(db, rows);
}

/**
 * 退款: finance records it, as reversing entries only —
 * - a return credit (退货冲减, a negative receivable) for the refund amount: it lowers what the order owes;
 * - when the order was paid beyond what it now owes (the one definition: settlementOf), what was overpaid (at most
 *   the refund) goes back: a refund payment (a negative receipt applied to the order), or, with refundTo
 *   'balance', unapplied from the order so that it stays the customer's balance (预收);
 * - when an invoice was issued, a red-letter record (红字发票信息表) against it; the invoice is never edited.
 */
export async function recordRefund(db: Db, actor: Actor, env: Env, id: string, input: RecordRefundInput) {
  return moveReturn(db, actor, env, id, 'refund', {
    reason: input.redLetterNumber,
    patch: { refunded_by: actor.userId, refunded_at: env.now },
    effects: async (r) => {
      const amount = parseMoney(r.refund_amount ?? '0.00');
      const order = await repo.orderTotal(db, actor.companyId, r.order_id);
      const invoice = await ledger.invoiceOfOrder(db, actor.companyId, r.order_id);
      if (invoice && !input.redLetterNumber)
        throw new AppError('RETURN.RED_LETTER_REQUIRED', {}, [
          { path: 'redLetterNumber', message: `invoice ${invoice.number} was issued` },
        ]);
      const today = todayOf(env);
      let paidBack = 0n;
      let receiptId: string | null = null;
      if (amount > 0n) {
        await ledger.insertReturnCredit(db, {
          company_id: actor.companyId,
          customer_id: order.customer_id,
          order_id: r.order_id,
          amount: formatMoney(-amount),
          due_date: today,
        });
        const s = (await orderSettlement(db, actor.companyId, [r.order_id])).get(r.order_id)!;
        const owed = parseMoney(order.total) - s.allowances - s.paid;
        const over = owed < 0n ? -owed : 0n;
        paidBack = [over, amount, s.paid].reduce((a, b) => (b < a ? b : a));
        if (paidBack > 0n && input.refundTo === 'balance') await refundToBalance(db, actor, r.order_id, paidBack);
        else if (paidBack > 0n) {
          const receipt = await recordReceipt(db, actor, {
            customerId: order.customer_id,
            amount: formatMoney(-paidBack),
            receivedOn: today,
            method: input.method ?? 'bank',
            reference: `退款 Refund ${r.number}`,
            applications: [{ orderId: r.order_id, amount: formatMoney(-paidBack) }],
          });
          receiptId = receipt.id;
        }
      }
      if (invoice && input.redLetterNumber && (await ledger.redLetterTaken(db, actor.companyId, input.redLetterNumber)))
        throw new AppError('RETURN.RED_LETTER_TAKEN', { number: input.redLetterNumber }, [
          { path: 'redLetterNumber', message: 'already recorded' },
        ]);
      const reversalId =
        invoice && amount > 0n
          ? await ledger.insertInvoiceReversal(db, {
              company_id: actor.companyId,
              invoice_id: invoice.id,
              return_id: id,
              red_letter_number: input.redLetterNumber!,
              amount: formatMoney(-amount),
              issued_on: today,
              created_by: actor.userId,
            })
          : null;
      await repo.setRefundResult(db, actor.companyId, id, {
        credit_amount: formatMoney(amount),
        refund_paid: formatMoney(paidBack),
        refund_receipt_id: receiptId,
        invoice_reversal_id: reversalId,
      });
    },
  });
}
