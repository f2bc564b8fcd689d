import { describe, expect, it } from 'vitest';
import { availableEvents, refusal, validateMachine, type Actor } from '../../lib/state-machine';
import { callbackMachine } from './callback.machine';
import { complaintMachine, UNCLOSED_COMPLAINT } from './complaint.machine';
import { returnRequestMachine } from './return-request.machine';

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

describe('complaint machine', () => {
  it('is valid; an open complaint is resolved or closed, a resolved one only closed, a closed one never moves', () => {
    expect(validateMachine(complaintMachine)).toEqual([]);
    const cs = as('customer_service');
    expect(availableEvents(complaintMachine, 'open', cs)).toEqual(['resolve', 'close']);
    expect(availableEvents(complaintMachine, 'resolved', cs)).toEqual(['close']);
    expect(availableEvents(complaintMachine, 'closed', cs)).toEqual([]);
    expect(refusal(complaintMachine, 'resolved', 'resolve', cs, undefined)).toBe('STATE.ILLEGAL_TRANSITION');
    expect(refusal(complaintMachine, 'open', 'close', as('finance'), undefined)).toBe('AUTH.FORBIDDEN');
  });

  it('names the statuses that keep an order from completing', () => {
    expect(UNCLOSED_COMPLAINT).toEqual(['open', 'resolved']);
    expect(complaintMachine.states.filter((s) => !UNCLOSED_COMPLAINT.includes(s))).toEqual(['closed']);
  });
});

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
