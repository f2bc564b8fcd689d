import { z } from 'zod';
import { booleanQuery, pageQuery, requiredText, text } from '../../lib/schemas';

export const WAREHOUSE_KINDS = ['central', 'regional', 'other'] as const;

export const createWarehouseBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,20}$/, '1–20 letters, digits, _ or -'),
    name: requiredText(100),
    kind: z.enum(WAREHOUSE_KINDS).default('other'),
    address: text(300).default(''),
  })
  .strict();
export type CreateWarehouseInput = z.infer<typeof createWarehouseBody>;

export const updateWarehouseBody = z
  .object({ name: requiredText(100), kind: z.enum(WAREHOUSE_KINDS), address: text(300), active: z.boolean() })
  .partial()
  .strict();
export type UpdateWarehouseInput = z.infer<typeof updateWarehouseBody>;

export const listWarehousesQuery = pageQuery.extend({ active: booleanQuery.optional() });
export type ListWarehousesQuery = z.infer<typeof listWarehousesQuery>;
