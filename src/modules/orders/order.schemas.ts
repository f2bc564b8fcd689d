import { z } from 'zod';
import { isoDate, LINES_TOTAL_MESSAGE, linesTotalFits, quantity, unitPrice } from '../../lib/schema';
import { moneyString, pageQuery, requiredText, text } from '../../lib/schemas';
import { PAYMENT_METHODS } from '../customers/customer.schemas';

export const ORDER_SOURCES = ['email', 'crm', 'fax', 'phone', 'ecommerce', 'onsite', 'import'] as const;
export const ORDER_TYPES = ['standard', 'sample', 'replacement', 'material_prep', 'stock_prep'] as const;
export const ORDER_STATUSES = [
  'draft',
  'in_review',
  'rejected',
  'awaiting_confirmation',
  'confirmed',
  'in_fulfillment',
  'partially_shipped',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'on_hold',
] as const;

const date = isoDate;
const percent = z.string().regex(/^(100(\.0{1,4})?|\d{1,2}(\.\d{1,4})?)$/, 'a percentage from 0 to 100, e.g. "30"');

const line = z
  .object({
    productId: z.uuid(),
    qty: quantity,
    /** Defaults to the product's list price. */
    unitPrice: unitPrice.optional(),
    gift: z.boolean().default(false),
  })
  .strict();

const contact = z.object({ name: requiredText(50), title: text(50).optional(), phone: text(30).optional() }).strict();
const delivery = z
  .object({
    consignee: requiredText(50),
    phone: text(30).optional(),
    region: text(50).optional(),
    address: requiredText(300),
  })
  .strict();

const orderFields = {
  contact: contact.optional(),
  orderDate: date.optional(),
  source: z.enum(ORDER_SOURCES),
  urgency: z.enum(['normal', 'urgent']).default('normal'),
  expectedDeliveryDate: date.optional(),
  lines: z.array(line).min(1).max(200).refine(linesTotalFits, LINES_TOTAL_MESSAGE),
  delivery: delivery.optional(),
  paymentMethod: z.enum(PAYMENT_METHODS).optional(),
  paymentDays: z.number().int().min(0).max(365).optional(),
  depositPercent: percent.optional(),
  orderType: z.enum(ORDER_TYPES).default('standard'),
  buyerRemark: text(1000).default(''),
  sellerRemark: text(1000).default(''),
  customerPo: text(60).default(''),
  warehouseId: z.uuid().optional(),
};

