import { defineMachine } from '../../lib/state-machine';
import type { ProductionRequestStatus } from './production.table';

export type ProductionEvent = 'answer' | 'decline' | 'cancel';

// 生产可行性申请: the planner answers with a completion date or declines with a reason.
export const productionRequestMachine = defineMachine<ProductionRequestStatus, ProductionEvent, unknown>({
  entity: 'production_request',
  initial: 'requested',
  states: ['requested', 'answered', 'declined', 'cancelled'],
  transitions: [
    { from: ['requested'], event: 'answer', to: 'answered', roles: ['production_planner'] },
    { from: ['requested'], event: 'decline', to: 'declined', roles: ['production_planner'] },
    { from: ['requested'], event: 'cancel', to: 'cancelled', roles: ['sales_director', 'reviewer', 'general_manager', 'sales_assistant'] },
  ],
});
