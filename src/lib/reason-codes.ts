import type { Label, Lang } from './errors';

// Reasons the system writes by itself (stock movements, state history) are stored as codes, never as text,
// so each reader sees them in their own language. A stored reason is `@code` or `@code {"param":"value"}`;
// anything else is text a user typed and is shown as typed. The web app renders the same codes from
// i18n keys `codes.reason.<code>` (web/src/i18n/parts/codes.ts), with the same {param} names.
export const reasonTexts = {
  opening_stock: { zh: '期初库存', en: 'Opening stock' },
  reserved_at_confirmation: { zh: '客户确认预留', en: 'Reserved at confirmation' },
  backorder_filled: { zh: '到货补足欠货', en: 'Backorder filled on receipt' },
  shipped: { zh: '销售出库', en: 'Shipped' },
  allocation_shipped: { zh: '分货发货', en: 'Allocation shipped' },
  allocated: { zh: '分货 {rule}', en: 'Allocation ({rule})' },
  sample_returned: { zh: '样机归还', en: 'Sample returned' },
  order_cancelled: { zh: '订单取消', en: 'Order cancelled' },
  order_cancelled_because: { zh: '订单取消：{note}', en: 'Order cancelled: {note}' },
  order_short_closed: { zh: '订单短结', en: 'Order short-closed' },
  order_short_closed_because: { zh: '订单短结：{note}', en: 'Order short-closed: {note}' },
  order_archived: { zh: '订单已归档（完成、已收款、无未结事项）', en: 'Order archived (finished, paid, nothing open)' },
  change_released: { zh: '订单变更释放 {reference}', en: 'Released by change {reference}' },
  change_reserved: { zh: '订单变更预留 {reference}', en: 'Reserved by change {reference}' },
  order_change: { zh: '订单变更 {number}', en: 'Order change {number}' },
  change_stopped_shipment: { zh: '订单变更 {number}：{impacts}', en: 'Order change {number}: {impacts}' },
  invoice: { zh: '发票 {number}（{invoiceType}）', en: 'Invoice {number} ({invoiceType})' },
  signed_by: { zh: '签收人 {name}', en: 'Signed by {name}' },
  confirmed_in_portal: {
    zh: '客户门户电子确认（来自 {address}）',
    en: 'Confirmed in the customer portal (from {address})',
  },
  signed_in_portal: {
    zh: '客户门户签收，签收人 {name}（来自 {address}）',
    en: 'Signed for in the customer portal by {name} (from {address})',
  },
  outbound_order: { zh: '已建出库单', en: 'Outbound order created' },
  franchisee_paid: { zh: '加盟商付款', en: 'Franchisee paid' },
  reservation_expired: { zh: '预留到期释放', en: 'Reservation expired' },
  reservation_released: { zh: '分货预留释放', en: 'Reservation released' },
  franchisee_import: { zh: 'Excel 导入', en: 'Excel import' },
  shipment_deducted: { zh: '发货扣款', en: 'Shipment posted' },
  receipt_reversal: { zh: '冲销：{note}', en: 'Reversal: {note}' },
  gate_prepayment: { zh: '预付款 {amount}', en: 'Prepayment {amount}' },
  gate_deposit: { zh: 'T/T 定金 {amount}', en: 'T/T deposit {amount}' },
  gate_balance: { zh: 'T/T 尾款 {amount}', en: 'T/T balance {amount}' },
  gate_lc: {
    zh: '信用证：金额 {amount}，今日有效，须于 {checkBy} 前审核',
    en: 'L/C covering {amount}, valid today, to be checked by {checkBy}',
  },
} satisfies Record<string, Label>;

/** What a change does to a shipment already made (listed in `change_stopped_shipment`). */
export const changeImpactTexts = {
  line_removed: { zh: '行已删除', en: 'line removed' },
  price_changed: { zh: '单价已变更', en: 'price changed' },
  quantity_below_shipment: { zh: '数量少于出库单', en: 'quantity below the shipment' },
  address_changed: { zh: '收货地址已变更', en: 'address changed' },
} satisfies Record<string, Label>;

/** Invoice types (普票/专票/数电票), stored as codes; their names in the reader's language. */
export const invoiceTypeLabels: Record<'normal' | 'special' | 'digital', Label> = {
  normal: { zh: '普票', en: 'Ordinary VAT invoice' },
  special: { zh: '专票', en: 'Special VAT invoice' },
  digital: { zh: '数电票', en: 'Digital invoice' },
};

// Parameters that are themselves codes, named in the reader's language.
const paramLabels: Record<string, Record<string, Label>> = {
  impacts: changeImpactTexts,
  invoiceType: invoiceTypeLabels,
};

export type ReasonCode = keyof typeof reasonTexts;
export type ReasonParams = Record<string, string | string[]>;

/** The stored form of a system reason. */
export function reasonCode(code: ReasonCode, params?: ReasonParams): string {
  return params && Object.keys(params).length ? `@${code} ${JSON.stringify(params)}` : `@${code}`;
}

/** The code and parameters of a stored reason, or null for text a user typed. */
export function parseReason(stored: string | null | undefined): { code: ReasonCode; params: ReasonParams } | null {
  const m = stored ? /^@([a-z_]+)(?: (\{.*\}))?$/s.exec(stored) : null;
  if (!m || !(m[1] in reasonTexts)) return null;
  try {
    return { code: m[1] as ReasonCode, params: m[2] ? (JSON.parse(m[2]) as ReasonParams) : {} };
  } catch {
    return null;
  }
}

const pick = (l: Label, lang: Lang) => (lang === 'en' ? l.en : l.zh);

/** A stored reason in the reader's language; typed text as typed. */
export function renderReason(stored: string | null | undefined, lang: Lang): string {
  const r = parseReason(stored);
  if (!r) return stored ?? '';
  return pick(reasonTexts[r.code], lang).replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = r.params[k] ?? '';
    const name = (x: string) => (paramLabels[k]?.[x] ? pick(paramLabels[k][x], lang) : x);
    return Array.isArray(v) ? v.map(name).join(lang === 'en' ? ', ' : '、') : name(v);
  });
}

/** A stored reason as the API returns it: the text in the reader's language, and the code when there is one. */
export function reasonFields(stored: string | null | undefined, lang: Lang) {
  const r = parseReason(stored);
  const reason = stored === null || stored === undefined ? stored : renderReason(stored, lang);
  return { reason: reason ?? null, reasonCode: r?.code ?? null, reasonParams: r?.params ?? null };
}

/** A stored reason in both languages, for an error message rendered later in the request's language. */
export const reasonLabel = (stored: string): Label => ({
  zh: renderReason(stored, 'zh-CN'),
  en: renderReason(stored, 'en'),
});
