import { describe, expect, it } from 'vitest';
import { availableEvents, refusal, validateMachine, type Actor } from '../../lib/state-machine';
import { callbackMachine } from './callback.machine';

const as = (...roles: string[]): Actor => ({ userId: 'u1', companyId: 'c1', roles });

describe('call-back machine', () => {
  it('is valid and records an open call-back once, by customer service', () => {
    expect(validateMachine(callbackMachine)).toEqual([]);
    expect(refusal(callbackMachine, 'open', 'record', as('customer_service'), undefined)).toBeUndefined();
    expect(refusal(callbackMachine, 'open', 'record', as('sales_assistant'), undefined)).toBe('AUTH.FORBIDDEN');
    expect(refusal(callbackMachine, 'done', 'record', as('customer_service'), undefined)).toBe(
      'STATE.ILLEGAL_TRANSITION',
    );
    expect(availableEvents(callbackMachine, 'open', as('admin'))).toEqual(['record']);
    expect(availableEvents(callbackMachine, 'done', as('customer_service'))).toEqual([]);
  });
});
