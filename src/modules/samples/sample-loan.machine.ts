import { defineMachine, statusColumn } from '../../lib/state-machine';
import type { SampleLoanStatus } from './sample.table';
import { sampleLoanLabels } from './sample-loan.labels';

export type SampleLoanEvent = 'return' | 'write_off';

// 样机跟踪: a free sample stays out until the warehouse takes it back, or finance or the general manager writes
// it off with a reason.
export const sampleLoanMachine = defineMachine<SampleLoanStatus, SampleLoanEvent, unknown>({
  entity: 'sample_loan',
  labels: sampleLoanLabels,
  store: statusColumn('sample_loans'),
  initial: 'out',
  states: ['out', 'returned', 'written_off'],
  transitions: [
    { from: ['out'], event: 'return', to: 'returned', roles: ['warehouse'] },
    { from: ['out'], event: 'write_off', to: 'written_off', roles: ['finance', 'general_manager'] },
  ],
});

export const SAMPLE_LOAN_STATES = sampleLoanMachine.states;
