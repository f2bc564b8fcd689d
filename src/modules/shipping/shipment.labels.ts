import type { MachineLabels } from '../../lib/state-machine';
import type { ShipmentStatus } from './shipment.table';
import type { ShipmentEvent } from './shipment.machine';

/** Names of the states and events in the user's language (messages, forms, exports). */
export const shipmentLabels: MachineLabels<ShipmentStatus, ShipmentEvent> = {
  states: {
    to_pick: { zh: '待拣货', en: 'To pick' },
    picked: { zh: '已拣货', en: 'Picked' },
    rechecked: { zh: '已复核', en: 'Rechecked' },
    packed: { zh: '已打包', en: 'Packed' },
    shipped: { zh: '已发运', en: 'Shipped' },
    delivered: { zh: '已签收', en: 'Delivered' },
    cancelled: { zh: '已取消', en: 'Cancelled' },
  },
  events: {
    pick: { zh: '拣货', en: 'pick' },
    recheck: { zh: '复核', en: 'recheck' },
    pack: { zh: '打包', en: 'pack' },
    ship: { zh: '发运', en: 'ship' },
    deliver: { zh: '签收', en: 'deliver' },
    cancel: { zh: '取消', en: 'cancel' },
  },
};
