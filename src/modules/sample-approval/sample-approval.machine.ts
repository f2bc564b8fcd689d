import { defineMachine, statusColumn } from '../../lib/state-machine';
import type { SampleApprovalStatus } from './sample-approval.table';
import { sampleApprovalLabels } from './sample-approval.labels';

export type SampleApprovalEvent = 'approve';

/** Who sends samples and records the customer's answer. */
export const SAMPLE_APPROVAL_ROLES = [
  'sales_assistant',
  'sales_director',
  'order_admin',
  'general_manager',
  'reviewer',
] as const;

// 样品确认: pending while rounds go back and forth (rejected, revise); an approved round approves it for good,
// and only then may bulk production start.
export const sampleApprovalMachine = defineMachine<SampleApprovalStatus, SampleApprovalEvent, unknown>({
  entity: 'sample_approval',
  labels: sampleApprovalLabels,
  store: statusColumn('sample_approvals'),
  initial: 'pending',
  states: ['pending', 'approved'],
  transitions: [{ from: ['pending'], event: 'approve', to: 'approved', roles: [...SAMPLE_APPROVAL_ROLES, 'customer'] }],
});
