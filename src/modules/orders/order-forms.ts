import type { Db } from '../../db/database';
import type { Label } from '../../lib/errors';
import { formatYuan, parseMoney } from '../../lib/money';
import type { Actor } from '../auth/auth.service';
import { getOrder, type Order } from './order.service';
import { orderReview } from './order-extras';
import { labelFor, printTime, totalRows, wordsFor, type Form, type PrintContext } from '../../lib/printable';
import { orderLabels } from './order.labels';
import { invoiceTypeLabels } from '../../lib/reason-codes';
import { allInvoices } from '../receivables/finance-lists';
import { reviewStageLabels } from '../review/review-stage.labels';

// Printable forms: 模板1 销售订单登记表, 模板2 销售订单审核表 and the confirmation sent to the customer.
// One data model per form, rendered by src/lib/printable as print-styled HTML and as xlsx, in the reader's language.

const SOURCE: Record<string, Label> = {
  email: { zh: '邮件', en: 'Email' },
  crm: { zh: 'CRM', en: 'CRM' },
  fax: { zh: '传真', en: 'Fax' },
  phone: { zh: '电话', en: 'Phone' },
  ecommerce: { zh: '电商平台', en: 'E-commerce' },
  onsite: { zh: '现场', en: 'On site' },
  import: { zh: '导入', en: 'Import' },
};
const PAYMENT: Record<string, Label> = {
  prepaid: { zh: '预付款', en: 'Prepaid' },
  credit: { zh: '账期', en: 'Credit' },
  tt: { zh: 'T/T 定金+尾款', en: 'T/T deposit + balance' },
  lc: { zh: '信用证', en: 'Letter of credit' },
  monthly: { zh: '月结', en: 'Monthly statement' },
  cod: { zh: '货到付款', en: 'Cash on delivery' },
  dp: { zh: '付款交单 D/P', en: 'Documents against payment (D/P)' },
  da: { zh: '承兑交单 D/A', en: 'Documents against acceptance (D/A)' },
  open_account: { zh: '赊销 O/A', en: 'Open account' },
};
const TYPE: Record<string, Label> = {
  standard: { zh: '标准订单', en: 'Standard' },
  sample: { zh: '样机', en: 'Sample' },
  replacement: { zh: '赔货', en: 'Replacement' },
  material_prep: { zh: '备料', en: 'Material preparation' },
  stock_prep: { zh: '自备货', en: 'Stock preparation' },
};
const STAGE: Record<string, Label> = {
  sales: { zh: '销售审核', en: 'Sales review' },
  finance: { zh: '财务审核', en: 'Finance review' },
  production: { zh: '生产审核', en: 'Production review' },
  director: { zh: '销售总监', en: 'Sales director' },
  gm: { zh: '总经理', en: 'General manager' },
};

function paymentText(p: PrintContext, o: Order) {
  const t = wordsFor(p);
  const base = labelFor(p, PAYMENT[o.paymentMethod], o.paymentMethod);
  if (o.paymentMethod === 'credit') return `${base} ${o.paymentDays} ${t('天', 'days')}`;
  if (o.paymentMethod === 'tt' && o.depositPercent)
    return `${base} ${t(`（定金 ${Number(o.depositPercent)}%）`, `(deposit ${Number(o.depositPercent)}%)`)}`;
  return base;
}

function orderHead(p: PrintContext, o: Order): [string, string][] {
  const t = wordsFor(p);
  return [
    [t('订单编号', 'Order No.'), o.number],
    [t('客户', 'Customer'), `${o.customer.name} (${o.customer.code})`],
    [t('订单日期', 'Order date'), o.orderDate],
    [t('来源', 'Source'), labelFor(p, SOURCE[o.source], o.source)],
    [t('紧急程度', 'Urgency'), o.urgency === 'urgent' ? t('加急', 'Urgent') : t('普通', 'Normal')],
    [t('订单类型', 'Type'), labelFor(p, TYPE[o.orderType], o.orderType)],
    [t('要求交期', 'Delivery by'), o.expectedDeliveryDate ?? ''],
    [t('付款方式', 'Payment'), paymentText(p, o)],
    [t('联系人', 'Contact'), o.contact ? `${o.contact.name} ${o.contact.phone ?? ''}` : ''],
    [t('客户 PO', 'Customer PO'), o.customerPo],
    [t('收货人', 'Consignee'), o.delivery ? `${o.delivery.consignee} ${o.delivery.phone ?? ''}` : ''],
    [t('收货地址', 'Address'), o.delivery?.address ?? ''],
  ];
}

