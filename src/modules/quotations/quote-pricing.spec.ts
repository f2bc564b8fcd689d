import { describe, expect, it } from 'vitest';
import { priceQuotation, spread } from './quote-pricing';

const limits = { maxDiscountPercent: 10, minMarginPercent: 10 };

describe('quotation pricing', () => {
  it('spreads extra costs over the lines by amount, to the fen', () => {
    expect(spread(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(spread(1000n, [3000n, 1000n])).toEqual([750n, 250n]);
  });

  it('shows the margin per line and in total; within the limits needs no approval', () => {
    const p = priceQuotation(
      [
        { qty: 10, unitPrice: '100.00', listPrice: '100.00', standardCost: '60.00' },
        { qty: 10, unitPrice: '50.00', listPrice: '50.00', standardCost: '30.00' },
      ],
      [{ kind: 'freight', amount: '150.00' }],
      limits,
    );
    expect(p.lines.map((l) => [l.extraCost, l.margin])).toEqual([
      ['100.00', '300.00'],
      ['50.00', '150.00'],
    ]);
    expect([p.total, p.costTotal, p.margin, p.approvalReasons]).toEqual(['1500.00', '1050.00', '450.00', []]);
  });

  it('a price under the allowed discount or a thin margin needs the director', () => {
    const line = { qty: 1, listPrice: '100.00', standardCost: '60.00' };
    expect(priceQuotation([{ ...line, unitPrice: '89.00' }], [], limits).approvalReasons).toEqual(['discount']);
    expect(priceQuotation([{ ...line, unitPrice: '90.00' }], [], limits).approvalReasons).toEqual([]);
    expect(
      priceQuotation([{ ...line, unitPrice: '95.00' }], [{ kind: 'tooling', amount: '30.00' }], limits).approvalReasons,
    ).toEqual(['margin']);
  });
});
