import { z } from 'zod';
import { unitPrice } from '../../lib/schema';
import { booleanQuery, moneyString, pageQuery, requiredText, text } from '../../lib/schemas';

export const productFields = {
  sku: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,40}$/, '1–40 letters, digits, . _ or -'),
  name: requiredText(200),
  spec: text(200).default(''),
  unit: requiredText(10).default('件'),
  listPrice: unitPrice,
  standardCost: unitPrice.default('0.00'),
  seasonal: z.boolean().default(false),
  launchPriority: z.number().int().min(1).max(9999).default(100),
  /** 分货: receipts wait for an allocation run instead of filling backorders first come. */
  allocated: z.boolean().default(false),
  /** 可退货: a return of a product not returnable is out of policy (the sales director approves it). */
  returnable: z.boolean().default(true),
};

export const createProductBody = z.object(productFields).strict();
export type CreateProductInput = z.infer<typeof createProductBody>;

export const updateProductBody = z
  .object({
    sku: productFields.sku,
    name: productFields.name,
    spec: text(200),
    unit: requiredText(10),
    listPrice: unitPrice,
    standardCost: unitPrice,
    seasonal: z.boolean(),
    launchPriority: z.number().int().min(1).max(9999),
    allocated: z.boolean(),
    returnable: z.boolean(),
    active: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateProductInput = z.infer<typeof updateProductBody>;

export const listProductsQuery = pageQuery.extend({
  active: booleanQuery.optional(),
  seasonal: booleanQuery.optional(),
});
export type ListProductsQuery = z.infer<typeof listProductsQuery>;
