import { defineMachine, statusColumn } from '../../lib/state-machine';
import type { CallbackStatus } from './feedback.table';
import { callbackLabels } from './callback.labels';

export type CallbackEvent = 'record';

// 回访: opened at delivery, due within 24 h; done once customer service records what the customer said.
export const callbackMachine = defineMachine<CallbackStatus, CallbackEvent, unknown>({
  entity: 'callback',
  labels: callbackLabels,
  store: statusColumn('callbacks', { stamp: { at: 'done_at', by: 'done_by' } }),
  initial: 'open',
  states: ['open', 'done'],
  transitions: [{ from: ['open'], event: 'record', to: 'done', roles: ['customer_service'] }],
});
