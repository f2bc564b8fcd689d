import type { MessageKind } from '../../lib/message-kinds';

export { isMessageKind, KIND_CHANNELS, MESSAGE_KINDS, type MessageKind } from '../../lib/message-kinds';

/** Domain events a customer hears of, and as what (shipped comes from the shipment's outbox row, with tracking). */
export const EVENT_KINDS: Record<string, MessageKind> = {
  'order.awaiting_confirmation': 'order_to_sign',
  'order.confirmed': 'order_confirmed',
  'order.changed': 'change_awaiting_confirmation',
  'shipment.delivered': 'delivered',
  'receivable.overdue': 'overdue',
  'return.approved': 'return_approved',
  'return.refunded': 'refund_made',
};
