import { defineMachine, statusColumn, type Guard } from '../../lib/state-machine';
import { SHIPPABLE } from '../orders/order.machine';
import type { OrderStatus } from '../orders/order.table';
import type { PickListsTable } from './allocation.table';
import { pickListLabels } from './pick-list.labels';

export type PickListStatus = PickListsTable['status'];
export type PickListEvent = 'post' | 'cancel';

/** The orders whose lines are on the list, with their status now. */
export type PickListGuardContext = { orders: readonly { number: string; status: OrderStatus }[] };

/** Every order on the list may still ship: a cancelled or held order's units never leave on it. */
export const ordersStillShippable: Guard<PickListGuardContext> = (c) => {
  const closed = c.orders.find((o) => !SHIPPABLE.includes(o.status));
  return closed
    ? { code: 'PICKLIST.ORDER_NOT_OPEN', params: { number: closed.number, status: closed.status } }
    : undefined;
};

/** Pick lists the warehouse still has to ship. */
export const OPEN_PICK_LIST: readonly PickListStatus[] = ['open'];

// 拣货单 (6.4.4): open until the warehouse posts it (stock issued, franchisee charged); cancelled when nothing
// is left on it (its orders were cancelled).
export const pickListMachine = defineMachine<PickListStatus, PickListEvent, PickListGuardContext>({
  entity: 'pick_list',
  labels: pickListLabels,
  store: statusColumn('pick_lists'),
  initial: 'open',
  states: ['open', 'posted', 'cancelled'],
  transitions: [
    { from: ['open'], event: 'post', to: 'posted', roles: ['warehouse'], guards: [ordersStillShippable] },
    {
      from: ['open'],
      event: 'cancel',
      to: 'cancelled',
      roles: ['allocation_planner', 'sales_director', 'reviewer', 'general_manager'],
    },
  ],
});
