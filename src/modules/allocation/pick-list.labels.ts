import type { MachineLabels } from '../../lib/state-machine';
import type { PickListEvent, PickListStatus } from './pick-list.machine';

/** Names of the states and events in the user's language (messages, forms, exports). */
export const pickListLabels: MachineLabels<PickListStatus, PickListEvent> = {
  states: {
    open: { zh: '待过账', en: 'Open' },
    posted: { zh: '已过账', en: 'Posted' },
    cancelled: { zh: '已取消', en: 'Cancelled' },
  },
  events: {
    post: { zh: '过账', en: 'post' },
    cancel: { zh: '取消', en: 'cancel' },
  },
};
