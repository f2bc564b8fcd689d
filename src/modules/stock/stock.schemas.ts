import { z } from 'zod';
import { quantity, quantityDelta } from '../../lib/schema';
import { pageQuery, requiredText, text } from '../../lib/schemas';

const qty = quantity;

export const receiptBody = z
  .object({
    warehouseId: z.uuid(),
    lines: z
      .array(z.object({ productId: z.uuid(), qty }).strict())
      .min(1)
      .max(1000),
    reference: text(100).default(''),
    reason: text(300).default(''),
  })
  .strict();
export type ReceiptInput = z.infer<typeof receiptBody>;

export const adjustmentBody = z
  .object({
    warehouseId: z.uuid(),
    lines: z
      .array(
        z
          .object({
            productId: z.uuid(),
            delta: quantityDelta,
          })
          .strict(),
      )
      .min(1)
      .max(1000),
    reason: requiredText(300),
    reference: text(100).default(''),
  })
  .strict();
export type AdjustmentInput = z.infer<typeof adjustmentBody>;

export const listStockQuery = pageQuery.extend({ product: z.uuid().optional(), warehouse: z.uuid().optional() });
export type ListStockQuery = z.infer<typeof listStockQuery>;

export const MOVEMENT_KINDS = ['receipt', 'reserve', 'release', 'issue', 'return', 'adjust'] as const;
export const listMovementsQuery = pageQuery.extend({
  product: z.uuid().optional(),
  warehouse: z.uuid().optional(),
  kind: z.enum(MOVEMENT_KINDS).optional(),
});
export type ListMovementsQuery = z.infer<typeof listMovementsQuery>;
