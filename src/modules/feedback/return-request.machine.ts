import { defineMachine, statusColumn } from '../../lib/state-machine';
import type { ReturnRequestStatus } from './feedback.table';
import { returnRequestLabels } from './return-request.labels';

export type ReturnRequestEvent = 'approve' | 'reject' | 'close';

// 退货申请: a request with its reason, reviewed against the return policy, then closed when the return is done
// (or the refusal told to the customer). Pickup, inspection and refund come with the returns flow.
export const returnRequestMachine = defineMachine<ReturnRequestStatus, ReturnRequestEvent, unknown>({
  entity: 'return_request',
  labels: returnRequestLabels,
  store: statusColumn('return_requests'),
  initial: 'requested',
  states: ['requested', 'approved', 'rejected', 'closed'],
  transitions: [
    { from: ['requested'], event: 'approve', to: 'approved', roles: ['sales_director', 'order_admin'] },
    { from: ['requested'], event: 'reject', to: 'rejected', roles: ['sales_director', 'order_admin'] },
    { from: ['approved', 'rejected'], event: 'close', to: 'closed', roles: ['order_admin', 'customer_service'] },
  ],
});
