import { describe, expect, it } from 'vitest';
import { availableEvents, refusal, validateMachine, type Actor } from '../../lib/state-machine';
import { inquiryMachine, quotationMachine as m } from './quotation.machine';

const as = (...roles: string[]): Actor => ({ userId: 'u', companyId: 'c', roles });
const within = { approvalReasons: [], validUntil: '2026-12-15', today: '2026-12-01' };
const under = { ...within, approvalReasons: ['discount'] };

describe('quotation machine', () => {
  it('is a valid table, and so is the inquiry machine', () => {
    expect(validateMachine(m)).toEqual([]);
    expect(validateMachine(inquiryMachine)).toEqual([]);
  });

  it('within the limits a draft is sent; under them it goes to the sales director first', () => {
    expect(availableEvents(m, 'draft', as('sales_assistant'), within)).toEqual(['send', 'revise']);
    expect(availableEvents(m, 'draft', as('sales_assistant'), under)).toEqual(['submit', 'revise']);
    expect(refusal(m, 'draft', 'send', as('sales_assistant'), under)).toBe('QUOTATION.APPROVAL_NEEDED');
    expect(refusal(m, 'in_review', 'approve', as('sales_assistant'), under)).toBe('AUTH.FORBIDDEN');
    expect(refusal(m, 'in_review', 'approve', as('sales_director'), under)).toBeUndefined();
  });

  it('is accepted only within its validity; expired and answered quotations are final', () => {
    expect(refusal(m, 'sent', 'accept', as('sales_assistant'), within)).toBeUndefined();
    expect(refusal(m, 'sent', 'accept', as('sales_assistant'), { ...within, today: '2026-12-16' })).toEqual({
      code: 'QUOTATION.EXPIRED',
      params: { validUntil: '2026-12-15' },
    });
    const late = { ...within, today: '2026-12-16' };
    expect(refusal(m, 'approved', 'send', as('sales_assistant'), late)).toMatchObject({ code: 'QUOTATION.EXPIRED' });
    expect(availableEvents(m, 'draft', as('sales_assistant'), late)).toEqual(['revise']);
    for (const s of ['accepted', 'declined', 'expired'] as const)
      expect(availableEvents(m, s, as('sales_assistant'), within)).toEqual([]);
  });
});
