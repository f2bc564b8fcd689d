import { defineMachine, statusColumn, type Guard } from '../../lib/state-machine';
import type { CreditChangeStatus } from './credit-change.table';
import { creditChangeLabels } from './credit-change.labels';

export type CreditChangeEvent = 'approve' | 'reject';

/** Facts the guards look at: who asked for the change. */
export type CreditChangeContext = { requestedBy: string };

import { CREDIT_CONTROLLERS } from '../customers/credit-terms';

/** The duty that decides customers' credit terms (given to finance users). */
export { CREDIT_CONTROLLERS };

/** Segregation of duties: the one who asked does not approve, admins included. */
export const notOwnRequest: Guard<CreditChangeContext> = (c) =>
  c.requestedBy === c.actor.userId ? 'CREDIT.OWN_REQUEST' : undefined;

// 信用变更申请: sales ask, a credit controller approves (the change takes effect) or rejects.
export const creditChangeMachine = defineMachine<CreditChangeStatus, CreditChangeEvent, CreditChangeContext>({
  entity: 'credit_change_request',
  labels: creditChangeLabels,
  store: statusColumn('credit_change_requests', { stamp: { at: 'decided_at', by: 'decided_by' } }),
  initial: 'requested',
  states: ['requested', 'approved', 'rejected'],
  transitions: [
    { from: ['requested'], event: 'approve', to: 'approved', roles: CREDIT_CONTROLLERS, guards: [notOwnRequest] },
    { from: ['requested'], event: 'reject', to: 'rejected', roles: CREDIT_CONTROLLERS },
  ],
});

/** Requests still waiting for a credit controller. */
export const PENDING: readonly CreditChangeStatus[] = ['requested'];
