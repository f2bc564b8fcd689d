import { defineMachine, statusColumn, type Guard } from '../../lib/state-machine';
import { SHIPPABLE } from '../orders/order.machine';
import type { OrderStatus } from '../orders/order.table';
import type { AllocationReservationsTable } from './allocation.table';
import { reservationLabels } from './reservation.labels';

export type ReservationStatus = AllocationReservationsTable['status'];
export type ReservationEvent = 'convert' | 'expire' | 'release';

/** Facts about the reservation's order, gathered by the service. */
export type ReservationGuardContext = { order?: { number: string; status: OrderStatus } };

/** A reservation turns into a shipment only while its order may still ship (never a cancelled order's). */
export const orderStillShippable: Guard<ReservationGuardContext> = (c) =>
  c.order && !SHIPPABLE.includes(c.order.status)
    ? { code: 'RESERVATION.ORDER_NOT_OPEN', params: { number: c.order.number, status: c.order.status } }
    : undefined;

/** Units held for an unpaid franchisee until payment or expiry (6.4.2.5). */
export const HELD: readonly ReservationStatus[] = ['held'];

// 分货预留: held units are converted to a shipment when the franchisee pays, expire on their day, or are
// released when their order is cancelled (or by the planner).
export const reservationMachine = defineMachine<ReservationStatus, ReservationEvent, ReservationGuardContext>({
  entity: 'allocation_reservation',
  labels: reservationLabels,
  store: statusColumn('allocation_reservations'),
  initial: 'held',
  states: ['held', 'converted', 'expired', 'released'],
  transitions: [
    {
      from: ['held'],
      event: 'convert',
      to: 'converted',
      roles: ['finance'],
      guards: [orderStillShippable],
    },
    // The expiry job's own role: no person expires a reservation by hand (they release it).
    { from: ['held'], event: 'expire', to: 'expired', roles: ['system'] },
    {
      from: ['held'],
      event: 'release',
      to: 'released',
      // The order desk too: an applied order change or a short-close releases what the order no longer needs.
      roles: ['allocation_planner', 'sales_director', 'reviewer', 'general_manager', 'order_admin'],
    },
  ],
});
