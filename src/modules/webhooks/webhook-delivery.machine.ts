import { defineMachine, statusColumn } from '../../lib/state-machine';
import { deliveryLabels } from './webhook-delivery.labels';
import type { DeliveryStatus } from './webhook.table';

export type DeliveryEvent = 'deliver' | 'give_up' | 'redeliver';

// A webhook delivery: pending (with attempts and the next try) until the receiver answers 2xx, or dead after the
// last retry; an admin may send a dead one again. Failed tries are attempts, not moves.
export const deliveryMachine = defineMachine<DeliveryStatus, DeliveryEvent, unknown>({
  entity: 'webhook_delivery',
  labels: deliveryLabels,
  store: statusColumn('webhook_deliveries'),
  initial: 'pending',
  states: ['pending', 'delivered', 'dead'],
  transitions: [
    // The sender's own role: it acts in the name of the admin who subscribed.
    { from: ['pending'], event: 'deliver', to: 'delivered', roles: ['system'] },
    { from: ['pending'], event: 'give_up', to: 'dead', roles: ['system'] },
    { from: ['dead'], event: 'redeliver', to: 'pending', roles: ['admin'] },
  ],
});
