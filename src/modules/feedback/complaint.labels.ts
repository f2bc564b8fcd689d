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

/** Complaint types and resolutions by name, for exports in the request's language. */
export const complaintTypeLabels: Record<string, { zh: string; en: string }> = {
  short: { zh: '少货', en: 'Short' },
  damage: { zh: '破损', en: 'Damage' },
  wrong_item: { zh: '错发', en: 'Wrong item' },
  quality: { zh: '质量问题', en: 'Quality' },
  late: { zh: '延误', en: 'Late' },
};
export const resolutionLabels: Record<string, { zh: string; en: string }> = {
  reship: { zh: '补发', en: 'Reship' },
  return: { zh: '退货', en: 'Return' },
  allowance: { zh: '折让', en: 'Allowance' },
};
