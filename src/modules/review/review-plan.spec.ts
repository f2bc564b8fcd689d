import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../settings/settings.schemas';
import { deepDiscount, planStages, thinMargin, type PricedOrder } from './review-plan';

const settings = settingsSchema.parse({});
type Checks = Parameters<typeof planStages>[2];
const ok = { stock: { ok: true, lines: [] }, credit: { ok: true }, margin: { ok: true } } as unknown as Checks;
const order = (unitPrice: string, cost: string, listPrice = '100.00'): PricedOrder => ({
  orderType: 'standard',
  total: unitPrice,
  cost,
  lines: [{ unitPrice, listPrice, gift: false }],
});

describe('review plan: price and margin rules', () => {
  it('deepDiscount: more than the allowed discount below the list price, exactly', () => {
    expect(deepDiscount({ unitPrice: '90.00', listPrice: '100.00', gift: false }, 10)).toBe(false);
    expect(deepDiscount({ unitPrice: '89.99', listPrice: '100.00', gift: false }, 10)).toBe(true);
    expect(deepDiscount({ unitPrice: '92.49', listPrice: '100.00', gift: false }, 7.5)).toBe(true);
    expect(deepDiscount({ unitPrice: '0.00', listPrice: '100.00', gift: true }, 10)).toBe(false);
  });

  it('thinMargin: positive but below the minimum; zero or negative is not thin (the GM takes it)', () => {
    expect(thinMargin({ total: '100.00', cost: '90.01' }, 10)).toBe(true);
    expect(thinMargin({ total: '100.00', cost: '90.00' }, 10)).toBe(false);
    expect(thinMargin({ total: '100.00', cost: '100.00' }, 10)).toBe(false);
    expect(thinMargin({ total: '100.00', cost: '120.00' }, 10)).toBe(false);
  });

  it('adds the sales director for a deep discount or a thin margin, the GM for no margin', () => {
    expect(planStages(settings, order('95.00', '50.00'), ok)).toEqual(['sales', 'finance']);
    expect(planStages(settings, order('85.00', '50.00'), ok)).toEqual(['sales', 'finance', 'director']);
    expect(planStages(settings, order('95.00', '90.00'), ok)).toEqual(['sales', 'finance', 'director']);
    const noMargin = { ...ok, margin: { ...ok.margin, ok: false } };
    expect(planStages(settings, order('95.00', '95.00'), noMargin)).toEqual(['sales', 'finance', 'gm']);
  });

  it('always sends a replacement to the GM and a free sample to finance and the GM, whatever is configured', () => {
    const bare = settingsSchema.parse({ review: { baseStages: { default: ['sales'] }, gmOrderTypes: [] } });
    expect(planStages(bare, { ...order('95.00', '50.00'), orderType: 'replacement' }, ok)).toEqual(['sales', 'gm']);
    expect(planStages(bare, { ...order('0.00', '50.00'), orderType: 'sample' }, ok)).toEqual([
      'sales',
      'finance',
      'gm',
    ]);
    expect(planStages(bare, order('95.00', '50.00'), ok)).toEqual(['sales']);
  });
});
