import { defineMachine, statusColumn } from '../../lib/state-machine';
import { messageLabels } from './message.labels';
import type { MessageStatus } from './message.table';

export type MessageEvent = 'send' | 'fail' | 'give_up' | 'retry';

// A message to a customer: queued until a channel takes it (sent); a failed try leaves it failed with the next try
// scheduled; after the last try it is dead and the admin is told. An admin may queue a failed or dead one again.
export const messageMachine = defineMachine<MessageStatus, MessageEvent, unknown>({
  entity: 'message',
  labels: messageLabels,
  store: statusColumn('messages'),
  initial: 'queued',
  states: ['queued', 'sent', 'failed', 'dead'],
  transitions: [
    // The sender's own role.
    { from: ['queued', 'failed'], event: 'send', to: 'sent', roles: ['system'] },
    { from: ['queued', 'failed'], event: 'fail', to: 'failed', roles: ['system'] },
    { from: ['queued', 'failed'], event: 'give_up', to: 'dead', roles: ['system'] },
    { from: ['failed', 'dead'], event: 'retry', to: 'queued', roles: ['admin'] },
  ],
});
