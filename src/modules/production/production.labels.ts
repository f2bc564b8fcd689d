import type { MachineLabels } from '../../lib/state-machine';
import type { ProductionRequestStatus } from './production.table';
import type { ProductionEvent } from './production.machine';

/** Names of the states and events in the user's language (messages, forms, exports). */
export const productionLabels: MachineLabels<ProductionRequestStatus, ProductionEvent> = {
  states: {
    requested: { zh: '待答复', en: 'Requested' },
    answered: { zh: '已排产', en: 'Answered' },
    declined: { zh: '不能生产', en: 'Declined' },
    cancelled: { zh: '已取消', en: 'Cancelled' },
    in_production: { zh: '生产中', en: 'In production' },
    in_stock: { zh: '已入库', en: 'In stock' },
  },
  events: {
    answer: { zh: '答复', en: 'answer' },
    decline: { zh: '拒绝', en: 'decline' },
    cancel: { zh: '取消', en: 'cancel' },
    start: { zh: '开始生产', en: 'start' },
    finish: { zh: '完工入库', en: 'finish' },
  },
};
