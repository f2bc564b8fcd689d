import { defineMachine, statusColumn } from '../../lib/state-machine';
import type { ComplaintStatus } from './feedback.table';

// 投诉: resolved within its limit by reship, return or allowance, then closed when the customer agrees.
export const complaintMachine = defineMachine<ComplaintStatus, 'resolve' | 'close', unknown>({
  entity: 'complaint',
  store: statusColumn('complaints'),
  initial: 'open',
  states: ['open', 'resolved', 'closed'],
  transitions: [
    { from: ['open'], event: 'resolve', to: 'resolved', roles: ['customer_service'] },
    { from: ['resolved'], event: 'close', to: 'closed', roles: ['customer_service'] },
  ],
});
