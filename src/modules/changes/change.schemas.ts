import { z } from 'zod';
import { isoDate, quantity, unitPrice } from '../../lib/schema';
import { requiredText, text } from '../../lib/schemas';
import { PAYMENT_METHODS } from '../customers/customer.schemas';

const lineNo = z.number().int().min(1).max(10_000);
const percent = z.string().regex(/^(100(\.0{1,4})?|\d{1,2}(\.\d{1,4})?)$/, 'a percentage from 0 to 100, e.g. "30"');
const delivery = z
  .object({
    consignee: requiredText(50),
    phone: text(30).optional(),
    region: text(50).optional(),
    address: requiredText(300),
  })
  .strict();

/** One action of a change request (变更动作). */
export const changeAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('change_qty'), lineNo, qty: quantity }).strict(),
  z
    .object({
      type: z.literal('add_line'),
      productId: z.uuid(),
      qty: quantity,
      unitPrice: unitPrice.optional(),
      gift: z.boolean().optional(),
    })
    .strict(),
  z.object({ type: z.literal('remove_line'), lineNo }).strict(),
  z.object({ type: z.literal('change_price'), lineNo, unitPrice }).strict(),
  z.object({ type: z.literal('change_delivery_date'), expectedDeliveryDate: isoDate }).strict(),
  z.object({ type: z.literal('change_delivery'), delivery }).strict(),
  z
    .object({
      type: z.literal('change_payment_terms'),
      paymentMethod: z.enum(PAYMENT_METHODS),
      paymentDays: z.number().int().min(0).max(365),
      depositPercent: percent.nullable().optional(),
    })
    .strict(),
]);

export const openChangeBody = z
  .object({
    actions: z.array(changeAction).min(1).max(100),
    reason: requiredText(500),
    requestedBy: z.enum(['customer', 'internal']),
  })
  .strict();

export const reviewChangeBody = z
  .object({ decision: z.enum(['approve', 'reject']), reason: text(500).optional() })
  .strict()
  .refine((b) => b.decision === 'approve' || !!b.reason, {
    message: 'a rejection needs a reason',
    path: ['reason'],
  });

export const cancelChangeBody = z.object({ reason: requiredText(500) }).strict();

export const confirmChangeBody = z
  .object({
    method: z.enum(['signature', 'stamp', 'electronic']),
    attachmentId: z.uuid().optional(),
    note: text(500).optional(),
  })
  .strict()
  .refine((b) => b.method === 'electronic' || !!b.attachmentId, {
    message: 'a signed or stamped confirmation needs its scan',
    path: ['attachmentId'],
  });

export const CHANGE_STATUSES = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'applied',
  'customer_confirmed',
  'cancelled',
] as const;

export const listChangesQuery = z.object({
  status: z.enum(CHANGE_STATUSES).optional(),
  order: z.uuid().optional(),
  stage: z.enum(['mine']).optional(),
});
