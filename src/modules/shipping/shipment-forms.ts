import { formatYuan, parseMoney } from '../../lib/money';
import { labelFor, printTime, totalRows, wordsFor, type Form, type PrintContext } from '../../lib/printable';
import { shipmentLabels } from './shipment.labels';
import type { ShipmentView } from './shipment-queries';

// The shipment's printed papers: 出库单 for the warehouse's books, 送货单 for the consignee to sign.
type Shipment = ShipmentView;

function totals(p: PrintContext, s: Shipment): [string, string][] {
  return totalRows(
    p,
    s.lines.reduce((n, l) => n + parseMoney(l.unitPrice) * BigInt(l.qty), 0n),
  );
}
const amount = (l: Shipment['lines'][number]) => formatYuan(parseMoney(l.unitPrice) * BigInt(l.qty));

/** 出库单: what leaves which warehouse against which order lines, signed by picker, checker and keeper. */
export function outboundOrderForm(s: Shipment, p: PrintContext): Form {
  const t = wordsFor(p);
  return {
    print: p,
    title: t('出库单', 'Outbound Order'),
    head: [
      [t('出库单号', 'No.'), s.number],
      [t('仓库', 'Warehouse'), `${s.warehouseCode} ${s.warehouseName}`],
      [t('客户', 'Customer'), s.customerName],
      [
        t('状态', 'Status'),
        labelFor(p, shipmentLabels.states[s.status as keyof typeof shipmentLabels.states], s.status),
      ],
      [t('拣货时限', 'Pick by'), printTime(p, s.pickDueAt)],
      [t('发货时间', 'Shipped at'), printTime(p, s.shippedAt)],
      [t('收货人', 'Consignee'), `${s.consignee.consignee} ${s.consignee.phone ?? ''}`],
      [t('地址', 'Address'), s.consignee.address],
    ],
    table: {
      columns: [
        t('行', 'No.'),
        t('订单', 'Order'),
        t('订单行', 'Line'),
        'SKU',
        t('品名', 'Name'),
        t('规格', 'Spec'),
        t('数量', 'Qty'),
        t('单位', 'Unit'),
        t('单价', 'Price'),
        t('金额', 'Amount'),
      ],
      rows: s.lines.map((l) => [
        l.lineNo,
        l.orderNumber,
        l.orderLineNo,
        l.sku,
        l.name,
        l.spec,
        l.qty,
        l.unit,
        l.unitPrice,
        amount(l),
      ]),
    },
    foot: [
      ...totals(p, s),
      [t('拣货 / 复核 / 仓管', 'Picker / Checker / Keeper'), '______________ / ______________ / ______________'],
    ],
  };
}

/** 送货单: what goes on the truck, with the amount in Chinese capitals. */
export function deliveryNoteForm(s: Shipment, p: PrintContext): Form {
  const t = wordsFor(p);
  return {
    print: p,
    title: t('送货单', 'Delivery Note'),
    head: [
      [t('单号', 'No.'), s.number],
      [t('客户', 'Customer'), s.customerName],
      [t('收货人', 'Consignee'), `${s.consignee.consignee} ${s.consignee.phone ?? ''}`],
      [t('地址', 'Address'), s.consignee.address],
      [t('承运', 'Carrier'), `${s.carrier} ${s.trackingNo}`],
    ],
    table: {
      columns: [
        t('订单', 'Order'),
        'SKU',
        t('品名', 'Name'),
        t('规格', 'Spec'),
        t('数量', 'Qty'),
        t('单位', 'Unit'),
        t('单价', 'Price'),
        t('金额', 'Amount'),
      ],
      rows: s.lines.map((l) => [l.orderNumber, l.sku, l.name, l.spec, l.qty, l.unit, l.unitPrice, amount(l)]),
    },
    foot: [
      ...totals(p, s),
      [t('签收', 'Received by'), t('______________  日期：__________', '______________  Date: __________')],
    ],
  };
}
