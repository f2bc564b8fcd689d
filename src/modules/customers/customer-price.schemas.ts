import { z } from 'zod';
import { isoDate, unitPrice } from '../../lib/schema';

/** One price of the customer's list: RMB unless a currency is named; either end of the validity may be open. */
const customerPrice = z
  .object({
    productId: z.uuid(),
    price: unitPrice,
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'a currency code such as CNY or USD')
      .default('CNY'),
    validFrom: isoDate.nullable().default(null),
    validTo: isoDate.nullable().default(null),
  })
  .strict()
  .refine((r) => !r.validFrom || !r.validTo || r.validTo >= r.validFrom, {
    path: ['validTo'],
    message: 'must not be before validFrom',
  });

/** The customer's whole price list and discount, replaced at once (the page saves what it shows). */
export const customerPricesBody = z
  .object({
    /** Percent off the list price where no own price applies (0–99.99); null gives none. */
    discountPercent: z
      .string()
      .regex(/^\d{1,2}(\.\d{1,2})?$/, 'a percent from 0 to 99.99 with at most 2 decimals')
      .nullable()
      .default(null),
    prices: z.array(customerPrice).max(5000).default([]),
  })
  .strict();
export type CustomerPricesInput = z.infer<typeof customerPricesBody>;
