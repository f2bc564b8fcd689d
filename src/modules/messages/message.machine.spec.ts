import { describe, expect, it } from 'vitest';
import { refusal, validateMachine, type Actor } from '../../lib/state-machine';
import { messageMachine } from './message.machine';

const actor = (...roles: string[]): Actor => ({ userId: 'u', companyId: 'c', roles });

describe('message machine', () => {
  it('is a valid table', () => {
    expect(validateMachine(messageMachine)).toEqual([]);
  });

  it('the sender sends, fails and gives up; only an admin queues a failed or dead message again', () => {
    const system = actor('system');
    expect(refusal(messageMachine, 'queued', 'send', system, {})).toBeUndefined();
    expect(refusal(messageMachine, 'failed', 'fail', system, {})).toBeUndefined();
    expect(refusal(messageMachine, 'failed', 'give_up', system, {})).toBeUndefined();
    expect(refusal(messageMachine, 'dead', 'retry', actor('admin'), {})).toBeUndefined();
    expect(refusal(messageMachine, 'dead', 'retry', actor('sales'), {})).toBe('AUTH.FORBIDDEN');
    expect(refusal(messageMachine, 'sent', 'retry', actor('admin'), {})).toBe('STATE.ILLEGAL_TRANSITION');
    expect(refusal(messageMachine, 'dead', 'send', system, {})).toBe('STATE.ILLEGAL_TRANSITION');
  });
});
