import { formatYuan, parseMoney, toChineseCapital } from '../../lib/money';
import type { Form } from '../../lib/printable';
import type { ShipmentView } from './shipment-queries';

// The shipment's printed papers: 出库单 for the warehouse's books, 送货单 for the consignee to sign.
type Shipment = ShipmentView;

const STATUS: Record<string, string> = {
  to_pick: '待拣货',
  picked: '已拣货',
  rechecked: '已复核',
  packed: '已打包',
  shipped: '已发货',
  delivered: '已签收',
  cancelled: '已取消',
};
const dt = (d: Date | string | null) =>
  d ? new Date(d).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';

function totals(s: Shipment): [string, string][] {
  const total = s.lines.reduce((n, l) => n + parseMoney(l.unitPrice) * BigInt(l.qty), 0n);
  return [
    ['合计 Total', formatYuan(total)],
    ['大写 In words', toChineseCapital(total)],
  ];
}
const amount = (l: Shipment['lines'][number]) => formatYuan(parseMoney(l.unitPrice) * BigInt(l.qty));

/** 出库单: what leaves which warehouse against which order lines, signed by picker, checker and keeper. */
export function outboundOrderForm(s: Shipment): Form {
  return {
    title: '出库单 Outbound Order',
    head: [
      ['出库单号 No.', s.number],
      ['仓库 Warehouse', `${s.warehouseCode} ${s.warehouseName}`],
      ['客户 Customer', s.customerName],
      ['状态 Status', STATUS[s.status] ?? s.status],
      ['拣货时限 Pick by', dt(s.pickDueAt)],
      ['发货时间 Shipped at', dt(s.shippedAt)],
      ['收货人 Consignee', `${s.consignee.consignee} ${s.consignee.phone ?? ''}`],
      ['地址 Address', s.consignee.address],
    ],
    table: {
      columns: [
        '行 No.',
        '订单 Order',
        '订单行 Line',
        'SKU',
        '品名 Name',
        '规格 Spec',
        '数量 Qty',
        '单位',
        '单价 Price',
        '金额 Amount',
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
      ...totals(s),
      ['拣货 Picker / 复核 Checker / 仓管 Keeper', '______________ / ______________ / ______________'],
    ],
  };
}

/** 送货单: what goes on the truck, with the amount in Chinese capitals. */
export function deliveryNoteForm(s: Shipment): Form {
  return {
    title: '送货单 Delivery Note',
    head: [
      ['单号 No.', s.number],
      ['客户 Customer', s.customerName],
      ['收货人 Consignee', `${s.consignee.consignee} ${s.consignee.phone ?? ''}`],
      ['地址 Address', s.consignee.address],
      ['承运 Carrier', `${s.carrier} ${s.trackingNo}`],
    ],
    table: {
      columns: ['订单 Order', 'SKU', '品名 Name', '规格 Spec', '数量 Qty', '单位', '单价 Price', '金额 Amount'],
      rows: s.lines.map((l) => [l.orderNumber, l.sku, l.name, l.spec, l.qty, l.unit, l.unitPrice, amount(l)]),
    },
    foot: [...totals(s), ['签收 Received by', '______________  日期 Date: __________']],
  };
}
