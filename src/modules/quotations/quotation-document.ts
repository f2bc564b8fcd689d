import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { formatYuan, parseMoney } from '../../lib/money';
import { labelFor, totalRows, wordsFor, type Form, type PrintContext } from '../../lib/printable';
import type { Actor } from '../auth/auth.service';
import { paymentMethodLabels } from '../customers/customer.labels';
import { getQuotation } from './quotation.service';

// 报价单 as the customer receives it (PDF and xlsx, in the reader's language): terms, lines with prices and amounts,
// the total. Costs and margins are internal and never printed.

export async function quotationForm(db: Db, actor: Actor, env: Env, id: string, p: PrintContext): Promise<Form> {
  const q = await getQuotation(db, actor, env, id);
  const t = wordsFor(p);
  const payment = q.paymentMethod
    ? labelFor(p, paymentMethodLabels[q.paymentMethod as keyof typeof paymentMethodLabels], q.paymentMethod) +
      (q.paymentMethod === 'credit' ? ` ${q.paymentDays} ${t('天', 'days')}` : '')
    : '';
  return {
    print: p,
    title: t('报价单', 'Quotation'),
    head: [
      [t('报价单号', 'Quotation No.'), `${q.number} (${t('第', 'version ')}${q.version}${t(' 版', '')})`],
      [t('客户', 'Customer'), `${q.customer.name} (${q.customer.code})`],
      [t('有效期至', 'Valid until'), q.validUntil],
      [t('交货日期', 'Delivery by'), q.expectedDeliveryDate ?? ''],
      [t('付款方式', 'Payment'), payment],
      [t('包装要求', 'Packing'), q.packingTerms],
      [t('备注', 'Remarks'), q.remarks],
    ],
    table: {
      columns: [
        t('行', 'No.'),
        'SKU',
        t('品名', 'Product'),
        t('规格', 'Spec'),
        t('数量', 'Qty'),
        t('单位', 'Unit'),
        t('单价', 'Unit price'),
        t('金额', 'Amount'),
        t('备注', 'Remark'),
      ],
      rows: q.lines.map((l) => [
        l.lineNo,
        l.sku,
        l.name,
        l.spec,
        l.qty,
        l.unit,
        formatYuan(parseMoney(l.unitPrice)),
        formatYuan(parseMoney(l.amount)),
        l.remark,
      ]),
    },
    foot: totalRows(p, parseMoney(q.total)),
  };
}
