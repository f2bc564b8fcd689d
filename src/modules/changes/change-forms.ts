import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { formatYuan, parseMoney, toChineseCapital } from '../../lib/money';
import type { Label } from '../../lib/errors';
import { labelFor, wordsFor, type Form, type PrintContext } from '../../lib/printable';
import type { Actor } from '../auth/auth.service';
import type { Preview } from './change-preview';
import { getChangeRequest } from './change.service';

// 变更确认书: the order before and after the change, side by side, for the customer to sign or stamp.

const yuan = (s: string | undefined) => (s === undefined ? '' : formatYuan(parseMoney(s)));
const CHANGE: Record<string, Label> = {
  added: { zh: '新增', en: 'Added' },
  removed: { zh: '删除', en: 'Removed' },
  changed: { zh: '变更', en: 'Changed' },
  unchanged: { zh: '', en: '' },
};
const FIELD: Record<string, Label> = {
  expectedDeliveryDate: { zh: '要求交期', en: 'Delivery date' },
  delivery: { zh: '收货人/地址', en: 'Consignee' },
  paymentMethod: { zh: '付款方式', en: 'Payment' },
  paymentDays: { zh: '账期天数', en: 'Payment days' },
  depositPercent: { zh: '定金比例', en: 'Deposit %' },
};
const show = (v: unknown) => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    const d = v as { consignee?: string; phone?: string; address?: string };
    return [d.consignee, d.phone, d.address].filter(Boolean).join(' ');
  }
  return String(v);
};

export async function changeConfirmationForm(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  print: PrintContext,
): Promise<Form> {
  const t = wordsFor(print);
  const c = await getChangeRequest(db, actor, env, id);
  const p = c.preview as Preview | null;
  const from = p?.baseVersion ?? c.baseVersion;
  const to = c.appliedVersion ?? from + 1;
  return {
    print,
    title: t('订单变更确认书', 'Order Change Confirmation'),
    head: [
      [t('订单编号', 'Order No.'), c.order.number],
      [t('变更单号', 'Change No.'), c.number],
      [t('客户', 'Customer'), c.order.customerName],
      [t('版本', 'Version'), `V${from} → V${to}`],
      [t('变更原因', 'Reason'), c.reason],
      [t('提出方', 'Asked by'), c.requestedBy === 'customer' ? t('客户', 'Customer') : t('内部', 'Internal')],
      ...(p?.head ?? []).map(
        (h) => [labelFor(print, FIELD[h.field], h.field), `${show(h.old)} → ${show(h.new)}`] as [string, string],
      ),
    ],
    table: {
      columns: [
        t('行', 'No.'),
        'SKU',
        t('品名', 'Name'),
        t('变更', 'Change'),
        t('原数量', 'Old qty'),
        t('新数量', 'New qty'),
        t('原单价', 'Old price'),
        t('新单价', 'New price'),
        t('原金额', 'Old amount'),
        t('新金额', 'New amount'),
      ],
      rows: (p?.lines ?? []).map((l) => [
        l.lineNo,
        l.sku,
        l.name,
        labelFor(print, CHANGE[l.change], l.change),
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
          [t('原合计', 'Old total'), yuan(p.totals.old.total)],
          [t('新合计', 'New total'), yuan(p.totals.new.total)],
          [t('差额', 'Difference'), yuan(p.totals.totalDelta)],
          ...(print.lang === 'en'
            ? []
            : [['新合计大写', toChineseCapital(parseMoney(p.totals.new.total))] as [string, string]]),
          [
            t('客户确认', 'Customer confirmation'),
            t('（签字 / 盖章）______________  日期：__________', 'Signature / stamp: ______________  Date: __________'),
          ],
        ]
      : [],
  };
}
