import type { MachineLabels } from '../../lib/state-machine';
import type { OrderStatus } from './order.table';
import type { OrderEvent } from './order.machine';

/** Names of the states and events in the user's language (messages, forms, exports). */
export const orderLabels: MachineLabels<OrderStatus, OrderEvent> = {
  states: {
    draft: { zh: '草稿', en: 'Draft' },
    in_review: { zh: '审核中', en: 'In review' },
    rejected: { zh: '已驳回', en: 'Rejected' },
    awaiting_confirmation: { zh: '待客户确认', en: 'Awaiting confirmation' },
    confirmed: { zh: '已确认', en: 'Confirmed' },
    in_fulfillment: { zh: '执行中', en: 'In fulfilment' },
    partially_shipped: { zh: '部分发货', en: 'Partially shipped' },
    shipped: { zh: '已发货', en: 'Shipped' },
    delivered: { zh: '已签收', en: 'Delivered' },
    completed: { zh: '已完成', en: 'Completed' },
    cancelled: { zh: '已取消', en: 'Cancelled' },
    on_hold: { zh: '挂起', en: 'On hold' },
  },
  events: {
    submit: { zh: '提交审核', en: 'submit' },
    approve_stage: { zh: '审核通过', en: 'approve a stage' },
    approve_final: { zh: '审核完成', en: 'finish the review' },
    reject: { zh: '驳回', en: 'reject' },
    escalate_credit: { zh: '超额转总监', en: 'escalate to the director' },
    confirm: { zh: '客户确认', en: 'confirm' },
    cancel: { zh: '取消', en: 'cancel' },
    hold: { zh: '挂起', en: 'hold' },
    resume: { zh: '恢复', en: 'resume' },
    start_fulfillment: { zh: '开始执行', en: 'start fulfilment' },
    ship_partial: { zh: '部分发货', en: 'ship in part' },
    ship_all: { zh: '全部发货', en: 'ship in full' },
    deliver: { zh: '签收', en: 'deliver' },
    complete: { zh: '完成', en: 'complete' },
    short_close: { zh: '短交结案', en: 'short-close' },
    short_close_delivered: { zh: '短交结案', en: 'short-close' },
  },
};
