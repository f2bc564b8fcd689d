import type { MachineLabels } from '../../lib/state-machine';
import type { CreditChangeStatus } from './credit-change.table';
import type { CreditChangeEvent } from './credit-change.machine';

/** Names of the states and events in the user's language (messages, forms, exports). */
export const creditChangeLabels: MachineLabels<CreditChangeStatus, CreditChangeEvent> = {
  states: {
    requested: { zh: '待审批', en: 'Requested' },
    approved: { zh: '已批准', en: 'Approved' },
    rejected: { zh: '已驳回', en: 'Rejected' },
  },
  events: {
    approve: { zh: '批准', en: 'approve' },
    reject: { zh: '驳回', en: 'reject' },
  },
};
