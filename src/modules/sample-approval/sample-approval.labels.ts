import type { Label } from '../../lib/errors';
import type { MachineLabels } from '../../lib/state-machine';
import type { SampleApprovalStatus, SampleDecision } from './sample-approval.table';
import type { SampleApprovalEvent } from './sample-approval.machine';

/** Names of the states and events in the user's language (messages, forms, exports). */
export const sampleApprovalLabels: MachineLabels<SampleApprovalStatus, SampleApprovalEvent> = {
  states: {
    pending: { zh: '待确认', en: 'Pending' },
    approved: { zh: '已确认', en: 'Approved' },
  },
  events: {
    approve: { zh: '确认样品', en: 'approve the sample' },
  },
};

/** A round's decision, in the user's language. */
export const sampleDecisionLabels: Record<SampleDecision, Label> = {
  approved: { zh: '通过', en: 'Approved' },
  rejected: { zh: '不通过', en: 'Rejected' },
  revise: { zh: '修改后再送', en: 'Revise and resend' },
};
