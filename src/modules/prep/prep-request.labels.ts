import type { MachineLabels } from '../../lib/state-machine';
import type { PrepRequestStatus } from './prep.table';
import type { PrepRequestEvent } from './prep-request.machine';

/** Names of the states and events in the user's language (messages, forms, exports). */
export const prepRequestLabels: MachineLabels<PrepRequestStatus, PrepRequestEvent> = {
  states: {
    pending_director: { zh: '待总监审批', en: 'Awaiting the director' },
    pending_gm: { zh: '待总经理审批', en: 'Awaiting the general manager' },
    approved: { zh: '已批准', en: 'Approved' },
    rejected: { zh: '已驳回', en: 'Rejected' },
    prepared: { zh: '已备好', en: 'Prepared' },
  },
  events: {
    approve_director: { zh: '总监批准', en: 'approve (director)' },
    escalate_gm: { zh: '转总经理', en: 'pass to the general manager' },
    approve_gm: { zh: '总经理批准', en: 'approve (general manager)' },
    reject: { zh: '驳回', en: 'reject' },
    mark_prepared: { zh: '备好', en: 'mark prepared' },
  },
};
