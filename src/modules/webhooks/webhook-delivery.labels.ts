import type { MachineLabels } from '../../lib/state-machine';
import type { DeliveryEvent } from './webhook-delivery.machine';
import type { DeliveryStatus } from './webhook.table';

/** Names of the states and events in the user's language (messages, forms, exports). */
export const deliveryLabels: MachineLabels<DeliveryStatus, DeliveryEvent> = {
  states: {
    pending: { zh: '待投递', en: 'Pending' },
    delivered: { zh: '已送达', en: 'Delivered' },
    dead: { zh: '已放弃', en: 'Gave up' },
  },
  events: {
    deliver: { zh: '送达', en: 'deliver' },
    give_up: { zh: '放弃', en: 'give up' },
    redeliver: { zh: '重新投递', en: 'redeliver' },
  },
};
