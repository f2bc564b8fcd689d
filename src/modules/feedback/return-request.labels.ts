import type { MachineLabels } from '../../lib/state-machine';
import type { ReturnRequestStatus } from './feedback.table';
import type { ReturnRequestEvent } from './return-request.machine';

/** Names of the states and events in the user's language (messages, forms, exports). */
export const returnRequestLabels: MachineLabels<ReturnRequestStatus, ReturnRequestEvent> = {
  states: {
    requested: { zh: '待审批', en: 'Requested' },
    approved: { zh: '已批准', en: 'Approved' },
    rejected: { zh: '已驳回', en: 'Rejected' },
    closed: { zh: '已关闭', en: 'Closed' },
  },
  events: {
    approve: { zh: '批准', en: 'approve' },
    reject: { zh: '驳回', en: 'reject' },
    close: { zh: '关闭', en: 'close' },
  },
};
