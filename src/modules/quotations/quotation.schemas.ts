import { z } from 'zod';
import { isoDate, LINES_TOTAL_MESSAGE, linesTotalFits, moneyString, quantity, unitPrice } from '../../lib/schema';
import { fixedOrderPageQuery, requiredText, text } from '../../lib/schemas';
import { PAYMENT_METHODS } from '../customers/customer.schemas';
import { exportFields, ORDER_SOURCES } from '../orders/order.schemas';
import { INQUIRY_STATES, QUOTATION_STATES } from './quotation.machine';

const inquiryLine = z
  .object({
    productId: z.uuid().optional(),
    description: text(300).optional(),
    spec: text(200).optional(),
    unit: text(20).optional(),
    qty: quantity,
  })
  .strict()
  .refine((l) => l.productId || l.description, { path: ['productId'], message: 'a product or a description' });

/** 询盘: products or a free description, spec, quantities, wanted date, terms, source and who handles it. */
export const createInquiryBody = z
  .object({
    customerId: z.uuid(),
    source: z.enum(ORDER_SOURCES),
    handlerId: z.uuid().optional(),
    description: text(2000).default(''),
    lines: z.array(inquiryLine).max(200).default([]),
    wantedDate: isoDate.optional(),
    paymentTerms: text(300).default(''),
    packingTerms: text(300).default(''),
  })
  .strict()
  .refine((b) => b.lines.length > 0 || b.description.length > 0, {
    path: ['lines'],
    message: 'name a product or describe what is asked',
  });
export type CreateInquiryInput = z.infer<typeof createInquiryBody>;

export const listInquiriesQuery = fixedOrderPageQuery.extend({
  status: z.enum(INQUIRY_STATES).optional(),
  customer: z.uuid().optional(),
});

export const reasonBody = z.object({ reason: requiredText(500) }).strict();

const quotationLine = z
  .object({
    /** Left out while the line is an inquiry's free description: submit and send wait until it is matched. */
    productId: z.uuid().optional(),
    description: text(300).optional(),
    spec: text(200).optional(),
    unit: text(20).optional(),
    qty: quantity,
    /** Defaults to the price the customer is entitled to: its own price, its discount, or the list price. */
    unitPrice: unitPrice.optional(),
    remark: text(300).default(''),
  })
  .strict()
  .refine((l) => l.productId || l.description, {
    path: ['productId'],
    message: 'a product, or the description to match to one later',
  });

export const EXTRA_COST_KINDS = ['packing', 'freight', 'tooling', 'other'] as const;
const extraCost = z
  .object({ kind: z.enum(EXTRA_COST_KINDS), amount: moneyString, note: text(200).optional() })
  .strict();

const terms = {
  validUntil: isoDate,
  expectedDeliveryDate: isoDate.nullable(),
  paymentMethod: z.enum(PAYMENT_METHODS).nullable(),
  paymentDays: z.number().int().min(0).max(365),
  packingTerms: text(300),
  remarks: text(1000),
  lines: z.array(quotationLine).min(1).max(200).refine(linesTotalFits, LINES_TOTAL_MESSAGE),
  extraCosts: z.array(extraCost).max(20),
  /** 外贸: currency (prices are in it, the rate of the quotation's date is stored), trade term, ports, containers. */
  ...exportFields,
};

export const createQuotationBody = z
  .object({
    inquiryId: z.uuid().optional(),
    customerId: z.uuid(),
    source: z.enum(ORDER_SOURCES).optional(),
    ...terms,
    expectedDeliveryDate: terms.expectedDeliveryDate.optional(),
    paymentMethod: terms.paymentMethod.optional(),
    paymentDays: terms.paymentDays.optional(),
    packingTerms: terms.packingTerms.default(''),
    remarks: terms.remarks.default(''),
    extraCosts: terms.extraCosts.default([]),
  })
  .strict();
export type CreateQuotationInput = z.infer<typeof createQuotationBody>;

/** A new version: what is sent changes, the rest is kept; `note` says why. */
export const reviseQuotationBody = z
  .object({ ...terms, note: text(500).default('') })
  .partial()
  .strict();
export type ReviseQuotationInput = z.infer<typeof reviseQuotationBody>;

export const reviewQuotationBody = z
  .object({ decision: z.enum(['approve', 'reject']), note: text(500).optional() })
  .strict()
  .refine((b) => b.decision === 'approve' || (b.note ?? '').length > 0, {
    path: ['note'],
    message: 'a rejection says why',
  });

export const listQuotationsQuery = fixedOrderPageQuery.extend({
  status: z.enum(QUOTATION_STATES).optional(),
  customer: z.uuid().optional(),
});

export const documentQuery = z.object({
  format: z.enum(['pdf', 'xlsx']).default('pdf'),
  lang: z.enum(['zh-CN', 'en']).optional(),
  /** `proforma`: the proforma invoice (形式发票) of an export quotation, in English. */
  kind: z.enum(['quotation', 'proforma']).default('quotation'),
});
