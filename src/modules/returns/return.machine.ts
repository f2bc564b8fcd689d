import { defineMachine, statusColumn, type Refusal } from '../../lib/state-machine';
import type { ReturnStatus } from './return.table';
import { returnLabels } from './return.labels';

export type ReturnEvent =
  'approve' | 'reject' | 'ship' | 'receive' | 'inspect' | 'approve_refund' | 'refund' | 'exchange' | 'close';

/** Facts the guards need: whether the request is within the policy, and the refund against finance's limit. */
export type ReturnFacts = { inPolicy: boolean; refundOverFinanceLimit: boolean };

const DIRECTOR = ['sales_director'];

/** Out-of-policy returns (too late, or a product not returnable) are approved by the sales director only. */
const outOfPolicyNeedsDirector = ({ inPolicy, actor }: ReturnFacts & { actor: { roles: readonly string[] } }) =>
  inPolicy || actor.roles.some((r) => r === 'admin' || DIRECTOR.includes(r))
    ? undefined
    : ('RETURN.OUT_OF_POLICY' as Refusal);

/** Finance approves refunds below its limit; from the limit up, the general manager does. */
const largeRefundNeedsGm = ({
  refundOverFinanceLimit,
  actor,
}: ReturnFacts & { actor: { roles: readonly string[] } }) =>
  !refundOverFinanceLimit || actor.roles.some((r) => r === 'admin' || r === 'general_manager')
    ? undefined
    : ('RETURN.REFUND_NEEDS_GM' as Refusal);

// 退货单: requested → approved | rejected (sales) → awaiting_goods (pickup booked or sent by the customer)
// → received (warehouse) → inspected (good back to stock, defective to quarantine) → refund_pending (approved
// by GM, or finance below its limit) → refunded (finance records it) → closed; or inspected → exchange
// (a zero-price replacement order) → closed.
export const returnMachine = defineMachine<ReturnStatus, ReturnEvent, ReturnFacts>({
  entity: 'return_request',
  publish: { approve: 'return.approved', receive: 'return.received', refund: 'return.refunded' },
  labels: returnLabels,
  store: statusColumn('return_requests'),
  initial: 'requested',
  states: [
    'requested',
    'approved',
    'rejected',
    'awaiting_goods',
    'received',
    'inspected',
    'refund_pending',
    'exchange',
    'refunded',
    'closed',
  ],
  transitions: [
    {
      from: ['requested'],
      event: 'approve',
      to: 'approved',
      roles: ['sales_director', 'order_admin'],
      guards: [outOfPolicyNeedsDirector],
    },
    { from: ['requested'], event: 'reject', to: 'rejected', roles: ['sales_director', 'order_admin'] },
    {
      from: ['approved'],
      event: 'ship',
      to: 'awaiting_goods',
      roles: ['customer_service', 'order_admin', 'logistics', 'sales_assistant'],
    },
    { from: ['awaiting_goods'], event: 'receive', to: 'received', roles: ['warehouse'] },
    { from: ['received'], event: 'inspect', to: 'inspected', roles: ['warehouse'] },
    {
      from: ['inspected'],
      event: 'approve_refund',
      to: 'refund_pending',
      roles: ['general_manager', 'finance'],
      guards: [largeRefundNeedsGm],
    },
    { from: ['refund_pending'], event: 'refund', to: 'refunded', roles: ['finance'] },
    {
      from: ['inspected'],
      event: 'exchange',
      to: 'exchange',
      roles: ['order_admin', 'customer_service', 'sales_director'],
    },
    {
      from: ['rejected', 'refunded', 'exchange'],
      event: 'close',
      to: 'closed',
      roles: ['order_admin', 'customer_service'],
    },
  ],
});
