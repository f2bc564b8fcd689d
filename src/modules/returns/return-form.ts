import type { Db } from '../../db/database';
import { formatYuan, parseMoney, toChineseCapital } from '../../lib/money';
import type { Label } from '../../lib/errors';
import { labelFor, printTime, wordsFor, type Form, type PrintContext } from '../../lib/printable';
import { returnLabels } from './return.labels';
import type { Actor } from '../auth/auth.service';
import { getReturn } from './return.service';

// 退货单, printable: the return's lines with reasons and inspection, the policy and the refund.

const REASON: Record<string, Label> = {
  quality: { zh: '质量问题', en: 'Quality problem' },
  wrong_item: { zh: '发错货', en: 'Wrong item' },
  damage: { zh: '运输破损', en: 'Damaged in transit' },
  changed_mind: { zh: '客户不想要', en: 'Changed mind' },
  other: { zh: '其他', en: 'Other' },
};

export async function returnForm(db: Db, actor: Actor, id: string, p: PrintContext): Promise<Form> {
  const t = wordsFor(p);
  const r = await getReturn(db, actor, id);
  const refund = parseMoney(r.refund.amount);
  return {
    print: p,
    title: t('退货单', 'Return'),
    head: [
      [t('退货单号', 'Return No.'), r.number],
      [t('原订单', 'Order No.'), r.orderNumber],
      [t('客户', 'Customer'), r.customerName],
      [t('状态', 'Status'), labelFor(p, returnLabels.states[r.status], r.status)],
      [t('申请时间', 'Requested'), printTime(p, r.createdAt)],
      [
        t('退货政策', 'Policy'),
        r.policy
          ? `${r.policy.withinDays ? t('期限内', 'Within the period') : t('超期', 'Past the period')}` +
            ` (${r.policy.daysSinceDelivery ?? '-'} / ${r.policy.days} ${t('天', 'days')})` +
            `${r.policy.inPolicy ? '' : t('，政策外', ', outside the policy')}`
          : '',
      ],
      [t('物流', 'Carrier'), r.shipping ? `${r.shipping.carrier ?? ''} ${r.shipping.trackingNo ?? ''}` : ''],
      [t('备注', 'Note'), r.note],
    ],
    table: {
      columns: [
        t('行', 'No.'),
        'SKU',
        t('品名', 'Name'),
        t('规格', 'Spec'),
        t('退货数量', 'Qty'),
        t('原因', 'Reason'),
        t('单价', 'Price'),
        t('手续费', 'Fee %'),
        t('良品', 'Good'),
        t('次品', 'Defective'),
      ],
      rows: r.lines.map((l) => [
        l.lineNo,
        l.sku,
        l.name,
        l.spec,
        l.qty,
        labelFor(p, REASON[l.reason], l.reason),
        formatYuan(parseMoney(l.unitPrice)),
        l.feePercent,
        l.good ?? '',
        l.defective ?? '',
      ]),
    },
    foot: [
      [t('退货金额', 'Value'), formatYuan(parseMoney(r.refund.value))],
      [t('手续费', 'Fee'), formatYuan(parseMoney(r.refund.fee))],
      [
        t('退款金额', 'Refund'),
        p.lang === 'en' ? formatYuan(refund) : `${formatYuan(refund)}（${toChineseCapital(refund)}）`,
      ],
      [
        t('红字发票信息表', 'Red-letter'),
        r.refund.redLetter
          ? `${r.refund.redLetter.number} (${t('原发票', 'invoice')} ${r.refund.redLetter.invoiceNumber})`
          : '',
      ],
      [t('换货订单', 'Replacement'), r.replacementOrderNumber ?? ''],
      [t('客户签字', 'Customer'), ''],
      [t('仓库签字', 'Warehouse'), ''],
    ],
  };
}
