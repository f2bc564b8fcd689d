import type { MachineLabels } from '../../lib/state-machine';
import type { CallbackStatus } from './feedback.table';
import type { CallbackEvent } from './callback.machine';

/** Names of the states and events in the user's language (messages, forms, exports). */
export const callbackLabels: MachineLabels<CallbackStatus, CallbackEvent> = {
  states: {
    open: { zh: '待回访', en: 'Open' },
    done: { zh: '已回访', en: 'Done' },
  },
  events: {
    record: { zh: '记录回访', en: 'record' },
  },
};
