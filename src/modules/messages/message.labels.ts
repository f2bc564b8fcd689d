import type { MachineLabels } from '../../lib/state-machine';
import type { MessageEvent } from './message.machine';
import type { MessageStatus } from './message.table';

/** Names of the states and events in the user's language (messages, forms, exports). */
export const messageLabels: MachineLabels<MessageStatus, MessageEvent> = {
  states: {
    queued: { zh: '待发送', en: 'Queued' },
    sent: { zh: '已发送', en: 'Sent' },
    failed: { zh: '发送失败', en: 'Failed' },
    dead: { zh: '已放弃', en: 'Gave up' },
  },
  events: {
    send: { zh: '发送', en: 'send' },
    fail: { zh: '发送失败', en: 'fail' },
    give_up: { zh: '放弃', en: 'give up' },
    retry: { zh: '重新发送', en: 'retry' },
  },
};
