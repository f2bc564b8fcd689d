import type { MachineLabels } from '../../lib/state-machine';
import type { ChangeStatus } from './change.table';
import type { ChangeEvent } from './change.machine';

/** Names of the states and events in the user's language (messages, forms, exports). */
export const changeLabels: MachineLabels<ChangeStatus, ChangeEvent> = {
  states: {
    draft: { zh: '草稿', en: 'Draft' },
    submitted: { zh: '审批中', en: 'In approval' },
    approved: { zh: '待执行', en: 'Approved' },
    rejected: { zh: '已驳回', en: 'Rejected' },
    applied: { zh: '待客户确认', en: 'Awaiting customer' },
    customer_confirmed: { zh: '客户已确认', en: 'Confirmed by customer' },
    cancelled: { zh: '已取消', en: 'Cancelled' },
  },
  events: {
    submit: { zh: '提交审批', en: 'submit' },
    approve: { zh: '批准', en: 'approve' },
    reject: { zh: '驳回', en: 'reject' },
    apply: { zh: '执行变更', en: 'apply' },
    confirm: { zh: '客户确认', en: 'confirm' },
    cancel: { zh: '取消', en: 'cancel' },
  },
};
