import type { Db } from '../../db/database';
import { formatYuan, parseMoney } from '../../lib/money';
import type { Actor } from '../auth/auth.service';
import { getOrder } from './order.service';
import { reviewForm } from './order-forms';
import { labelFor, wordsFor, type Form, type PrintContext } from '../../lib/printable';
import { paymentMethodLabels } from '../customers/customer.labels';

const thousands = (s: string) => s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * 出口合同审核表: the export order's terms (currency, rate, RMB equivalent, trade term, ports, containers,
 * payment) above its review stages, with lines to sign.
 */
export async function exportReviewForm(db: Db, actor: Actor, id: string, p: PrintContext): Promise<Form> {
  const t = wordsFor(p);
  const o = await getOrder(db, actor, id);
  const review = await reviewForm(db, actor, id, p);
  const method = o.paymentMethod as keyof typeof paymentMethodLabels;
  return {
    ...review,
    title: t('出口合同审核表', 'Export Contract Review'),
    head: [
      [t('合同/订单编号', 'Contract / order No.'), o.number],
      [t('客户', 'Buyer'), o.customer.name],
      [t('客户订单号', 'Buyer PO'), o.customerPo],
      [t('订单日期', 'Order date'), o.orderDate],
      [t('币种', 'Currency'), o.currency],
      [t('金额', 'Amount'), `${o.currency} ${thousands(o.total)}`],
      [t('汇率', 'Exchange rate'), o.exchangeRate],
      [t('折合人民币', 'RMB equivalent'), formatYuan(parseMoney(o.rmbTotal))],
      [t('毛利（人民币）', 'Margin (RMB)'), formatYuan(parseMoney(o.rmbMargin))],
      [t('贸易术语', 'Trade term'), o.tradeTerm ?? ''],
      [t('装运港', 'Port of loading'), o.portOfLoading ?? ''],
      [t('目的港', 'Port of destination'), o.portOfDestination ?? ''],
      [t('柜型/柜数', 'Containers'), o.containerType ? `${o.containerCount ?? 1} x ${o.containerType}` : ''],
      [t('付款方式', 'Payment'), labelFor(p, paymentMethodLabels[method], o.paymentMethod)],
      [t('交货期', 'Shipment date'), o.expectedDeliveryDate ?? ''],
    ],
    foot: [
      ...review.foot,
      [t('业务员签字', 'Sales'), ''],
      [t('单证员签字', 'Documents clerk'), ''],
      [t('总经理签字', 'General manager'), ''],
    ],
  };
}
