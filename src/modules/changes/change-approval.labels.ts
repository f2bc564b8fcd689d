import type { MachineLabels } from '../../lib/state-machine';
import type { ApprovalStatus } from './change.table';
import type { ApprovalEvent } from './change-approval.machine';

/** Names of the states and events in the user's language (messages, forms, exports). */
export const changeApprovalLabels: MachineLabels<ApprovalStatus, ApprovalEvent> = {
  states: {
    pending: { zh: '待审', en: 'Pending' },
    approved: { zh: '通过', en: 'Approved' },
    rejected: { zh: '驳回', en: 'Rejected' },
    cancelled: { zh: '已取消', en: 'Cancelled' },
  },
  events: {
    approve: { zh: '通过', en: 'approve' },
    reject: { zh: '驳回', en: 'reject' },
    cancel: { zh: '取消', en: 'cancel' },
  },
};
