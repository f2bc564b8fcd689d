import { z } from 'zod';
import { text } from './schema';

// Small zod pieces shared by the route schemas.
export const uuid = z.uuid();
export const idParams = z.object({ id: z.uuid() });

// The text, amount, quantity and date primitives live in ./schema; these names are kept for the route schemas.
export { moneyString, text, requiredText } from './schema';

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  sort: z.string().max(40).optional(),
  order: z.enum(['asc', 'desc', 'ascend', 'descend']).optional(),
  q: text(100).optional(),
});
export type PageQuery = z.infer<typeof pageQuery>;

/** The page of a list computed in memory, in its own fixed order: no sort to choose. */
export const fixedOrderPageQuery = pageQuery.omit({ sort: true, order: true });

export const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** `?lang=` of an export or a template: its headers and names in that language (else the request's). */
export const langQuery = z.object({ lang: z.enum(['zh-CN', 'en']).optional() });
