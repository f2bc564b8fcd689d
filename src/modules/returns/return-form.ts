import type { Db } from '../../db/database';
import { formatYuan, parseMoney, toChineseCapital } from '../../lib/money';
import type { Form } from '../../lib/printable';
import type { Actor } from '../auth/auth.service';
import { getReturn } from './return.service';

// 退货单, printable: the return's lines with reasons and inspection, the policy and the refund.

const REASON: Record<string, string> = {
  quality: '质量问题',
  wrong_item: '发错货',
  damage: '运输破损',
  changed_mind: '客户不想要',
  other: '其他',
};
const STATUS: Record<string, string> = {
  requested: '待审核',
  approved: '已批准',
  rejected: '已拒绝',
  awaiting_goods: '待收货',
  received: '已收货',
  inspected: '已验收',
  refund_pending: '待退款',
  exchange: '换货',
  refunded: '已退款',
  closed: '已关闭',
};
const dt = (d: Date | string | null) =>
  d ? new Date(d).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';

export async function returnForm(db: Db, actor: Actor, id: string): Promise<Form> {
  const r = await getReturn(db, actor, id);
  const refund = parseMoney(r.refund.amount);
  return {
    title: '退货单 Return',
    head: [
      ['退货单号 Return No.', r.number],
      ['原订单 Order No.', r.orderNumber],
      ['客户 Customer', r.customerName],
      ['状态 Status', STATUS[r.status] ?? r.status],
      ['申请时间 Requested', dt(r.createdAt)],
      [
        '退货政策 Policy',
        r.policy
          ? `${r.policy.withinDays ? '期限内' : '超期'}（${r.policy.daysSinceDelivery ?? '-'} / ${r.policy.days} 天）` +
            `${r.policy.inPolicy ? '' : '，政策外'}`
          : '',
      ],
      ['物流 Carrier', r.shipping ? `${r.shipping.carrier ?? ''} ${r.shipping.trackingNo ?? ''}` : ''],
      ['备注 Note', r.note],
    ],
    table: {
      columns: [
        '行 No.',
        'SKU',
        '品名 Name',
        '规格 Spec',
        '退货数量 Qty',
        '原因 Reason',
        '单价 Price',
        '手续费 Fee %',
        '良品 Good',
        '次品 Defective',
      ],
      rows: r.lines.map((l) => [
        l.lineNo,
        l.sku,
        l.name,
        l.spec,
        l.qty,
        REASON[l.reason] ?? l.reason,
        formatYuan(parseMoney(l.unitPrice)),
        l.feePercent,
        l.good ?? '',
        l.defective ?? '',
      ]),
    },
    foot: [
      ['退货金额 Value', formatYuan(parseMoney(r.refund.value))],
      ['手续费 Fee', formatYuan(parseMoney(r.refund.fee))],
      ['退款金额 Refund', `${formatYuan(refund)}（${toChineseCapital(refund)}）`],
      [
        '红字发票信息表 Red-letter',
        r.refund.redLetter ? `${r.refund.redLetter.number}（原发票 ${r.refund.redLetter.invoiceNumber}）` : '',
      ],
      ['换货订单 Replacement', r.replacementOrderNumber ?? ''],
      ['客户签字 Customer', ''],
      ['仓库签字 Warehouse', ''],
    ],
  };
}
