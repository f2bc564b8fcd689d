import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { formatYuan, parseMoney } from '../../lib/money';
import { localDateTime } from '../../lib/local-date';
import { renderPdf } from '../../lib/pdf';
import { labelFor, totalRows, wordsFor, type PrintContext } from '../../lib/printable';
import type { Actor } from '../auth/auth.service';
import { paymentMethodLabels } from '../customers/customer.labels';
import { getContract } from './contract.service';

/** 销售合同 as printed: parties, the lines with prices, the clauses and the signature block of both sides. */
export async function contractPdf(db: Db, actor: Actor, env: Env, id: string, p: PrintContext) {
  const k = await getContract(db, actor, env, id);
  const t = wordsFor(p);
  // An electronic signature is the customer's portal login: named as such, never printed as its id.
  const customerSigner = (by: string) =>
    by.startsWith('portal:') ? t('客户门户电子确认', 'Confirmed in the customer portal') : by;
  const when = (at: Date | null | undefined) => (at ? localDateTime(new Date(at), p.timeZone) : '');
  const payment = k.paymentMethod
    ? labelFor(p, paymentMethodLabels[k.paymentMethod as keyof typeof paymentMethodLabels], k.paymentMethod) +
      (k.paymentMethod === 'credit' ? ` ${k.paymentDays} ${t('天', 'days')}` : '')
    : '';
  const pdf = await renderPdf({
    title: `${t('销售合同', 'Sales contract')} ${k.number}`,
    print: p,
    blocks: [
      {
        kind: 'fields',
        pairs: [
          [t('合同编号', 'Contract No.'), k.number],
          [t('客户订单号', 'Customer PO'), k.customerPo],
          [t('卖方', 'Seller'), p.company],
          [t('买方', 'Buyer'), `${k.customer.name} (${k.customer.code})`],
          [t('付款方式', 'Payment'), payment],
          [t('交货日期', 'Delivery by'), k.expectedDeliveryDate ?? ''],
        ],
      },
      { kind: 'heading', text: t('产品明细', 'Schedule of products') },
      {
        kind: 'table',
        columns: [
          t('行', 'No.'),
          'SKU',
          t('品名', 'Product'),
          t('规格', 'Spec'),
          t('数量', 'Qty'),
          t('单价', 'Unit price'),
          t('金额', 'Amount'),
        ],
        rows: k.lines.map((l) => [
          l.lineNo,
          l.sku,
          l.name,
          l.spec,
          l.qty,
          formatYuan(parseMoney(l.unitPrice)),
          formatYuan(parseMoney(l.amount)),
        ]),
        align: ['left', 'left', 'left', 'left', 'right', 'right', 'right'],
      },
      { kind: 'fields', pairs: totalRows(p, parseMoney(k.total)) },
      { kind: 'heading', text: t('合同条款', 'Clauses') },
      ...k.clauses.map((c, i) => ({
        kind: 'paragraph' as const,
        text:
          p.lang === 'en' && c.bodyEn
            ? `${i + 1}. ${c.titleEn ?? c.title}: ${c.bodyEn}`
            : `${i + 1}. ${c.title}：${c.body}`,
      })),
      { kind: 'heading', text: t('签署', 'Signatures') },
      {
        kind: 'fields',
        pairs: [
          [
            t('卖方（盖章）', 'Seller (seal)'),
            k.signature.company ? `${k.signature.company.by} ${when(k.signature.company.at)}` : '',
          ],
          [
            t('买方（盖章）', 'Buyer (seal)'),
            k.signature.customer ? `${customerSigner(k.signature.customer.by)} ${when(k.signature.customer.at)}` : '',
          ],
        ],
      },
    ],
  });
  return { number: k.number, pdf };
}
