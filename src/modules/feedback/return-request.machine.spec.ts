import { describe, expect, it } from 'vitest';
import { availableEvents, refusal, validateMachine, type Actor } from '../../lib/state-machine';
import { returnRequestMachine } from './return-request.machine';

const as = (...roles: string[]): Actor => ({ userId: 'u1', companyId: 'c1', roles });

describe('return request machine', () => {
  it('is valid; a request is approved or rejected by the director or order admin, then closed', () => {
    expect(validateMachine(returnRequestMachine)).toEqual([]);
    expect(availableEvents(returnRequestMachine, 'requested', as('sales_director'))).toEqual(['approve', 'reject']);
    expect(availableEvents(returnRequestMachine, 'requested', as('customer_service'))).toEqual([]);
    expect(availableEvents(returnRequestMachine, 'approved', as('customer_service'))).toEqual(['close']);
    expect(availableEvents(returnRequestMachine, 'rejected', as('order_admin'))).toEqual(['close']);
    expect(availableEvents(returnRequestMachine, 'closed', as('admin'))).toEqual([]);
    expect(refusal(returnRequestMachine, 'approved', 'approve', as('order_admin'), undefined)).toBe(
      'STATE.ILLEGAL_TRANSITION',
    );
  });
});
