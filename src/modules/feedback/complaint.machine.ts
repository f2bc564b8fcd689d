import { defineMachine, statusColumn } from '../../lib/state-machine';
import type { ComplaintStatus } from './feedback.table';
import { complaintLabels } from './complaint.labels';

export type ComplaintEvent = 'resolve' | 'close';

// 投诉: resolved within its limit by reship, return or allowance, then closed with its result and the customer's
// satisfaction when the customer agrees. One found to be no fault (客户撤回) is closed without a resolution.
export const complaintMachine = defineMachine<ComplaintStatus, ComplaintEvent, unknown>({
  entity: 'complaint',
  labels: complaintLabels,
  store: statusColumn('complaints'),
  initial: 'open',
  states: ['open', 'resolved', 'closed'],
  transitions: [
    { from: ['open'], event: 'resolve', to: 'resolved', roles: ['customer_service'] },
    { from: ['open', 'resolved'], event: 'close', to: 'closed', roles: ['customer_service'] },
  ],
});

/** Complaints not closed yet: their order cannot be completed. 未结投诉 */
export const UNCLOSED_COMPLAINT: readonly ComplaintStatus[] = ['open', 'resolved'];
/** Orders a complaint can be opened on at any time, not only from the call-back: goods have left the warehouse. */
export const COMPLAINABLE_ORDER: readonly string[] = ['partially_shipped', 'shipped', 'delivered', 'completed'];
