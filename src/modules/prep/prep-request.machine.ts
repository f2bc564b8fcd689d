import { defineMachine, statusColumn, type Guard } from '../../lib/state-machine';
import type { PrepRequestStatus } from './prep.table';
import { prepRequestLabels } from './prep-request.labels';

export type PrepRequestEvent = 'approve_director' | 'escalate_gm' | 'approve_gm' | 'reject' | 'mark_prepared';

/** What the guards look at: who raised the request and whether its amount reaches the GM threshold. */
export type PrepGuardContext = { requestedBy: string; aboveThreshold: boolean };

/** Nobody decides a request they raised (admins included). */
export const notOwnRequest: Guard<PrepGuardContext> = (c) =>
  c.requestedBy === c.actor.userId ? 'PREP.OWN_REQUEST' : undefined;
/** Below the threshold the director's approval is the last. */
export const withinDirectorLimit: Guard<PrepGuardContext> = (c) =>
  c.aboveThreshold ? 'STATE.ILLEGAL_TRANSITION' : undefined;
/** At or above the threshold the director's approval passes it on to the general manager. */
export const beyondDirectorLimit: Guard<PrepGuardContext> = (c) =>
  c.aboveThreshold ? undefined : 'STATE.ILLEGAL_TRANSITION';

// 备货 · 备料申请: raised by sales on a forecast, approved by the sales director (and above the amount threshold by
// the general manager too); approved, it becomes production requests; produced, it is prepared.
export const prepRequestMachine = defineMachine<PrepRequestStatus, PrepRequestEvent, PrepGuardContext>({
  entity: 'prep_request',
  labels: prepRequestLabels,
  store: statusColumn('prep_requests'),
  initial: 'pending_director',
  states: ['pending_director', 'pending_gm', 'approved', 'rejected', 'prepared'],
  transitions: [
    {
      from: ['pending_director'],
      event: 'approve_director',
      to: 'approved',
      roles: ['sales_director'],
      guards: [notOwnRequest, withinDirectorLimit],
    },
    {
      from: ['pending_director'],
      event: 'escalate_gm',
      to: 'pending_gm',
      roles: ['sales_director'],
      guards: [notOwnRequest, beyondDirectorLimit],
    },
    { from: ['pending_gm'], event: 'approve_gm', to: 'approved', roles: ['general_manager'], guards: [notOwnRequest] },
    { from: ['pending_director'], event: 'reject', to: 'rejected', roles: ['sales_director'], guards: [notOwnRequest] },
    { from: ['pending_gm'], event: 'reject', to: 'rejected', roles: ['general_manager'], guards: [notOwnRequest] },
    { from: ['approved'], event: 'mark_prepared', to: 'prepared', roles: ['production_planner'] },
  ],
});

export const PREP_STATES = prepRequestMachine.states;