export const TRADE_TERMS = ['EXW', 'FCA', 'FAS', 'FOB', 'CFR', 'CIF', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP'] as const;
export const CONTAINER_TYPES = ['20GP', '40GP', '40HQ', '45HQ', 'LCL'] as const;
const currency = z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code, e.g. USD');
/** 外贸: currency (amounts are in it), trade term, ports and containers. */
export const exportFields = {
  currency: currency.optional(),
  export: z.boolean().optional(),
  tradeTerm: z.enum(TRADE_TERMS).nullable().optional(),
  portOfLoading: text(100).nullable().optional(),
  portOfDestination: text(100).nullable().optional(),
  containerType: z.enum(CONTAINER_TYPES).nullable().optional(),
  containerCount: z.number().int().min(0).max(999).nullable().optional(),
};
export type ExportFieldsInput = { [K in keyof typeof exportFields]?: z.infer<(typeof exportFields)[K]> };

export const FAULT_PARTIES = ['company', 'carrier', 'customer'] as const;
/** 赔货: who is at fault, who bears the cost, why (shown to the general manager), and the order it replaces. */
const replacement = z
  .object({
    faultParty: z.enum(FAULT_PARTIES),
    costBearer: z.enum(FAULT_PARTIES),
    reason: requiredText(500),
    replacesOrderId: z.uuid().optional(),
  })
  .strict();

/** A replacement order names its fault and reason; no other order type carries them. */
const replacementFacts = (b: { orderType?: string; replacement?: unknown }, ctx: z.RefinementCtx) => {
  if (b.orderType === 'replacement' && !b.replacement)
    ctx.addIssue({
      code: 'custom',
      path: ['replacement'],
      message: 'a replacement order needs replacement.faultParty, costBearer and reason',
    });
  if (b.replacement && b.orderType !== undefined && b.orderType !== 'replacement')
    ctx.addIssue({ code: 'custom', path: ['replacement'], message: 'only a replacement order has these' });
};

export const createOrderBody = z
  .object({ customerId: z.uuid(), ...orderFields, ...exportFields, replacement: replacement.optional() })
  .strict()
  .superRefine(replacementFacts);
export type CreateOrderInput = z.infer<typeof createOrderBody>;

export const updateOrderBody = z
  .object({
    contact: contact.nullable(),
    orderDate: date,
    source: z.enum(ORDER_SOURCES),
    urgency: z.enum(['normal', 'urgent']),
    expectedDeliveryDate: date.nullable(),
    lines: z.array(line).min(1).max(200).refine(linesTotalFits, LINES_TOTAL_MESSAGE),
    delivery: delivery.nullable(),
    paymentMethod: z.enum(PAYMENT_METHODS),
    paymentDays: z.number().int().min(0).max(365),
    depositPercent: percent.nullable(),
    orderType: z.enum(ORDER_TYPES),
    buyerRemark: text(1000),
    sellerRemark: text(1000),
    customerPo: text(60),
    warehouseId: z.uuid(),
    /** Optimistic lock: the version the editor saw. */
    version: z.number().int().min(1),
    replacement: replacement.nullable(),
    ...exportFields,
  })
  .partial()
  .strict()
  .superRefine((b, ctx) => replacementFacts({ ...b, orderType: b.replacement ? b.orderType : undefined }, ctx));
export type UpdateOrderInput = z.infer<typeof updateOrderBody>;

export const reviewBody = z
  .object({ decision: z.enum(['approve', 'reject']), reason: text(500).optional() })
  .strict()
  .refine((b) => b.decision === 'approve' || !!b.reason, {
    message: 'a reason is required to reject',
    path: ['reason'],
  });

export const confirmBody = z
  .object({
    method: z.enum(['signature', 'stamp', 'electronic']),
    attachmentId: z.uuid().optional(),
    note: text(500).optional(),
  })
  .strict()
  .refine((b) => b.method === 'electronic' || !!b.attachmentId, {
    message: 'a signed or stamped confirmation needs its scan (attachmentId)',
    path: ['attachmentId'],
  });

export const cancelBody = z.object({ reason: requiredText(500) }).strict();
export const holdBody = z.object({ reason: requiredText(500) }).strict();
export const resumeBody = z
  .object({ reason: text(500).optional() })
  .strict()
  .nullish();

/** The invoice (普票/专票/数电票) and outbound voucher recorded when the order completes. */
export const completeBody = z
  .object({
    number: requiredText(40),
    issuedOn: isoDate,
    amount: moneyString,
    taxRate: z.string().regex(/^\d{1,2}(\.\d{1,2})?$/, 'a percentage such as "13"'),
    type: z.enum(['normal', 'special', 'digital']),
    outboundVoucher: text(60).optional(),
  })
  .strict();

/** One status or several, comma-separated ("confirmed,in_fulfillment"), as a 工作台 card links them. */
const statusList = z
  .string()
  .max(400)
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(z.enum(ORDER_STATUSES)).max(ORDER_STATUSES.length));

/** The order list's filter, shared by the list and its Excel export (salesperson: who registered the order). */
export const orderFilter = z.object({
  status: statusList.optional(),
  customer: z.uuid().optional(),
  from: date.optional(),
  to: date.optional(),
  product: z.uuid().optional(),
  salesperson: z.uuid().optional(),
  urgency: z.enum(['normal', 'urgent']).optional(),
  mine: z.enum(['true', 'false']).optional(),
  q: text(100).optional(),
});
/** `cursor`: keyset paging (the web list); `first` for the first page, then the `next`/`prev` a page returned. */
export const listOrdersQuery = pageQuery.extend({
  ...orderFilter.shape,
  cursor: z.string().min(1).max(2000).optional(),
});
export type ListOrdersQuery = z.infer<typeof listOrdersQuery>;
export const exportOrdersQuery = orderFilter.extend({ lang: z.enum(['zh-CN', 'en']).optional() });
export type OrderFilter = z.infer<typeof orderFilter>;
