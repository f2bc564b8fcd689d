import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { formatYuan, parseMoney, toChineseCapital } from '../../lib/money';
import type { Form } from '../../lib/printable';
import type { Actor } from '../auth/auth.service';
import type { Preview } from './change-preview';
import { getChangeRequest } from './change.service';

// 变更确认书: the order before and after the change, side by side, for the customer to sign or stamp.

const yuan = (s: string | undefined) => (s === undefined ? '' : formatYuan(parseMoney(s)));
const CHANGE: Record<string, string> = { added: '新增', removed: '删除', changed: '变更', unchanged: '' };
const FIELD: Record<string, string> = {
  expectedDeliveryDate: '要求交期 Delivery date',
  delivery: '收货人/地址 Consignee',
  paymentMethod: '付款方式 Payment',
  paymentDays: '账期天数 Payment days',
  depositPercent: '定金比例 Deposit %',
};
const show = (v: unknown) => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    const d = v as { consignee?: string; phone?: string; address?: string };
    return [d.consignee, d.phone, d.address].filter(Boolean).join(' ');
  }
  return String(v);
};

export async function changeConfirmationForm(db: Db, actor: Actor, env: Env, id: string): Promise<Form> {
  const c = await getChangeRequest(db, actor, env, id);
  const p = c.preview as Preview | null;
  const from = p?.baseVersion ?? c.baseVersion;
  const to = c.appliedVersion ?? from + 1;
  return {
    title: '订单变更确认书 Order Change Confirmation',
    head: [
      ['订单编号 Order No.', c.order.number],
      ['变更单号 Change No.', c.number],
      ['客户 Customer', c.order.customerName],
      ['版本 Version', `V${from} → V${to}`],
      ['变更原因 Reason', c.reason],
      ['提出方 Asked by', c.requestedBy === 'customer' ? '客户 Customer' : '内部 Internal'],
      ...(p?.head ?? []).map((h) => [FIELD[h.field] ?? h.field, `${show(h.old)} → ${show(h.new)}`] as [string, string]),
    ],
    table: {
      columns: [
        '行 No.',
        'SKU',
        '品名 Name',
        '变更 Change',
        '原数量 Old qty',
        '新数量 New qty',
        '原单价 Old price',
        '新单价 New price',
        '原金额 Old amount',
        '新金额 New amount',
      ],
      rows: (p?.lines ?? []).map((l) => [
        l.lineNo,
        l.sku,
        l.name,
        CHANGE[l.change] ?? l.change,
        l.old?.qty ?? '',
        l.new?.qty ?? '',
        yuan(l.old?.unitPrice),
        yuan(l.new?.unitPrice),
        yuan(l.old?.amount),
        yuan(l.new?.amount),
      ]),
    },
    foot: p
      ? [
          ['原合计 Old total', yuan(p.totals.old.total)],
          ['新合计 New total', yuan(p.totals.new.total)],
          ['差额 Difference', yuan(p.totals.totalDelta)],
          ['新合计大写 In words', toChineseCapital(parseMoney(p.totals.new.total))],
          ['客户确认 Customer confirmation', '（签字 / 盖章）Signature / stamp: ______________  日期 Date: __________'],
        ]
      : [],
  };
}
