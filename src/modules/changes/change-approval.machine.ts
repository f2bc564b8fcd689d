import { defineMachine, statusColumn, type Guard } from '../../lib/state-machine';
import type { ApprovalStatus } from './change.table';
import { CHANGE_APPLIERS, CHANGE_DECIDERS, CHANGE_OPENERS } from './change.machine';
import { changeApprovalLabels } from './change-approval.labels';

export type ApprovalEvent = 'approve' | 'reject' | 'cancel';

/** Facts a stage decision is checked against. */
export type ApprovalGuardContext = { role: string; requestedBy: string };

/** Only the stage's department decides it (admins may). */
export const ofStageRole: Guard<ApprovalGuardContext> = (c) =>
  c.actor.roles.some((r) => r === 'admin' || r === c.role) ? undefined : 'CHANGE.NOT_YOUR_STAGE';

/** Whoever asked for the change does not approve it, admins included. */
export const notOwnChange: Guard<ApprovalGuardContext> = (c) =>
  c.requestedBy === c.actor.userId ? 'CHANGE.OWN_REQUEST' : undefined;

export const OPEN_APPROVAL: readonly ApprovalStatus[] = ['pending'];

// 变更审批环节: each department's stage waits, then is approved or rejected (with a reason) by that department,
// or cancelled with its change (rejected at another stage, or cancelled).
export const changeApprovalMachine = defineMachine<ApprovalStatus, ApprovalEvent, ApprovalGuardContext>({
  entity: 'change_approval',
  labels: changeApprovalLabels,
  store: statusColumn('change_approvals'),
  initial: 'pending',
  states: ['pending', 'approved', 'rejected', 'cancelled'],
  transitions: [
    {
      from: ['pending'],
      event: 'approve',
      to: 'approved',
      roles: CHANGE_DECIDERS,
      guards: [ofStageRole, notOwnChange],
    },
    { from: ['pending'], event: 'reject', to: 'rejected', roles: CHANGE_DECIDERS, guards: [ofStageRole] },
    {
      from: ['pending'],
      event: 'cancel',
      to: 'cancelled',
      roles: [...CHANGE_DECIDERS, ...CHANGE_OPENERS, ...CHANGE_APPLIERS],
    },
  ],
});
