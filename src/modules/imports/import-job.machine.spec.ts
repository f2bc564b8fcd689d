import { describe, expect, it } from 'vitest';
import { refusal, validateMachine, type Actor } from '../../lib/state-machine';
import { importJobMachine } from './import-job.machine';

const actor = (...roles: string[]): Actor => ({ userId: 'u', companyId: 'c', roles });

describe('import job machine', () => {
  it('is a valid table', () => {
    expect(validateMachine(importJobMachine)).toEqual([]);
  });

  it('only the runner starts a job and ends it once, succeeded or failed', () => {
    const system = actor('system');
    expect(refusal(importJobMachine, 'queued', 'start', system, {})).toBeUndefined();
    expect(refusal(importJobMachine, 'running', 'succeed', system, {})).toBeUndefined();
    expect(refusal(importJobMachine, 'running', 'fail', system, {})).toBeUndefined();
    expect(refusal(importJobMachine, 'queued', 'start', actor('sales_assistant'), {})).toBe('AUTH.FORBIDDEN');
    expect(refusal(importJobMachine, 'succeeded', 'fail', system, {})).toBe('STATE.ILLEGAL_TRANSITION');
    expect(refusal(importJobMachine, 'queued', 'succeed', system, {})).toBe('STATE.ILLEGAL_TRANSITION');
  });
});
