import { z } from 'zod';
import { isMoneyString } from './money';

// Small zod pieces shared by the route schemas.
export const uuid = z.uuid();
export const idParams = z.object({ id: z.uuid() });

/** Non-negative amount in yuan with at most 2 decimals, as a string: "1234.50". */
export const moneyString = z
  .string()
  .max(20)
  .refine((s) => isMoneyString(s) && !s.startsWith('-'), {
    message: 'must be a non-negative amount with at most 2 decimals, e.g. "1234.50"',
  });

// PostgreSQL text cannot hold NUL: refuse it here rather than fail in the database.
const noNul = (s: string) => !s.includes('\u0000');
export const text = (max: number) => z.string().trim().max(max).refine(noNul, 'must not contain NUL characters');
export const requiredText = (max: number) =>
  z.string().trim().min(1).max(max).refine(noNul, 'must not contain NUL characters');

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  sort: z.string().max(40).optional(),
  order: z.enum(['asc', 'desc', 'ascend', 'descend']).optional(),
  q: text(100).optional(),
});
export type PageQuery = z.infer<typeof pageQuery>;

export const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
