import { defineMachine, statusColumn } from '../../lib/state-machine';
import type { ProductionRequestStatus } from './production.table';
import { productionLabels } from './production.labels';

export type ProductionEvent = 'answer' | 'decline' | 'cancel' | 'start' | 'finish';

/** Who may take an order out of review (reject or cancel it): its open requests go with it. */
const ORDER_WITHDRAWERS = [
  'sales_director',
  'reviewer',
  'general_manager',
  'sales_assistant',
  'finance',
  'production_planner',
  'order_admin',
];

const UNFINISHED_SCHEDULED = ['answered', 'in_production'] as const;

// 生产可行性申请: the planner answers with a completion date or declines with a reason.
export const productionRequestMachine = defineMachine<ProductionRequestStatus, ProductionEvent, object>({
  entity: 'production_request',
  labels: productionLabels,
  store: statusColumn('production_requests'),
  initial: 'requested',
  states: ['requested', 'answered', 'declined', 'cancelled', 'in_production', 'in_stock'],
  transitions: [
    { from: ['requested'], event: 'answer', to: 'answered', roles: ['production_planner'] },
    { from: ['requested'], event: 'decline', to: 'declined', roles: ['production_planner'] },
    // A short-closed order (短结) also withdraws scheduled work it no longer needs.
    { from: ['requested', ...UNFINISHED_SCHEDULED], event: 'cancel', to: 'cancelled', roles: ORDER_WITHDRAWERS },
    // 生产进度: scheduled (answered) → in production → in stock, updated at least weekly.
    { from: ['answered'], event: 'start', to: 'in_production', roles: ['production_planner'] },
    { from: ['in_production'], event: 'finish', to: 'in_stock', roles: ['production_planner'] },
  ],
});

/** Requests still waiting for the planner's answer. */
export const OPEN: readonly ProductionRequestStatus[] = ['requested'];
/** Scheduled work whose progress the planner reports at least weekly. */
export const SCHEDULED: readonly ProductionRequestStatus[] = ['answered', 'in_production'];
export const PRODUCTION_STATUSES = productionRequestMachine.states;
/** Requests not finished: what a short-closed order cancels. */
export const UNFINISHED: readonly ProductionRequestStatus[] = [...OPEN, ...UNFINISHED_SCHEDULED];
