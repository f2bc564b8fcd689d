import type { MachineLabels } from '../../lib/state-machine';
import type { ReservationEvent, ReservationStatus } from './reservation.machine';

/** Names of the states and events in the user's language (messages, forms, exports). */
export const reservationLabels: MachineLabels<ReservationStatus, ReservationEvent> = {
  states: {
    held: { zh: '预留中', en: 'Held' },
    converted: { zh: '已转订单', en: 'Converted' },
    expired: { zh: '已过期', en: 'Expired' },
    released: { zh: '已释放', en: 'Released' },
  },
  events: {
    convert: { zh: '转为发货', en: 'convert' },
    expire: { zh: '过期', en: 'expire' },
    release: { zh: '释放', en: 'release' },
  },
};
