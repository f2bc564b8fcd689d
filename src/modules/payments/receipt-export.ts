import type { Db } from '../../db/database';
import type { Lang } from '../../lib/errors';
import { localXlsx, nameOf } from '../../lib/local-sheet';
import { renderReason } from '../../lib/reason-codes';
import type { Actor } from '../auth/auth.service';
import * as repo from './payment.repository';

export const RECEIPT_METHODS = ['bank_transfer', 'cash', 'cheque', 'lc', 'online', 'other'] as const;
export const RECEIPTS_EXPORT_LIMIT = 10_000;
export const METHOD_LABELS: Record<string, { zh: string; en: string }> = {
  bank_transfer: { zh: '银行转账', en: 'Bank transfer' },
  cash: { zh: '现金', en: 'Cash' },
  cheque: { zh: '支票', en: 'Cheque' },
  lc: { zh: '信用证', en: 'L/C' },
  online: { zh: '在线支付', en: 'Online' },
  other: { zh: '其他', en: 'Other' },
};
const REVERSAL = { zh: '冲销', en: 'Reversal' };

/** 收款 as the filter shows them, newest first, in the request's language. */
export async function exportReceipts(db: Db, actor: Actor, f: repo.ReceiptFilter, lang: Lang) {
  const rows = await repo.listReceipts(db, actor.companyId, f, RECEIPTS_EXPORT_LIMIT);
  return localXlsx(
    { zh: '收款', en: 'Receipts' },
    [
      { key: 'receivedOn', header: { zh: '收款日期', en: 'Received on' } },
      { key: 'customerCode', header: { zh: '客户编码', en: 'Customer code' } },
      { key: 'customerName', header: { zh: '客户', en: 'Customer' }, width: 24 },
      { key: 'amount', header: { zh: '金额', en: 'Amount' } },
      { key: 'method', header: { zh: '收款方式', en: 'Method' } },
      { key: 'reference', header: { zh: '参考号', en: 'Reference' }, width: 20 },
      { key: 'kind', header: { zh: '类型', en: 'Kind' } },
    ],
    rows.map((r) => ({
      receivedOn: r.received_on,
      customerCode: r.customer_code,
      customerName: r.customer_name,
      amount: r.amount,
      method: nameOf(METHOD_LABELS, r.method, lang),
      reference: renderReason(r.reference, lang),
      kind: r.reverses_id ? (lang === 'en' ? REVERSAL.en : REVERSAL.zh) : '',
    })),
    lang,
  );
}
