import type { MachineLabels } from '../../lib/state-machine';
import type { ReturnStatus } from './return.table';
import type { ReturnEvent } from './return.machine';

/** Names of the states and events in the user's language (messages, forms, exports). */
export const returnLabels: MachineLabels<ReturnStatus, ReturnEvent> = {
  states: {
    requested: { zh: '待审批', en: 'Requested' },
    approved: { zh: '已批准', en: 'Approved' },
    rejected: { zh: '已驳回', en: 'Rejected' },
    awaiting_goods: { zh: '待收货', en: 'Awaiting goods' },
    received: { zh: '已收货', en: 'Received' },
    inspected: { zh: '已验收', en: 'Inspected' },
    refund_pending: { zh: '待退款', en: 'Refund approved' },
    exchange: { zh: '换货中', en: 'Exchange' },
    refunded: { zh: '已退款', en: 'Refunded' },
    closed: { zh: '已关闭', en: 'Closed' },
  },
  events: {
    approve: { zh: '批准', en: 'approve' },
    reject: { zh: '驳回', en: 'reject' },
    ship: { zh: '登记取件/寄回', en: 'book the pickup' },
    receive: { zh: '确认收货', en: 'receive' },
    inspect: { zh: '验收', en: 'inspect' },
    approve_refund: { zh: '批准退款', en: 'approve the refund' },
    refund: { zh: '登记退款', en: 'record the refund' },
    exchange: { zh: '换货', en: 'exchange' },
    close: { zh: '关闭', en: 'close' },
  },
};
