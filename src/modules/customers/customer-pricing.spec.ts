import { describe, expect, it } from 'vitest';
import { entitledPrice, validOn } from './customer-pricing';

const row = (price: string, currency = 'CNY', valid_from: string | null = null, valid_to: string | null = null) => ({
  product_id: 'p',
  price,
  currency,
  valid_from,
  valid_to,
});
const product = { id: 'p', listPrice: '100.00' };
const rmbDay = (day: string) => ({ day, currency: 'CNY', rate: '1' });

describe('entitled price', () => {
  it('is valid on both ends of its validity and open ends reach forever', () => {
    expect(validOn(row('1', 'CNY', '2026-12-01', '2026-12-10'), '2026-12-10')).toBe(true);
    expect(validOn(row('1', 'CNY', '2026-12-01', '2026-12-10'), '2026-12-11')).toBe(false);
    expect(validOn(row('1', 'CNY', null, null), '1999-01-01')).toBe(true);
  });

  it('takes the own price, then the list price less the discount, then the list price', () => {
    const terms = { discountPercent: '7.5', prices: [row('80', 'CNY', '2026-12-01', '2026-12-10')] };
    expect(entitledPrice(terms, product, rmbDay('2026-12-05'))).toEqual({ price: '80.00', source: 'customer_price' });
    expect(entitledPrice(terms, product, rmbDay('2026-12-11'))).toEqual({
      price: '92.50',
      source: 'customer_discount',
    });
    expect(entitledPrice({ discountPercent: null, prices: [] }, product, rmbDay('2026-12-11'))).toEqual({
      price: '100.00',
      source: 'list_price',
    });
  });

  it("prefers a price in the document's currency and converts an RMB one at the document's rate", () => {
    const usd = { day: '2026-12-05', currency: 'USD', rate: '7.1' };
    expect(entitledPrice({ discountPercent: null, prices: [row('71.00')] }, product, usd).price).toBe('10.00');
    const both = { discountPercent: null, prices: [row('71.00'), row('9.50', 'USD')] };
    expect(entitledPrice(both, product, usd).price).toBe('9.50');
    expect(entitledPrice({ discountPercent: null, prices: [row('9.50', 'EUR')] }, product, usd).source).toBe(
      'list_price',
    );
  });
});
