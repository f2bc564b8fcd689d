import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../settings/settings.schemas';
import { checkPolicy, refundOf } from './return-policy';

const policy = settingsSchema.parse({}).returns;

describe('return policy', () => {
  it('defaults: 30 days, no fee for quality/wrong item/damage, 10% for changed mind', () => {
    expect(policy).toMatchObject({ days: 30, feePercent: { quality: 0, changed_mind: 10 } });
    const at = new Date('2026-11-01T00:00:00Z');
    const r = checkPolicy(policy, at, new Date('2026-12-01T00:00:00Z'), [
      { lineNo: 1, reason: 'quality', returnable: true },
      { lineNo: 2, reason: 'changed_mind', returnable: true },
    ]);
    expect(r).toMatchObject({ daysSinceDelivery: 30, withinDays: true, inPolicy: true });
    expect(r.lines.map((l) => l.feePercent)).toEqual(['0', '10']);
  });

  it('is out of policy past the days or for a product not returnable', () => {
    const at = new Date('2026-11-01T00:00:00Z');
    expect(checkPolicy(policy, at, new Date('2026-12-02T00:00:00Z'), []).withinDays).toBe(false);
    expect(checkPolicy(policy, null, at, [{ lineNo: 1, reason: 'other', returnable: false }]).inPolicy).toBe(false);
  });

  it('refunds what came back at the line price less the fee, half-up to the fen', () => {
    expect(
      refundOf([
        { unit_price: '33.33', fee_percent: '10.00', good: 1, defective: 0 },
        { unit_price: '100.00', fee_percent: '0', good: 1, defective: 1 },
      ]),
    ).toEqual({ value: '233.33', fee: '3.33', amount: '230.00' });
  });
});
