import type { MachineLabels } from '../../lib/state-machine';
import type { ComplaintStatus } from './feedback.table';
import type { ComplaintEvent } from './complaint.machine';

/** Names of the states and events in the user's language (messages, forms, exports). */
export const complaintLabels: MachineLabels<ComplaintStatus, ComplaintEvent> = {
  states: {
    open: { zh: '待处理', en: 'Open' },
    resolved: { zh: '已处理', en: 'Resolved' },
    closed: { zh: '已关闭', en: 'Closed' },
  },
  events: {
    resolve: { zh: '处理', en: 'resolve' },
    close: { zh: '关闭', en: 'close' },
  },
};
