import { defineMachine, statusColumn } from '../../lib/state-machine';
import { lcLabels } from './export.labels';

export type LcStatus = 'received' | 'checked_ok' | 'discrepant';
export type LcEvent = 'check_ok' | 'check_discrepant' | 'amend';
export const LC_STATES = ['received', 'checked_ok', 'discrepant'] as const;
export const LC_CHECKERS = ['documents_clerk', 'finance'];

// 信用证: recorded when it arrives, checked by the documents clerk against the contract (相符 or 不符点);
// an amendment (改证) is a new version, to be checked again.
export const lcMachine = defineMachine<LcStatus, LcEvent, unknown>({
  entity: 'letter_of_credit',
  labels: lcLabels,
  store: statusColumn('letters_of_credit'),
  initial: 'received',
  states: LC_STATES,
  transitions: [
    { from: ['received'], event: 'check_ok', to: 'checked_ok', roles: LC_CHECKERS },
    { from: ['received'], event: 'check_discrepant', to: 'discrepant', roles: LC_CHECKERS },
    { from: ['received', 'checked_ok', 'discrepant'], event: 'amend', to: 'received', roles: LC_CHECKERS },
  ],
});