function lineTable(p: PrintContext, o: Order) {
  const t = wordsFor(p);
  return {
    columns: [
      t('行', 'No.'),
      'SKU',
      t('品名', 'Name'),
      t('规格型号', 'Spec'),
      t('数量', 'Qty'),
      t('单位', 'Unit'),
      t('单价', 'Price'),
      t('金额', 'Amount'),
      t('赠品', 'Gift'),
    ],
    rows: o.lines.map((l) => [
      l.lineNo,
      l.sku,
      l.name,
      l.spec,
      l.qty,
      l.unit,
      l.unitPrice,
      l.amount,
      l.gift ? t('是', 'Yes') : '',
    ]),
  };
}

export async function registrationForm(db: Db, actor: Actor, id: string, p: PrintContext): Promise<Form> {
  const t = wordsFor(p);
  const o = await getOrder(db, actor, id);
  const invoices = (await allInvoices(db, actor, { customerId: o.customer.id })).filter((i) => i.orderId === id);
  return {
    print: p,
    title: t('销售订单登记表', 'Sales Order Registration'),
    head: [
      ...orderHead(p, o),
      [t('登记人', 'Registered by'), o.registrar.name ?? ''],
      [t('买家备注', 'Buyer remark'), o.buyerRemark],
      [t('卖家备注', 'Seller remark'), o.sellerRemark],
    ],
    table: lineTable(p, o),
    foot: [
      ...totalRows(p, parseMoney(o.total)),
      [t('状态', 'Status'), labelFor(p, orderLabels.states[o.status], o.status)],
      ...invoices.map(
        (i) =>
          [
            t('发票', 'Invoice'),
            `${i.number} ${labelFor(p, invoiceTypeLabels[i.type], i.type)} ${formatYuan(parseMoney(i.amount))}`,
          ] as [string, string],
      ),
      ...(o.writtenConfirmationMissing
        ? [
            [t('注意', 'Note'), t('电话订单，书面确认未附', 'Phone order: written confirmation not attached')] as [
              string,
              string,
            ],
          ]
        : []),
    ],
  };
}

export async function reviewForm(db: Db, actor: Actor, id: string, p: PrintContext): Promise<Form> {
  const t = wordsFor(p);
  const o = await getOrder(db, actor, id);
  const r = await orderReview(db, actor, id);
  return {
    print: p,
    title: t('销售订单审核表', 'Sales Order Review'),
    head: [
      [t('订单编号', 'Order No.'), o.number],
      [t('客户', 'Customer'), o.customer.name],
      ...totalRows(p, parseMoney(o.total)),
      [t('毛利', 'Margin'), formatYuan(parseMoney(o.margin))],
      [t('状态', 'Status'), labelFor(p, orderLabels.states[o.status], o.status)],
    ],
    table: {
      columns: [
        t('轮次', 'Round'),
        t('环节', 'Stage'),
        t('结果', 'Result'),
        t('审核人', 'Reviewer'),
        t('时间', 'Time'),
        t('时限', 'Due'),
        t('意见', 'Reason'),
      ],
      rows: r.stages.map((s) => [
        s.round,
        labelFor(p, STAGE[s.stage], s.stage),
        labelFor(p, reviewStageLabels.states[s.status], s.status),
        s.decidedByName ?? '',
        printTime(p, s.decidedAt),
        `${printTime(p, s.dueAt)}${s.late ? t('（超时）', ' (late)') : ''}`,
        s.reason ?? '',
      ]),
    },
    foot: r.productionRequests.map(
      (x) =>
        [
          `${t('生产答复', 'Production answer')} ${x.sku} × ${x.qty}`,
          x.completionDate
            ? `${t('预计完工', 'Expected completion')} ${x.completionDate}`
            : (x.reason ?? t('待答复', 'Awaiting answer')),
        ] as [string, string],
    ),
  };
}

export async function confirmationForm(db: Db, actor: Actor, id: string, p: PrintContext): Promise<Form> {
  const t = wordsFor(p);
  const o = await getOrder(db, actor, id);
  return {
    print: p,
    title: t('订单确认书', 'Order Confirmation'),
    head: orderHead(p, o),
    table: lineTable(p, o),
    foot: [
      ...totalRows(p, parseMoney(o.total)),
      [
        t('客户确认', 'Customer confirmation'),
        t('（签字 / 盖章）______________  日期：__________', 'Signature / stamp: ______________  Date: __________'),
      ],
    ],
  };
}
