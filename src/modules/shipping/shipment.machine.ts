import { defineMachine, statusColumn } from '../../lib/state-machine';
import type { ShipmentStatus } from './shipment.table';
import { shipmentLabels } from './shipment.labels';

/** Shipments still in the warehouse: their lines hold part of their order lines' reservations. */
export const IN_WAREHOUSE = ['to_pick', 'picked', 'rechecked', 'packed'] as const satisfies readonly ShipmentStatus[];
/** Shipments that left the warehouse: their lines were issued from stock. */
export const LEFT_WAREHOUSE = ['shipped', 'delivered'] as const satisfies readonly ShipmentStatus[];
export const SHIPMENT_STATES = [...IN_WAREHOUSE, ...LEFT_WAREHOUSE, 'cancelled'] as const;

export type ShipmentEvent = 'pick' | 'recheck' | 'pack' | 'ship' | 'deliver' | 'cancel';

// 出库单: picked, rechecked (model, quantity, address), packed, shipped, delivered.
export const shipmentMachine = defineMachine<ShipmentStatus, ShipmentEvent, unknown>({
  entity: 'shipment',
  publish: { ship: 'shipment.shipped', deliver: 'shipment.delivered', cancel: 'shipment.cancelled' },
  labels: shipmentLabels,
  store: statusColumn('shipments'),
  initial: 'to_pick',
  states: SHIPMENT_STATES,
  transitions: [
    { from: ['to_pick'], event: 'pick', to: 'picked', roles: ['warehouse'] },
    { from: ['picked'], event: 'recheck', to: 'rechecked', roles: ['warehouse'] },
    { from: ['rechecked'], event: 'pack', to: 'packed', roles: ['warehouse'] },
    { from: ['packed'], event: 'ship', to: 'shipped', roles: ['warehouse'] },
    {
      from: ['shipped'],
      event: 'deliver',
      to: 'delivered',
      // The customer signs for it in the portal (with a photo of the delivery).
      roles: ['logistics', 'customer_service', 'warehouse', 'customer'],
    },
    {
      from: IN_WAREHOUSE,
      event: 'cancel',
      to: 'cancelled',
      roles: ['warehouse', 'order_admin'],
    },
  ],
});

export const isInWarehouse = (s: string) => (IN_WAREHOUSE as readonly string[]).includes(s);
export const isLeftWarehouse = (s: string) => (LEFT_WAREHOUSE as readonly string[]).includes(s);
