import { defineMachine, statusColumn } from '../../lib/state-machine';
import type { ShipmentStatus } from './shipment.table';

export type ShipmentEvent = 'pick' | 'recheck' | 'pack' | 'ship' | 'deliver' | 'cancel';

// 出库单: picked, rechecked (model, quantity, address), packed, shipped, delivered.
export const shipmentMachine = defineMachine<ShipmentStatus, ShipmentEvent, unknown>({
  entity: 'shipment',
  store: statusColumn('shipments'),
  initial: 'to_pick',
  states: ['to_pick', 'picked', 'rechecked', 'packed', 'shipped', 'delivered', 'cancelled'],
  transitions: [
    { from: ['to_pick'], event: 'pick', to: 'picked', roles: ['warehouse'] },
    { from: ['picked'], event: 'recheck', to: 'rechecked', roles: ['warehouse'] },
    { from: ['rechecked'], event: 'pack', to: 'packed', roles: ['warehouse'] },
    { from: ['packed'], event: 'ship', to: 'shipped', roles: ['warehouse'] },
    { from: ['shipped'], event: 'deliver', to: 'delivered', roles: ['logistics', 'customer_service', 'warehouse'] },
    {
      from: ['to_pick', 'picked', 'rechecked', 'packed'],
      event: 'cancel',
      to: 'cancelled',
      roles: ['warehouse', 'order_admin'],
    },
  ],
});

/** Shipments still in the warehouse: their lines hold part of their order lines' reservations. */
export const IN_WAREHOUSE: readonly ShipmentStatus[] = ['to_pick', 'picked', 'rechecked', 'packed'];
/** Shipments that left the warehouse: their lines were issued from stock. */
export const LEFT_WAREHOUSE: readonly ShipmentStatus[] = ['shipped', 'delivered'];
