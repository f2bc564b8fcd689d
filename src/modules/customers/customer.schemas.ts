import { MESSAGE_CHANNELS } from '../../lib/message-kinds';
import { z } from 'zod';
import { moneyString, pageQuery, requiredText, text, booleanQuery } from '../../lib/schemas';

export const CUSTOMER_KINDS = ['ordinary', 'franchisee', 'direct', 'joint'] as const;
export const PAYMENT_METHODS = ['prepaid', 'credit', 'tt', 'lc', 'monthly', 'cod', 'dp', 'da', 'open_account'] as const;

// '*' is accepted only where a masked value is sent back unchanged (see keepMaskedDetails).
const phone = z
  .string()
  .trim()
  .max(30)
  .regex(/^[0-9+\-() *]*$/, 'digits, spaces, + - ( ) only');
const idNumber = z
  .string()
  .trim()
  .max(18)
  .regex(/^[0-9*]{0,17}[0-9Xx]?$/, 'a resident ID number: 17 digits and a digit or X');

export const contactSchema = z.object({
  name: requiredText(50),
  title: text(50).optional(),
  phone: phone.optional(),
  idNumber: idNumber.optional(),
  // A masked address (w***@example.com) sent back unchanged keeps the stored one.
  email: z
    .string()
    .trim()
    .max(200)
    .regex(/^([^\s@*]+|[^\s@*]\*{3})@[^\s@*]+\.[^\s@*]+$/, 'an e-mail address')
    .optional(),
  /** How the contact wants to hear from us (e-mail, SMS, the WeCom or DingTalk group); none: each kind's default. */
  channels: z.array(z.enum(MESSAGE_CHANNELS)).max(MESSAGE_CHANNELS.length).optional(),
  language: z.enum(['zh', 'en']).optional(),
});

export const addressSchema = z.object({
  label: text(50).optional(),
  consignee: requiredText(50),
  phone: phone.optional(),
  region: text(50).optional(),
  address: requiredText(300),
  isDefault: z.boolean().optional(),
});

export const customerFields = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, '1–32 letters, digits, _ or -'),
  shortCode: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{2,8}$/, '2–8 capital letters or digits (used in order numbers)'),
  name: requiredText(200),
  kind: z.enum(CUSTOMER_KINDS),
  region: text(50).default(''),
  paymentMethod: z.enum(PAYMENT_METHODS).default('prepaid'),
  paymentDays: z.number().int().min(0).max(365).default(0),
  /** 逾期利息: daily rate in basis points (5 = 0.05 % a day, 日万分之五); 0 = none. */
  overdueInterestBp: z.number().int().min(0).max(1000).default(0),
  creditLimit: moneyString.default('0.00'),
  priority: z.number().int().min(1).max(9999).default(100),
  contacts: z.array(contactSchema).max(20).default([]),
  addresses: z.array(addressSchema).max(20).default([]),
  remark: text(1000).default(''),
};

export const createCustomerBody = z.object(customerFields).strict();
export type CreateCustomerInput = z.infer<typeof createCustomerBody>;

export const updateCustomerBody = z
  .object({
    code: customerFields.code,
    shortCode: customerFields.shortCode,
    name: customerFields.name,
    kind: customerFields.kind,
    region: text(50),
    paymentMethod: z.enum(PAYMENT_METHODS),
    paymentDays: z.number().int().min(0).max(365),
    overdueInterestBp: z.number().int().min(0).max(1000),
    creditLimit: moneyString,
    priority: z.number().int().min(1).max(9999),
    contacts: z.array(contactSchema).max(20),
    addresses: z.array(addressSchema).max(20),
    remark: text(1000),
    active: z.boolean(),
    /** Why the credit terms change: required when a credit controller changes them here. */
    creditChangeReason: requiredText(500),
  })
  .partial()
  .strict();
export type UpdateCustomerInput = z.infer<typeof updateCustomerBody>;

export const listCustomersQuery = pageQuery.extend({
  kind: z.enum(CUSTOMER_KINDS).optional(),
  region: text(50).optional(),
  active: booleanQuery.optional(),
});
export type ListCustomersQuery = z.infer<typeof listCustomersQuery>;
