import { formatYuan, parseMoney, toChineseCapital } from '../../lib/money';
import { formHtml } from '../orders/order-forms';
import type { getShipment } from './shipment.service';

/** 送货单: what goes on the truck, with the amount in Chinese capitals. */
export function deliveryNoteHtml(s: Awaited<ReturnType<typeof getShipment>>): string {
  const total = s.lines.reduce((n, l) => n + parseMoney(l.unitPrice) * BigInt(l.qty), 0n);
  return formHtml({
    title: '送货单 Delivery Note',
    head: [['单号 No.', s.number], ['客户 Customer', s.customerName], ['收货人 Consignee', `${s.consignee.consignee} ${s.consignee.phone ?? ''}`], ['地址 Address', s.consignee.address], ['承运 Carrier', `${s.carrier} ${s.trackingNo}`]],
    table: { columns: ['订单 Order', 'SKU', '品名 Name', '规格 Spec', '数量 Qty', '单位', '单价 Price'], rows: s.lines.map((l) => [l.orderNumber, l.sku, l.name, l.spec, l.qty, l.unit, l.unitPrice]) },
    foot: [['合计 Total', formatYuan(total)], ['大写 In words', toChineseCapital(total)], ['签收 Received by', '______________  日期 Date: __________']],
  });
}
