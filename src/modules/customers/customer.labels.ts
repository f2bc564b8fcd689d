import type { Label } from '../../lib/errors';
import type { CUSTOMER_KINDS, PAYMENT_METHODS } from './customer.schemas';

/** Names of the customer kinds and payment methods in the user's language (exports and their imports). */
export const customerKindLabels: Record<(typeof CUSTOMER_KINDS)[number], Label> = {
  ordinary: { zh: '普通客户', en: 'Ordinary' },
  franchisee: { zh: '加盟商', en: 'Franchisee' },
  direct: { zh: '直营', en: 'Direct' },
  joint: { zh: '联营', en: 'Joint venture' },
};

export const paymentMethodLabels: Record<(typeof PAYMENT_METHODS)[number], Label> = {
  prepaid: { zh: '预付款', en: 'Prepaid' },
  credit: { zh: '账期', en: 'Credit terms' },
  tt: { zh: 'T/T 定金+尾款', en: 'T/T deposit + balance' },
  lc: { zh: '信用证', en: 'Letter of credit' },
  monthly: { zh: '月结', en: 'Monthly settlement' },
  cod: { zh: '货到付款', en: 'Cash on delivery' },
  dp: { zh: '付款交单 D/P', en: 'Documents against payment (D/P)' },
  da: { zh: '承兑交单 D/A', en: 'Documents against acceptance (D/A)' },
  open_account: { zh: '赊销 O/A', en: 'Open account' },
};
