import type { Db } from '../../db/database';
import { formatYuan, parseMoney, toChineseCapital } from '../../lib/money';
import type { Actor } from '../auth/auth.service';
import { getOrder, type Order } from './order.service';
import { orderReview } from './order-extras';
import { bilingual, type Form } from '../../lib/printable';
import { orderLabels } from './order.labels';
import { reviewStageLabels } from '../review/review-stage.labels';

// Printable forms: 模板1 销售订单登记表, 模板2 销售订单审核表 and the confirmation sent to the customer.
// One data model per form, rendered by src/lib/printable as print-styled HTML and as xlsx.

const dt = (d: Date | string | null) =>
  d ? new Date(d).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';

const SOURCE: Record<string, string> = {
  email: '邮件',
  crm: 'CRM',
  fax: '传真',
  phone: '电话',
  ecommerce: '电商平台',
  onsite: '现场',
  import: '导入',
};
const PAYMENT: Record<string, string> = {
  prepaid: '预付款',
  credit: '账期',
  tt: 'T/T 定金+尾款',
  lc: '信用证',
  monthly: '月结',
  cod: '货到付款',
};
const TYPE: Record<string, string> = {
  standard: '标准订单',
  sample: '样机',
  replacement: '赔货',
  material_prep: '备料',
  stock_prep: '自备货',
};
const STAGE: Record<string, string> = {
  sales: '销售审核',
  finance: '财务审核',
  production: '生产审核',
  director: '销售总监',
  gm: '总经理',
};

function paymentText(o: Order) {
  const base = PAYMENT[o.paymentMethod] ?? o.paymentMethod;
  if (o.paymentMethod === 'credit') return `${base} ${o.paymentDays} 天`;
  if (o.paymentMethod === 'tt' && o.depositPercent) return `${base}（定金 ${Number(o.depositPercent)}%）`;
  return base;
}

function orderHead(o: Order): [string, string][] {
  return [
    ['订单编号 Order No.', o.number],
    ['客户 Customer', `${o.customer.name}（${o.customer.code}）`],
    ['订单日期 Date', o.orderDate],
    ['来源 Source', SOURCE[o.source] ?? o.source],
    ['紧急程度 Urgency', o.urgency === 'urgent' ? '加急' : '普通'],
    ['订单类型 Type', TYPE[o.orderType] ?? o.orderType],
    ['要求交期 Delivery', o.expectedDeliveryDate ?? ''],
    ['付款方式 Payment', paymentText(o)],
    ['联系人 Contact', o.contact ? `${o.contact.name} ${o.contact.phone ?? ''}` : ''],
    ['客户 PO', o.customerPo],
    ['收货人 Consignee', o.delivery ? `${o.delivery.consignee} ${o.delivery.phone ?? ''}` : ''],
    ['收货地址 Address', o.delivery?.address ?? ''],
  ];
}

const lineTable = (o: Order) => ({
  columns: [
    '行 No.',
    'SKU',
    '品名 Name',
    '规格型号 Spec',
    '数量 Qty',
    '单位',
    '单价 Price',
    '金额 Amount',
    '赠品 Gift',
  ],
  rows: o.lines.map((l) => [l.lineNo, l.sku, l.name, l.spec, l.qty, l.unit, l.unitPrice, l.amount, l.gift ? '是' : '']),
});

const totalFoot = (o: Order): [string, string][] => [
  ['合计 Total', formatYuan(parseMoney(o.total))],
  ['大写 In words', toChineseCapital(parseMoney(o.total))],
];

export async function registrationForm(db: Db, actor: Actor, id: string): Promise<Form> {
  const o = await getOrder(db, actor, id);
  return {
    title: '销售订单登记表 Sales Order Registration',
    head: [
      ...orderHead(o),
      ['登记人 Registered by', o.registrar.name ?? ''],
      ['买家备注 Buyer remark', o.buyerRemark],
      ['卖家备注 Seller remark', o.sellerRemark],
    ],
    table: lineTable(o),
    foot: [
      ...totalFoot(o),
      ['状态 Status', bilingual(orderLabels.states[o.status])],
      ...(o.writtenConfirmationMissing ? [['注意 Note', '电话订单，书面确认未附'] as [string, string]] : []),
    ],
  };
}

export async function reviewForm(db: Db, actor: Actor, id: string): Promise<Form> {
  const o = await getOrder(db, actor, id);
  const r = await orderReview(db, actor, id);
  return {
    title: '销售订单审核表 Sales Order Review',
    head: [
      ['订单编号 Order No.', o.number],
      ['客户 Customer', o.customer.name],
      ['金额 Amount', formatYuan(parseMoney(o.total))],
      ['大写 In words', toChineseCapital(parseMoney(o.total))],
      ['毛利 Margin', formatYuan(parseMoney(o.margin))],
      ['状态 Status', bilingual(orderLabels.states[o.status])],
    ],
    table: {
      columns: ['轮次 Round', '环节 Stage', '结果 Result', '审核人 Reviewer', '时间 Time', '时限 Due', '意见 Reason'],
      rows: r.stages.map((s) => [
        s.round,
        STAGE[s.stage] ?? s.stage,
        bilingual(reviewStageLabels.states[s.status]),
        s.decidedByName ?? '',
        dt(s.decidedAt),
        `${dt(s.dueAt)}${s.late ? '（超时）' : ''}`,
        s.reason ?? '',
      ]),
    },
    foot: r.productionRequests.map(
      (p) =>
        [
          `生产答复 ${p.sku} × ${p.qty}`,
          p.completionDate ? `预计完工 ${p.completionDate}` : (p.reason ?? '待答复'),
        ] as [string, string],
    ),
  };
}

export async function confirmationForm(db: Db, actor: Actor, id: string): Promise<Form> {
  const o = await getOrder(db, actor, id);
  return {
    title: '订单确认书 Order Confirmation',
    head: orderHead(o),
    table: lineTable(o),
    foot: [
      ...totalFoot(o),
      ['客户确认 Customer confirmation', '（签字 / 盖章）Signature / stamp: ______________  日期 Date: __________'],
    ],
  };
}
