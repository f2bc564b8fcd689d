import type { MachineLabels } from '../../lib/state-machine';
import type { LogisticsExceptionEvent, LogisticsExceptionStatus } from './logistics-exception.machine';

/** Names of the states and events in the user's language (messages, forms, exports). */
export const logisticsExceptionLabels: MachineLabels<LogisticsExceptionStatus, LogisticsExceptionEvent> = {
  states: {
    open: { zh: '未处理', en: 'Open' },
    closed: { zh: '已关闭', en: 'Closed' },
  },
  events: {
    close: { zh: '关闭', en: 'close' },
  },
};
